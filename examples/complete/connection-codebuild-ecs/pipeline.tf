# The AWS side: the role, its policy and the pipeline, all fed from the locals
# in policy.tf. Needs the hashicorp/aws provider.
resource "aws_iam_role" "pipeline" {
  name = "${local.pipeline_name}-pipeline"
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
  policy = data.codepipeline_service_role_policy.pipeline.json
}

resource "aws_codepipeline" "this" {
  name          = local.pipeline_name
  role_arn      = aws_iam_role.pipeline.arn
  pipeline_type = "V2"

  artifact_store {
    location = local.artifact_bucket
    type     = "S3"
  }

  dynamic "stage" {
    for_each = local.stages
    content {
      name = stage.value.name
      dynamic "action" {
        for_each = stage.value.action
        content {
          name             = action.value.name
          category         = action.value.category
          owner            = action.value.owner
          provider         = action.value.provider
          version          = action.value.version
          input_artifacts  = action.value.input_artifacts
          output_artifacts = action.value.output_artifacts
          configuration    = action.value.configuration
        }
      }
    }
  }

  # Start only once the role's policy is in place.
  depends_on = [aws_iam_role_policy.pipeline]
}
