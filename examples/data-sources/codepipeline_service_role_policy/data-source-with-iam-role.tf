# The service role, its trust policy and its permissions, all from the data
# source. The same locals feed the pipeline, so the role always matches the
# actions the pipeline has.
locals {
  pipeline_name   = "my-pipeline"
  artifact_bucket = "my-pipeline-artifacts"
  role_name       = "my-pipeline-service-role"
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

data "codepipeline_service_role_policy" "service_role" {
  action_providers = ["CodeStarSourceConnection", "CodeBuild", "Deploy/CloudFormation"]
  artifact_stores  = [{ location = local.artifact_bucket }]
  pipeline_name    = local.pipeline_name
  region           = data.aws_region.current.name
  account_id       = data.aws_caller_identity.current.account_id
  # Built from the role's name: the role's trust policy comes from here.
  service_role_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${local.role_name}"
}

resource "aws_iam_role" "pipeline" {
  name               = local.role_name
  assume_role_policy = data.codepipeline_service_role_policy.service_role.trust_policy_json
}

resource "aws_iam_role_policy" "pipeline" {
  name   = "codepipeline-service-role"
  role   = aws_iam_role.pipeline.id
  policy = data.codepipeline_service_role_policy.service_role.json
}

# In aws_codepipeline, depend on the policy (not on the data source) so the
# first run starts only once the role can do its work:
#   depends_on = [aws_iam_role_policy.pipeline]
