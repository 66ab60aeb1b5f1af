# In CI, fail the plan while the role lacks a permission the pipeline needs.
data "aws_iam_role_policy" "pipeline" {
  role = "AWSCodePipelineServiceRole-eu-west-1-shop"
  name = "AWSCodePipelineServiceRole-eu-west-1-shop"
}

data "codepipeline_service_role_audit" "gate" {
  action_providers = ["CodeStarSourceConnection", "CodeBuild", "Deploy/CloudFormation"]
  artifact_stores  = [{ location = "codepipeline-eu-west-1-111122223333" }]
  region           = "eu-west-1"
  account_id       = "111122223333"

  policy_documents     = [data.aws_iam_role_policy.pipeline.policy]
  fail_when_incomplete = true
}
