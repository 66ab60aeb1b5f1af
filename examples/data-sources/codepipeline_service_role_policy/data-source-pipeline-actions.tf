# Describe the pipeline's actions once and feed both aws_codepipeline
# (stage.action blocks) and this data source from the same locals.
locals {
  pipeline_name = "web-frontend"
  actions = [
    {
      name     = "Source"
      category = "Source"
      provider = "CodeStarSourceConnection"
      configuration = {
        ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
        FullRepositoryId = "example-org/web-frontend"
        BranchName       = "main"
      }
    },
    {
      name          = "Build"
      category      = "Build"
      provider      = "CodeBuild"
      configuration = { ProjectName = "web-frontend-build" }
    },
    {
      name     = "Deploy"
      category = "Deploy"
      provider = "ECS"
      configuration = {
        ClusterName = "production"
        ServiceName = "web-frontend"
      }
    },
  ]
}

data "codepipeline_service_role_policy" "scoped" {
  pipeline_actions = local.actions
  pipeline_name    = local.pipeline_name
  region           = "eu-west-1"
  account_id       = "111122223333"
  artifact_stores  = [{ location = "web-frontend-artifacts" }]

  # The task and execution roles the ECS service's task definition uses.
  pass_role_arns = [
    "arn:aws:iam::111122223333:role/web-frontend-task",
    "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  ]
}

output "scoped_policy_json" {
  value = data.codepipeline_service_role_policy.scoped.json
}
