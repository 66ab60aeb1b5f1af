# A caller of the module for terraform test: one module block with for_each
# over several pipelines. The jobs pipeline's CodeBuild project is named by a
# resource, so its name is known only after apply.
resource "terraform_data" "jobs_project" {
  input = "jobs-build"
}

locals {
  pipelines = {
    web  = { project = "web-build", bucket = "web-artifacts" }
    api  = { project = "api-build", bucket = "api-artifacts" }
    jobs = { project = terraform_data.jobs_project.output, bucket = "jobs-artifacts" }
  }
}

module "pipeline_iam" {
  source   = "../.."
  for_each = local.pipelines

  name            = each.key
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_stores = [{ location = each.value.bucket }]
  pipeline = {
    stages = [
      {
        name = "Source"
        action = [{
          name          = "Source"
          category      = "Source"
          owner         = "AWS"
          provider      = "S3"
          version       = "1"
          configuration = { S3Bucket = "${each.key}-source", S3ObjectKey = "source.zip", PollForSourceChanges = "false" }
        }]
      },
      {
        name = "Build"
        action = [{
          name          = "Build"
          category      = "Build"
          owner         = "AWS"
          provider      = "CodeBuild"
          version       = "1"
          configuration = { ProjectName = each.value.project }
        }]
      },
    ]
  }
}

output "policies" {
  value = { for name, m in module.pipeline_iam : name => m.policy_json }
}

output "stage_grants" {
  value = { for name, m in module.pipeline_iam : name => m.stage_grants }
}

output "event_role_policies" {
  value = { for name, m in module.pipeline_iam : name => m.event_role_policy_json }
}
