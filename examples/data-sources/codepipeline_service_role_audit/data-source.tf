# The inline policy the console gave the pipeline's service role when the
# pipeline was created, before it used a CodeConnections source and batch builds.
data "aws_iam_role_policy" "current" {
  role = "AWSCodePipelineServiceRole-eu-west-1-shop"
  name = "AWSCodePipelineServiceRole-eu-west-1-shop"
}

# The pipeline as it is now, described as for codepipeline_service_role_policy.
data "codepipeline_service_role_audit" "shop" {
  pipeline_name = "shop"
  pipeline_actions = [
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
      name          = "Build"
      category      = "Build"
      provider      = "CodeBuild"
      configuration = { ProjectName = "shop-build", BatchEnabled = "true" }
    },
  ]
  artifact_stores = [{ location = "codepipeline-eu-west-1-111122223333" }]
  region          = "eu-west-1"
  account_id      = "111122223333"

  policy_documents = [data.aws_iam_role_policy.current.policy]
}

output "role_allows_every_call" {
  value = data.codepipeline_service_role_audit.shop.complete
}

output "missing_calls" {
  value = [for m in data.codepipeline_service_role_audit.shop.missing : "${m.iam_action} on ${m.resource}: ${m.reason}"]
}

# Review it before attaching it to the role.
output "policy_to_add" {
  value = data.codepipeline_service_role_audit.shop.missing_policy_json
}
