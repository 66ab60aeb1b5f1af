# The pipeline's stages, their actions and their stage conditions, described
# once in the shape of aws_codepipeline's stage blocks: pipeline.tf builds the
# pipeline from local.stages, and the service role policy reads the same value.
locals {
  pipeline_name   = "checkout"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_bucket = "checkout-artifacts"

  stages = [
    {
      name = "Source"
      action = [{
        name             = "Source"
        category         = "Source"
        owner            = "AWS"
        provider         = "CodeStarSourceConnection"
        version          = "1"
        input_artifacts  = []
        output_artifacts = ["SourceOutput"]
        configuration = {
          ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
          FullRepositoryId = "example-org/checkout"
          BranchName       = "main"
        }
      }]
    },
    {
      name = "Deploy"
      action = [{
        name             = "Deploy"
        category         = "Deploy"
        owner            = "AWS"
        provider         = "ECS"
        version          = "1"
        input_artifacts  = ["SourceOutput"]
        output_artifacts = []
        configuration    = { ClusterName = "production", ServiceName = "checkout" }
      }]
      before_entry = {
        condition = {
          result = "FAIL"
          rule = [
            {
              name          = "BusinessHours"
              rule_type_id  = { category = "Rule", owner = "AWS", provider = "DeploymentWindow", version = "1" }
              configuration = { Cron = "0 0 9-17 ? * MON-FRI *" }
            },
            {
              name          = "ChangeFreeze"
              rule_type_id  = { category = "Rule", owner = "AWS", provider = "LambdaInvoke", version = "1" }
              configuration = { FunctionName = "change-freeze-check" }
            },
          ]
        }
      }
      on_success = {
        condition = {
          result = "ROLLBACK"
          rule = [{
            name          = "ErrorRate"
            rule_type_id  = { category = "Rule", owner = "AWS", provider = "CloudWatchAlarm", version = "1" }
            configuration = { AlarmName = "checkout-5xx-rate", AlarmStates = "ALARM" }
          }]
        }
      }
    },
  ]
}

data "codepipeline_service_role_policy" "pipeline" {
  pipeline_stages = local.stages
  pipeline_name   = local.pipeline_name
  region          = local.region
  account_id      = local.account_id
  artifact_stores = [{ location = local.artifact_bucket }]
  pass_role_arns  = ["arn:aws:iam::111122223333:role/checkout-task"]
}

output "service_role_policy" {
  value = data.codepipeline_service_role_policy.pipeline.json
}
