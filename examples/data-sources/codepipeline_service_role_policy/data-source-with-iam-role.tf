# Attach the policy to the pipeline's service role. The same locals feed the
# pipeline, so the role always matches the actions the pipeline has.
locals {
  artifact_bucket = "my-pipeline-artifacts"
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

data "codepipeline_service_role_policy" "service_role" {
  action_providers = ["CodeStarSourceConnection", "CodeBuild", "Deploy/CloudFormation"]
  artifact_stores  = [{ location = local.artifact_bucket }]
  region           = data.aws_region.current.name
  account_id       = data.aws_caller_identity.current.account_id
}

resource "aws_iam_role" "pipeline" {
  name = "my-pipeline-service-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codepipeline.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "pipeline" {
  name   = "codepipeline-service-role"
  role   = aws_iam_role.pipeline.id
  policy = data.codepipeline_service_role_policy.service_role.json
}

# In aws_codepipeline, depend on the policy (not on the data source) so the
# first run starts only once the role can do its work:
#   depends_on = [aws_iam_role_policy.pipeline]
