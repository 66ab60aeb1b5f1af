# A pipeline in the tools account (111122223333) that deploys a CloudFormation
# stack into the production account (777788889999) with an action role there,
# and starts when its S3 source changes. Every IAM document of both accounts
# comes from this one description; pipeline.tf attaches them.
locals {
  pipeline_name    = "data-jobs"
  region           = "us-east-1"
  tools_account    = "111122223333"
  prod_account     = "777788889999"
  artifact_bucket  = "data-jobs-artifacts"
  artifact_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

  # Built from names, not from the roles' arn attributes: the roles' trust
  # policies come from the data source.
  service_role_arn = "arn:aws:iam::${local.tools_account}:role/${local.pipeline_name}-pipeline"
  deploy_role_arn  = "arn:aws:iam::${local.prod_account}:role/${local.pipeline_name}-deploy-action"
  stack_role_arn   = "arn:aws:iam::${local.prod_account}:role/${local.pipeline_name}-cloudformation"

  actions = [
    {
      name          = "Source"
      category      = "Source"
      provider      = "S3"
      configuration = { S3Bucket = "data-jobs-source", S3ObjectKey = "releases/data-jobs.zip", PollForSourceChanges = "false" }
    },
    {
      name     = "DeployProd"
      category = "Deploy"
      provider = "CloudFormation"
      role_arn = local.deploy_role_arn
      configuration = {
        ActionMode   = "CREATE_UPDATE"
        StackName    = "data-jobs"
        TemplatePath = "SourceOutput::stack.yaml"
        RoleArn      = local.stack_role_arn
      }
    },
  ]
}

data "codepipeline_service_role_policy" "pipeline" {
  pipeline_actions = local.actions
  pipeline_name    = local.pipeline_name
  region           = local.region
  account_id       = local.tools_account
  service_role_arn = local.service_role_arn
  artifact_stores  = [{ location = local.artifact_bucket, encryption_key_id = local.artifact_key_arn }]
}

output "service_role_policy" {
  value = data.codepipeline_service_role_policy.pipeline.json
}

output "deploy_role_policy" {
  value = data.codepipeline_service_role_policy.pipeline.action_role_policies[local.deploy_role_arn]
}

output "deploy_role_trust_policy" {
  value = data.codepipeline_service_role_policy.pipeline.action_role_trust_policies[local.deploy_role_arn]
}

output "artifact_bucket_policy" {
  value = data.codepipeline_service_role_policy.pipeline.artifact_bucket_policy_json
}

output "artifact_key_policy" {
  value = data.codepipeline_service_role_policy.pipeline.artifact_key_policy_json
}

output "event_role_policy" {
  value = data.codepipeline_service_role_policy.pipeline.event_role_policy_json
}
