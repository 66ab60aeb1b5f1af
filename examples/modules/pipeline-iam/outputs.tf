# The service role.

output "policy_json" {
  description = "The service role's policy, for aws_iam_role_policy."
  value       = data.codepipeline_service_role_policy.this.json
}

output "policy_documents" {
  description = "The same policy as a list of documents (one, unless it had to be split into managed policies)."
  value       = data.codepipeline_service_role_policy.this.policy_documents
}

output "trust_policy_json" {
  description = "The service role's trust policy, for aws_iam_role.assume_role_policy."
  value       = data.codepipeline_service_role_policy.this.trust_policy_json
}

output "managed_policy_arns" {
  description = "AWS managed policies to attach to the service role (with use_aws_managed_policies)."
  value       = data.codepipeline_service_role_policy.this.managed_policy_arns
}

# Roles of actions and rules with a role_arn.

output "action_role_policies" {
  description = "Each action role's policy, by role ARN."
  value       = data.codepipeline_service_role_policy.this.action_role_policies
}

output "action_role_trust_policies" {
  description = "Each action role's trust policy, by role ARN: only the service role may assume it. Empty without service_role_arn."
  value       = data.codepipeline_service_role_policy.this.action_role_trust_policies
}

# Resource policies of the artifact stores.

output "artifact_bucket_policy_json" {
  description = "Bucket policy statements for the first artifact store; null unless an action role is in another account."
  value       = data.codepipeline_service_role_policy.this.artifact_bucket_policy_json
}

output "artifact_bucket_policies" {
  description = "The same statements for every artifact bucket, by bucket name."
  value       = data.codepipeline_service_role_policy.this.artifact_bucket_policies
}

output "artifact_key_policy_json" {
  description = "Key policy statements for the artifact stores' KMS keys; null when no store names a key."
  value       = data.codepipeline_service_role_policy.this.artifact_key_policy_json
}

# The EventBridge rule's role that starts the pipeline on a source change.

output "event_role_policy_json" {
  description = "The change-detection role's policy; null when no source needs one."
  value       = data.codepipeline_service_role_policy.this.event_role_policy_json
}

output "event_role_trust_policy_json" {
  description = "The change-detection role's trust policy; null when event_role_policy_json is."
  value       = data.codepipeline_service_role_policy.this.event_role_trust_policy_json
}

# For review.

output "statements" {
  description = "One entry per statement of every document above: what it grants, which inputs need it (needed_by) and the AWS pages that say so (sources)."
  value       = data.codepipeline_service_role_policy.this.statements
}

output "iam_actions" {
  description = "Every IAM action the service role's policy grants, sorted."
  value       = data.codepipeline_service_role_policy.this.iam_actions
}

output "stage_grants" {
  description = "By stage name, one line per statement its actions and rules need, such as \"CodeBuildBuilds: codebuild:BatchGetBuilds, codebuild:StartBuild on arn:aws:codebuild:...\" (with pipeline.stages; empty with pipeline.definition)."
  value       = local.stage_grants
}

output "advice" {
  description = "What holds for this pipeline on every plan, such as grants another role needs."
  value       = data.codepipeline_service_role_policy.this.advice
}

output "unscoped" {
  description = "Statements wider than they would be with more input, and the input that would narrow them."
  value       = data.codepipeline_service_role_policy.this.unscoped
}
