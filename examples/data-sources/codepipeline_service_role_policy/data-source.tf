# The policy for a pipeline that takes its source from a CodeConnections
# connection (GitHub, Bitbucket, GitLab), builds with CodeBuild and deploys to ECS.
data "codepipeline_service_role_policy" "pipeline" {
  action_providers = ["CodeStarSourceConnection", "CodeBuild", "Deploy/ECS"]

  artifact_stores = [{
    location          = "my-pipeline-artifacts"
    encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }]

  region     = "eu-west-1"
  account_id = "111122223333"
}

output "action_providers" {
  value = data.codepipeline_service_role_policy.pipeline.action_providers
}

output "policy_json" {
  value = data.codepipeline_service_role_policy.pipeline.json
}

output "policy_size" {
  value = data.codepipeline_service_role_policy.pipeline.policy_size
}
