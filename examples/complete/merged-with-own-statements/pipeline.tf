# Needs the hashicorp/aws provider. Sids are unique across the merged
# documents: the generated ones are named after action types, so give your
# own statements Sids of your own.
data "aws_iam_policy_document" "pipeline" {
  source_policy_documents = [data.codepipeline_service_role_policy.pipeline.json]

  statement {
    sid       = "TeamNotifications"
    actions   = ["sns:Publish"]
    resources = ["arn:aws:sns:us-east-1:444455556666:platform-team"]
  }
}

resource "aws_iam_role_policy" "pipeline" {
  name   = "codepipeline-service-role"
  role   = "platform-infra-pipeline"
  policy = data.aws_iam_policy_document.pipeline.json
}
