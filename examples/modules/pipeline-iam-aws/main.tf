data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  role_name = coalesce(var.role_name, "${var.name}-pipeline")
  # Built from the name, not aws_iam_role.service.arn: the role's trust policy
  # comes from the module, which would make a cycle.
  service_role_arn = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/${local.role_name}"
}

module "iam" {
  source = "../pipeline-iam"

  pipeline         = var.pipeline
  name             = var.name
  region           = data.aws_region.current.name
  account_id       = data.aws_caller_identity.current.account_id
  artifact_stores  = var.artifact_stores
  pass_role_arns   = var.pass_role_arns
  service_role_arn = local.service_role_arn
}

# The service role.

resource "aws_iam_role" "service" {
  name               = local.role_name
  assume_role_policy = module.iam.trust_policy_json
}

resource "aws_iam_role_policy" "service" {
  name   = "codepipeline-service-role"
  role   = aws_iam_role.service.id
  policy = module.iam.policy_json
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each = toset(module.iam.managed_policy_arns)

  role       = aws_iam_role.service.name
  policy_arn = each.value
}

# The roles of actions and rules with a role_arn in this account. A role in
# another account is created there, with the trust and policy of the same
# role ARN from module.iam (see the cross-account guide). The role ARNs are
# keys of the module's outputs, so they must be known at plan: write them as
# strings built from role names.

locals {
  action_roles = {
    for arn, policy in module.iam.action_role_policies : arn => {
      name   = regex("[^/]+$", arn)
      path   = regex("^arn:[^:]+:iam::[0-9]{12}:role(/.*/|/)[^/]+$", arn)[0]
      policy = policy
      trust  = module.iam.action_role_trust_policies[arn]
    }
    if split(":", arn)[4] == data.aws_caller_identity.current.account_id
  }
}

resource "aws_iam_role" "action" {
  for_each = local.action_roles

  name               = each.value.name
  path               = each.value.path
  assume_role_policy = each.value.trust
}

resource "aws_iam_role_policy" "action" {
  for_each = local.action_roles

  name   = "codepipeline-action"
  role   = aws_iam_role.action[each.key].id
  policy = each.value.policy
}
