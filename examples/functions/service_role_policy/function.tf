# Provider-defined functions need Terraform 1.8 or later (OpenTofu 1.7 or
# later), and the provider declared in required_providers (see the provider
# example).

locals {
  # The same JSON as the codepipeline_service_role_policy data source's json
  # attribute for the same inputs, usable in any expression.
  service_role_policy = provider::codepipeline::service_role_policy(
    ["CodeStarSourceConnection", "CodeBuild", "Deploy/ECS"],
    {
      artifact_stores = [{ location = "my-pipeline-artifacts" }]
      region          = "eu-west-1"
      account_id      = "111122223333"
    },
  )
}

output "service_role_policy" {
  value = local.service_role_policy
}
