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

      dynamic "before_entry" {
        for_each = try([stage.value.before_entry.condition], [])
        content {
          condition {
            result = before_entry.value.result
            dynamic "rule" {
              for_each = before_entry.value.rule
              content {
                name          = rule.value.name
                configuration = rule.value.configuration
                rule_type_id {
                  category = rule.value.rule_type_id.category
                  owner    = rule.value.rule_type_id.owner
                  provider = rule.value.rule_type_id.provider
                  version  = rule.value.rule_type_id.version
                }
              }
            }
          }
        }
      }

      dynamic "on_success" {
        for_each = try([stage.value.on_success.condition], [])
        content {
          condition {
            result = on_success.value.result
            dynamic "rule" {
              for_each = on_success.value.rule
              content {
                name          = rule.value.name
                configuration = rule.value.configuration
                rule_type_id {
                  category = rule.value.rule_type_id.category
                  owner    = rule.value.rule_type_id.owner
                  provider = rule.value.rule_type_id.provider
                  version  = rule.value.rule_type_id.version
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
