# Audit the service role of a pipeline made in the console: the pipeline as
# `aws codepipeline get-pipeline` prints it, the role's inline policy as
# `aws iam get-role-policy` prints it. No AWS provider, no credentials.
data "codepipeline_service_role_audit" "pipeline" {
  pipeline_definition = file("pipeline.json")
  policy_documents    = [file("role-policy.json")]
}

output "complete" {
  value = data.codepipeline_service_role_audit.pipeline.complete
}

output "missing" {
  value = [for m in data.codepipeline_service_role_audit.pipeline.missing : "${m.iam_action} on ${m.resource}: ${m.reason}"]
}

output "missing_policy_json" {
  value = data.codepipeline_service_role_audit.pipeline.missing_policy_json
}

output "broader_than_needed" {
  value = data.codepipeline_service_role_audit.pipeline.broader_than_needed
}
