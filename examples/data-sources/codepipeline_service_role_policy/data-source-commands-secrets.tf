# A Commands action that reads an API token from Secrets Manager: the policy
# may read that secret and no other.
data "codepipeline_service_role_policy" "commands" {
  pipeline_actions = [
    { name = "Source", category = "Source", provider = "S3", configuration = { S3Bucket = "reports-source", S3ObjectKey = "reports.zip" } },
    {
      name     = "Generate"
      category = "Compute"
      provider = "Commands"
      environment_variables = [
        { name = "STAGE", value = "production" },
        # The secret's name, then the JSON key to read from it.
        { name = "API_TOKEN", value = "apiTokens:reportingToken", type = "SECRETS_MANAGER" },
      ]
    },
  ]
  pipeline_name   = "reports"
  region          = "us-east-1"
  account_id      = "444455556666"
  artifact_stores = [{ location = "reports-artifacts" }]
}

output "commands_policy_json" {
  value = data.codepipeline_service_role_policy.commands.json
}
