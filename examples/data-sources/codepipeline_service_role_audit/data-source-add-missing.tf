locals {
  role_name = "AWSCodePipelineServiceRole-eu-west-1-shop"
  pipeline = {
    pipeline_name   = "shop"
    region          = "eu-west-1"
    account_id      = "111122223333"
    artifact_stores = [{ location = "codepipeline-eu-west-1-111122223333" }]
    actions = [
      {
        name     = "Source"
        category = "Source"
        provider = "CodeStarSourceConnection"
        configuration = {
          ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
          FullRepositoryId = "example-org/shop"
          BranchName       = "main"
        }
      },
      {
        name          = "Release"
        category      = "Invoke"
        provider      = "StepFunctions"
        configuration = { StateMachineArn = "arn:aws:states:eu-west-1:111122223333:stateMachine:shop-release" }
      },
    ]
  }
}

# The role's original inline policy and a managed policy attached to it.
data "aws_iam_role_policy" "original" {
  role = local.role_name
  name = local.role_name
}

data "aws_iam_policy" "attached" {
  name = "shop-pipeline-connections"
}

# What the original policies lack.
data "codepipeline_service_role_audit" "original" {
  pipeline_name    = local.pipeline.pipeline_name
  pipeline_actions = local.pipeline.actions
  artifact_stores  = local.pipeline.artifact_stores
  region           = local.pipeline.region
  account_id       = local.pipeline.account_id

  policy_documents = [data.aws_iam_role_policy.original.policy, data.aws_iam_policy.attached.policy]
}

# Added as a second inline policy, which follows the pipeline as it changes.
resource "aws_iam_role_policy" "additions" {
  count  = data.codepipeline_service_role_audit.original.complete ? 0 : 1
  role   = local.role_name
  name   = "codepipeline-additions"
  policy = data.codepipeline_service_role_audit.original.missing_policy_json
}

# The gate: with the additions, the role must allow every call. On the first
# run the additions are only known after apply, and so is this audit.
data "codepipeline_service_role_audit" "with_additions" {
  pipeline_name    = local.pipeline.pipeline_name
  pipeline_actions = local.pipeline.actions
  artifact_stores  = local.pipeline.artifact_stores
  region           = local.pipeline.region
  account_id       = local.pipeline.account_id

  policy_documents = concat(
    [data.aws_iam_role_policy.original.policy, data.aws_iam_policy.attached.policy],
    aws_iam_role_policy.additions[*].policy,
  )
  fail_when_incomplete = true
}

output "role_allows_every_call" {
  value = data.codepipeline_service_role_audit.with_additions.complete
}
