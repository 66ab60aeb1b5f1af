# A V2 pipeline whose deploy stage is gated by stage conditions: a deployment
# window and a Lambda check before it starts, an alarm and a smoke test after.
data "codepipeline_service_role_policy" "gated" {
  pipeline_actions = [
    { name = "Source", category = "Source", provider = "CodeStarSourceConnection", configuration = {
      ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
      FullRepositoryId = "example-org/checkout"
      BranchName       = "main"
    } },
    { name = "Deploy", category = "Deploy", provider = "ECS", configuration = { ClusterName = "production", ServiceName = "checkout" } },
  ]
  pipeline_rules = [
    # before_entry
    { name = "BusinessHours", provider = "DeploymentWindow", configuration = { Cron = "0 0 9-17 ? * MON-FRI *" } },
    { name = "ChangeFreeze", provider = "LambdaInvoke", configuration = { FunctionName = "change-freeze-check" } },
    # on_success
    { name = "ErrorRate", provider = "CloudWatchAlarm", configuration = { AlarmName = "checkout-5xx-rate", AlarmStates = "ALARM" } },
    { name = "SmokeTest", provider = "CodeBuild", configuration = { ProjectName = "checkout-smoke-test" } },
  ]
  pipeline_name   = "checkout"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_stores = [{ location = "checkout-artifacts" }]
  pass_role_arns  = ["arn:aws:iam::111122223333:role/checkout-task"]
}

output "gated_policy_json" {
  value = data.codepipeline_service_role_policy.gated.json
}
