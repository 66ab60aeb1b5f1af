# A pipeline whose policy is larger than a role's inline policies may be
# (10,240 characters): split it into managed policies of at most 6,144
# characters and attach each one.
data "codepipeline_service_role_policy" "large" {
  pipeline_actions           = local.actions
  artifact_stores            = [{ location = aws_s3_bucket.artifacts.bucket }]
  region                     = data.aws_region.current.name
  account_id                 = data.aws_caller_identity.current.account_id
  split_for_managed_policies = true
}

resource "aws_iam_policy" "pipeline" {
  count  = length(data.codepipeline_service_role_policy.large.policy_documents)
  name   = "my-pipeline-service-role-${count.index + 1}"
  policy = data.codepipeline_service_role_policy.large.policy_documents[count.index]
}

resource "aws_iam_role_policy_attachment" "pipeline" {
  count      = length(aws_iam_policy.pipeline)
  role       = aws_iam_role.pipeline.name
  policy_arn = aws_iam_policy.pipeline[count.index].arn
}
