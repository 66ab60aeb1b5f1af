# For terraform test: the audit of main.tf, then the same audit with
# missing_policy_json as a second document of the role, as after
# `aws iam put-role-policy`. file() reads from the folder terraform test
# runs in, the example's.
terraform {
  required_providers {
    codepipeline = {
      source = "pipelinepolicy/codepipeline"
    }
  }
}

data "codepipeline_service_role_audit" "before" {
  pipeline_definition = file("pipeline.json")
  policy_documents    = [file("role-policy.json")]
}

data "codepipeline_service_role_audit" "after" {
  pipeline_definition = file("pipeline.json")
  policy_documents    = [file("role-policy.json"), data.codepipeline_service_role_audit.before.missing_policy_json]
}

output "complete_before" {
  value = data.codepipeline_service_role_audit.before.complete
}

output "complete_after" {
  value = data.codepipeline_service_role_audit.after.complete
}
