# Reviewing a pipeline's IAM in a plan: the documents, why each statement is
# there, and the IAM actions a reviewer approved, pinned so that a pipeline
# change that needs a new permission warns until someone approves it.
terraform {
  required_providers {
    codepipeline = { source = "pipelinepolicy/codepipeline" }
  }
}

variable "extra_action_providers" {
  description = "Action types added to the pipeline, to show what happens when it grows."
  type        = list(string)
  default     = []
}

data "codepipeline_service_role_policy" "pipeline" {
  action_providers = var.extra_action_providers
  pipeline_actions = [
    {
      name     = "Source"
      category = "Source"
      provider = "CodeStarSourceConnection"
      configuration = {
        ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
        FullRepositoryId = "example-org/web-frontend"
        BranchName       = "main"
      }
    },
    {
      name          = "Build"
      category      = "Build"
      provider      = "CodeBuild"
      configuration = { ProjectName = "web-frontend-build" }
    },
  ]
  pipeline_name   = "web-frontend"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_stores = [{ location = "web-frontend-artifacts" }]
}

locals {
  # The IAM actions a reviewer has read and approved. A change to the
  # pipeline that needs another one makes the check below warn on plan, and
  # the test in tests/ fail, until the action is added here.
  approved_iam_actions = [
    "codebuild:BatchGetBuildBatches",
    "codebuild:BatchGetBuilds",
    "codebuild:StartBuild",
    "codebuild:StartBuildBatch",
    "codeconnections:UseConnection",
    "codestar-connections:UseConnection",
    "s3:GetBucketAcl",
    "s3:GetBucketLocation",
    "s3:GetBucketVersioning",
    "s3:GetObject",
    "s3:GetObjectTagging",
    "s3:GetObjectVersion",
    "s3:GetObjectVersionTagging",
    "s3:PutObject",
    "s3:PutObjectAcl",
    "s3:PutObjectTagging",
  ]
  unapproved_iam_actions = setsubtract(data.codepipeline_service_role_policy.pipeline.iam_actions, local.approved_iam_actions)
}

check "iam_actions_approved" {
  assert {
    condition     = length(local.unapproved_iam_actions) == 0
    error_message = "The pipeline now needs IAM actions nobody approved: ${join(", ", sort(local.unapproved_iam_actions))}. Read why in the statements output, then add them to local.approved_iam_actions."
  }
}

# One line per statement: what it grants, to which inputs, and where AWS says so.
output "statements" {
  value = [
    for s in data.codepipeline_service_role_policy.pipeline.statements :
    "${s.policy} ${s.sid}: ${join(", ", s.iam_actions)} <- ${join("; ", s.needed_by)} (${join(" ", s.sources)})"
  ]
}

output "service_role_policy" {
  value = data.codepipeline_service_role_policy.pipeline.json
}
