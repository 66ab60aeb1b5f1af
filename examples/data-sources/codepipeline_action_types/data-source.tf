# Every action type the provider knows.
data "codepipeline_action_types" "all" {}

locals {
  # An input a module would take from its caller.
  deploy_action = "Deploy/ECS"

  action_type = one([
    for t in data.codepipeline_action_types.all.action_types : t if t.key == local.deploy_action
  ])
}

# What a reviewer needs about the action: the most the service role can be
# granted for it, and the configuration keys that scope those grants.
output "deploy_action_type" {
  value = {
    iam_actions        = local.action_type.iam_actions
    configuration_keys = local.action_type.configuration_keys
    docs_url           = local.action_type.docs_url
  }

  precondition {
    condition     = local.action_type != null
    error_message = "${local.deploy_action} is not a CodePipeline action type; valid values are the key attributes of codepipeline_action_types."
  }
}
