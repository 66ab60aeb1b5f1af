output "service_role_arn" {
  description = "The service role, for aws_codepipeline.role_arn. Make the pipeline depend on this module (depends_on = [module.<name>]) so its first run starts once the policies are attached."
  value       = aws_iam_role.service.arn
}

output "action_role_arns" {
  description = "The action roles this module created, by the role ARN the pipeline names."
  value       = { for arn, role in aws_iam_role.action : arn => role.arn }
}

output "documents" {
  description = "Every document of pipeline-iam, for what this module does not attach: bucket and key policy statements, the change-detection role, the roles of other accounts."
  value = {
    artifact_bucket_policies     = module.iam.artifact_bucket_policies
    artifact_key_policy_json     = module.iam.artifact_key_policy_json
    event_role_policy_json       = module.iam.event_role_policy_json
    event_role_trust_policy_json = module.iam.event_role_trust_policy_json
    action_role_policies         = module.iam.action_role_policies
    action_role_trust_policies   = module.iam.action_role_trust_policies
  }
}

output "unscoped" {
  description = "What stays wider than it could be, and the input that would narrow it."
  value       = module.iam.unscoped
}
