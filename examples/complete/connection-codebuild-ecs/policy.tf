# The pipeline's actions, described once: pipeline.tf builds the
# aws_codepipeline stages from local.stages, and the service role policy is
# derived from the same list.
locals {
  pipeline_name   = "web-frontend"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_bucket = "web-frontend-artifacts"

  stages = {
    Source = [{
      name             = "Source"
      category         = "Source"
      provider         = "CodeStarSourceConnection"
      output_artifacts = ["SourceOutput"]
      input_artifacts  = []
      configuration = {
        ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
        FullRepositoryId = "example-org/web-frontend"
        BranchName       = "main"
      }
    }]
    Build = [{
      name             = "Build"
      category         = "Build"
      provider         = "CodeBuild"
      input_artifacts  = ["SourceOutput"]
      output_artifacts = ["BuildOutput"]
      configuration    = { ProjectName = "web-frontend-build" }
    }]
    Deploy = [{
      name             = "Deploy"
      category         = "Deploy"
      provider         = "ECS"
      input_artifacts  = ["BuildOutput"]
      output_artifacts = []
      configuration = {
        ClusterName = "production"
        ServiceName = "web-frontend"
      }
    }]
  }
}

data "codepipeline_service_role_policy" "pipeline" {
  pipeline_actions = [
    for action in flatten(values(local.stages)) : {
      name          = action.name
      category      = action.category
      provider      = action.provider
      configuration = action.configuration
    }
  ]
  pipeline_name   = local.pipeline_name
  region          = local.region
  account_id      = local.account_id
  artifact_stores = [{ location = local.artifact_bucket }]
  pass_role_arns = [
    "arn:aws:iam::111122223333:role/web-frontend-task",
    "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  ]
}

output "service_role_policy" {
  value = data.codepipeline_service_role_policy.pipeline.json
}
