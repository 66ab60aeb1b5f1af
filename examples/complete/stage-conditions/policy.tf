# The pipeline's stages, their actions and their stage conditions, described
# once: pipeline.tf builds aws_codepipeline from local.stages, and the service
# role policy is derived from the same lists.
locals {
  pipeline_name   = "checkout"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_bucket = "checkout-artifacts"

  stages = {
    Source = {
      actions = [{
        name             = "Source"
        category         = "Source"
        provider         = "CodeStarSourceConnection"
        input_artifacts  = []
        output_artifacts = ["SourceOutput"]
        configuration = {
          ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
          FullRepositoryId = "example-org/checkout"
          BranchName       = "main"
        }
      }]
      conditions = {}
    }
    Deploy = {
      actions = [{
        name             = "Deploy"
        category         = "Deploy"
        provider         = "ECS"
        input_artifacts  = ["SourceOutput"]
        output_artifacts = []
        configuration    = { ClusterName = "production", ServiceName = "checkout" }
      }]
      conditions = {
        before_entry = {
          result = "FAIL"
          rules = [
            { name = "BusinessHours", provider = "DeploymentWindow", configuration = { Cron = "0 0 9-17 ? * MON-FRI *" } },
            { name = "ChangeFreeze", provider = "LambdaInvoke", configuration = { FunctionName = "change-freeze-check" } },
          ]
        }
        on_success = {
          result = "ROLLBACK"
          rules = [
            { name = "ErrorRate", provider = "CloudWatchAlarm", configuration = { AlarmName = "checkout-5xx-rate", AlarmStates = "ALARM" } },
          ]
        }
      }
    }
  }

  actions = flatten([for stage in values(local.stages) : stage.actions])
  rules   = flatten([for stage in values(local.stages) : [for hook in values(stage.conditions) : hook.rules]])
}

data "codepipeline_service_role_policy" "pipeline" {
  pipeline_actions = [
    for action in local.actions : {
      name          = action.name
      category      = action.category
      provider      = action.provider
      configuration = action.configuration
    }
  ]
  pipeline_rules  = local.rules
  pipeline_name   = local.pipeline_name
  region          = local.region
  account_id      = local.account_id
  artifact_stores = [{ location = local.artifact_bucket }]
  pass_role_arns  = ["arn:aws:iam::111122223333:role/checkout-task"]
}

output "service_role_policy" {
  value = data.codepipeline_service_role_policy.pipeline.json
}
