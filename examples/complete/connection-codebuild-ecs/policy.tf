# The pipeline's stages, described once in the shape of aws_codepipeline's
# stage blocks: pipeline.tf builds the pipeline from local.stages, and the
# service role policy reads the same value.
locals {
  pipeline_name   = "web-frontend"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_bucket = "web-frontend-artifacts"

  stages = [
    {
      name = "Source"
      action = [{
        name             = "Source"
        category         = "Source"
        owner            = "AWS"
        provider         = "CodeStarSourceConnection"
        version          = "1"
        output_artifacts = ["SourceOutput"]
        input_artifacts  = []
        configuration = {
          ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
          FullRepositoryId = "example-org/web-frontend"
          BranchName       = "main"
        }
      }]
    },
    {
      name = "Build"
      action = [{
        name             = "Build"
        category         = "Build"
        owner            = "AWS"
        provider         = "CodeBuild"
        version          = "1"
        input_artifacts  = ["SourceOutput"]
        output_artifacts = ["BuildOutput"]
        configuration    = { ProjectName = "web-frontend-build" }
      }]
    },
    {
      name = "Deploy"
      action = [{
        name             = "Deploy"
        category         = "Deploy"
        owner            = "AWS"
        provider         = "ECS"
        version          = "1"
        input_artifacts  = ["BuildOutput"]
        output_artifacts = []
        configuration = {
          ClusterName = "production"
          ServiceName = "web-frontend"
        }
      }]
    },
  ]
}

data "codepipeline_service_role_policy" "pipeline" {
  pipeline_stages = local.stages
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
