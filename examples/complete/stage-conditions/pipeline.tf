# The AWS side: the pipeline with its stage conditions, built from the locals
# in policy.tf. Needs the hashicorp/aws provider.
resource "aws_iam_role" "pipeline" {
  name               = "${local.pipeline_name}-pipeline"
  assume_role_policy = data.codepipeline_service_role_policy.pipeline.trust_policy_json
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
      name = stage.key

      dynamic "action" {
        for_each = stage.value.actions
        content {
          name             = action.value.name
          category         = action.value.category
          owner            = "AWS"
          provider         = action.value.provider
          version          = "1"
          input_artifacts  = action.value.input_artifacts
          output_artifacts = action.value.output_artifacts
          configuration    = action.value.configuration
        }
      }

      dynamic "before_entry" {
        for_each = contains(keys(stage.value.conditions), "before_entry") ? [stage.value.conditions.before_entry] : []
        content {
          condition {
            result = before_entry.value.result
            dynamic "rule" {
              for_each = before_entry.value.rules
              content {
                name          = rule.value.name
                configuration = rule.value.configuration
                rule_type_id {
                  category = "Rule"
                  owner    = "AWS"
                  provider = rule.value.provider
                  version  = "1"
                }
              }
            }
          }
        }
      }

      dynamic "on_success" {
        for_each = contains(keys(stage.value.conditions), "on_success") ? [stage.value.conditions.on_success] : []
        content {
          condition {
            result = on_success.value.result
            dynamic "rule" {
              for_each = on_success.value.rules
              content {
                name          = rule.value.name
                configuration = rule.value.configuration
                rule_type_id {
                  category = "Rule"
                  owner    = "AWS"
                  provider = rule.value.provider
                  version  = "1"
                }
              }
            }
          }
        }
      }
    }
  }

  depends_on = [aws_iam_role_policy.pipeline]
}
