# The pipeline's stages as one value in the shape of aws_codepipeline's stage
# blocks: the same local.stages feeds the pipeline's dynamic "stage" blocks
# (see examples/complete/stage-conditions) and this data source. A single
# nested block, such as before_entry or its condition, may be one object.
locals {
  stages = [
    {
      name = "Source"
      action = [{
        name     = "Source"
        category = "Source"
        owner    = "AWS"
        provider = "CodeStarSourceConnection"
        version  = "1"
        configuration = {
          ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
          FullRepositoryId = "example-org/payments"
          BranchName       = "main"
        }
      }]
    },
    {
      name = "Deploy"
      action = [{
        name          = "Deploy"
        category      = "Deploy"
        owner         = "AWS"
        provider      = "Lambda"
        version       = "1"
        configuration = { FunctionName = "payments-api", FunctionAlias = "live" }
      }]
      on_failure = {
        result = "ROLLBACK"
        condition = {
          rule = [{
            name          = "Errors"
            rule_type_id  = { category = "Rule", owner = "AWS", provider = "CloudWatchAlarm", version = "1" }
            configuration = { AlarmName = "payments-api-errors" }
          }]
        }
      }
    },
  ]
}

data "codepipeline_service_role_policy" "stages" {
  pipeline_stages = local.stages
  pipeline_name   = "payments"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_stores = [{ location = "payments-artifacts" }]
}

output "stages_policy_json" {
  value = data.codepipeline_service_role_policy.stages.json
}
