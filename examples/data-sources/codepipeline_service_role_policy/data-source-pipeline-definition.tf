# A pipeline that Terraform does not manage, read as AWS prints it:
#   aws codepipeline get-pipeline --name web-frontend > pipeline.json
# Its name, service role, artifact store, region and account come from it.
data "codepipeline_service_role_policy" "console" {
  pipeline_definition = file("pipeline.json")
}

# A pipeline in a CloudFormation template: its AWS::CodePipeline::Pipeline
# resource, here the one with the logical ID Pipeline. A template names no
# region or account, so they are given. yamldecode reads the long form of
# intrinsic functions (Ref:, Fn::Sub:) but not short-form tags such as !Ref.
data "codepipeline_service_role_policy" "template" {
  pipeline_definition = jsonencode(yamldecode(file("template.yaml")).Resources.Pipeline)
  region              = "eu-west-1"
  account_id          = "111122223333"
}

output "console_policy_json" {
  value = data.codepipeline_service_role_policy.console.json
}

output "template_policy_json" {
  value = data.codepipeline_service_role_policy.template.json
}

# What CloudFormation resolves only at deploy time (a Ref in a configuration
# value) is granted wider, and listed here with the value at fault.
output "template_unscoped" {
  value = data.codepipeline_service_role_policy.template.unscoped
}
