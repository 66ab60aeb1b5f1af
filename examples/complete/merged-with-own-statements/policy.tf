# The generated policy as the base of aws_iam_policy_document (see
# pipeline.tf), which adds the team's own statements to it.
data "codepipeline_service_role_policy" "pipeline" {
  pipeline_actions = [
    { category = "Source", provider = "CodeCommit", configuration = { RepositoryName = "platform-infra", BranchName = "main" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "platform-infra-synth", BatchEnabled = "true" } },
    { category = "Deploy", provider = "CloudFormation", configuration = {
      ActionMode = "CREATE_UPDATE"
      StackName  = "platform-network"
      RoleArn    = "arn:aws:iam::444455556666:role/cfn-deployer"
    } },
  ]
  pipeline_name   = "platform-infra"
  region          = "us-east-1"
  account_id      = "444455556666"
  artifact_stores = [{ location = "platform-infra-artifacts" }]
}

output "generated_policy" {
  value = data.codepipeline_service_role_policy.pipeline.json
}
