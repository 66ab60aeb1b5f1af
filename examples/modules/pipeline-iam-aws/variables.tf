variable "pipeline" {
  description = "The pipeline, as pipeline-iam's pipeline variable: { stages = local.stages } (aws_codepipeline's stage blocks) or { definition = file(\"pipeline.json\") }. An action role_arn in this account must be built from the role's name: this module creates that role."
  type = object({
    stages     = optional(any)
    definition = optional(string)
  })
}

variable "name" {
  description = "The pipeline's name."
  type        = string
}

variable "role_name" {
  description = "The name of the service role to create. Defaults to \"<name>-pipeline\"."
  type        = string
  default     = null
}

variable "artifact_stores" {
  description = "The pipeline's artifact stores, as in aws_codepipeline's artifact_store blocks."
  type = list(object({
    location          = string
    encryption_key_id = optional(string)
    region            = optional(string)
  }))
}

variable "pass_role_arns" {
  description = "Roles the pipeline's deploy actions hand to a service (ECS task roles, Elastic Beanstalk roles)."
  type        = list(string)
  default     = null
}
