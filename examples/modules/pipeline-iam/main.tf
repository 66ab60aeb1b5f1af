# Every IAM document of one pipeline, from one description of it.
data "codepipeline_service_role_policy" "this" {
  pipeline_stages     = var.pipeline.stages
  pipeline_definition = var.pipeline.definition

  pipeline_name            = var.name
  region                   = var.region
  account_id               = var.account_id
  artifact_stores          = var.artifact_stores
  pass_role_arns           = var.pass_role_arns
  service_role_arn         = var.service_role_arn
  use_aws_managed_policies = var.use_aws_managed_policies
}

locals {
  # A compact preview for reviews: by stage, one line per statement that the
  # stage's actions and condition rules need on their own, without the
  # artifact store's statements that every stage shares (conditions left
  # out). The function builds one policy per stage in a for expression, which
  # a data source cannot do. With pipeline.definition the stages are not
  # split and the preview is empty.
  stage_policies = var.pipeline.stages == null ? {} : {
    for stage in var.pipeline.stages : stage.name => provider::codepipeline::service_role_policy([], {
      pipeline_stages = [stage]
      pipeline_name   = var.name
      region          = var.region
      account_id      = var.account_id
      artifact_stores = var.artifact_stores
      pass_role_arns  = var.pass_role_arns
    })
  }
  stage_grants = {
    for name, policy in local.stage_policies : name => [
      for s in jsondecode(policy).Statement :
      "${s.Sid}: ${join(", ", flatten([s.Action]))} on ${join(", ", flatten([s.Resource]))}"
      if !startswith(s.Sid, "Artifact")
    ]
  }
}
