variable "pipeline" {
  description = <<-EOT
    The pipeline, in exactly one of two forms:
    - stages: aws_codepipeline's stage blocks as one value, in the shape its
      state holds them (the same local.stages the pipeline's dynamic "stage"
      blocks are built from);
    - definition: a pipeline as JSON text, such as the output of
      `aws codepipeline get-pipeline`, a create-pipeline input or a
      CloudFormation AWS::CodePipeline::Pipeline resource.
  EOT
  type = object({
    stages     = optional(any)
    definition = optional(string)
  })

  validation {
    condition     = (var.pipeline.stages == null) != (var.pipeline.definition == null)
    error_message = "Give exactly one of pipeline.stages and pipeline.definition."
  }

  # The provider's function checks the stages on their own, before any other
  # variable is read: an unknown action or rule type, a misspelt setting or a
  # value that cannot name its resource fails here, at the module call, and the
  # data source in main.tf reports the same problem in full. A validation can
  # only read its own variable on Terraform 1.8, so a stand-in takes the place
  # of var.name, which the change-detection role of an S3, CodeCommit or ECR
  # source needs. While a value is known only after apply, the function
  # returns an unknown result and the check waits for it.
  #
  # Terraform 1.8 evaluates this validation in the calling module and finds
  # provider functions there: a caller on 1.8 declares the provider in its own
  # required_providers as well, or the check fails with "Call to unknown
  # function".
  validation {
    condition = var.pipeline.stages == null || can(provider::codepipeline::service_role_policy([], {
      pipeline_stages = var.pipeline.stages
      pipeline_name   = "stand-in"
    }))
    error_message = "pipeline.stages does not describe a valid pipeline: an action or rule type, a setting or a configuration value is wrong, and the plan of codepipeline_service_role_policy with the same stages says which. (On Terraform 1.8, the calling module must also declare pipelinepolicy/codepipeline in its required_providers for this check to run.)"
  }

  validation {
    condition     = var.pipeline.definition == null || can(jsondecode(var.pipeline.definition))
    error_message = "pipeline.definition must be JSON text, such as the output of aws codepipeline get-pipeline. For a YAML CloudFormation template, give jsonencode(yamldecode(file(...))) of its AWS::CodePipeline::Pipeline resource."
  }
}

variable "name" {
  description = "The pipeline's name. Scopes the CloudWatch Logs grants and the change-detection role. Taken from pipeline.definition when that has it."
  type        = string
  default     = null
}

variable "region" {
  description = "The pipeline's region. Taken from a get-pipeline definition's metadata when that has it."
  type        = string
  default     = null
}

variable "account_id" {
  description = "The pipeline's 12-digit account ID. Taken from a get-pipeline definition's metadata when that has it."
  type        = string
  default     = null
}

variable "artifact_stores" {
  description = "The pipeline's artifact stores, as aws_codepipeline's artifact_store blocks: the bucket name, and the ARN of its KMS key and its region where they apply. Taken from pipeline.definition when that has them."
  type = list(object({
    location          = string
    encryption_key_id = optional(string)
    region            = optional(string)
  }))
  default = null
}

variable "pass_role_arns" {
  description = "Roles that deploy actions hand to a service but that the pipeline does not name, such as an ECS service's task and task execution roles."
  type        = list(string)
  default     = null
}

variable "service_role_arn" {
  description = "The ARN of the pipeline's service role, built from its name (not aws_iam_role.x.arn, whose trust policy comes from this module). Needed for the action roles' trust policies and names the role in the key policy statements."
  type        = string
  default     = null
}

variable "use_aws_managed_policies" {
  description = "Let AWS managed policies stand in for the statements they cover (today the Elastic Beanstalk deploy); managed_policy_arns lists them."
  type        = bool
  default     = false
}
