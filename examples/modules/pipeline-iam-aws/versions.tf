# The AWS side of examples/modules/pipeline-iam: the service role, its
# policies and the roles of the pipeline's actions in the same account.
# Needs the hashicorp/aws provider, which the caller configures.
terraform {
  required_version = ">= 1.8"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
    # Declared here as well as in pipeline-iam: on Terraform 1.8 that module's
    # variable validation finds the provider's function in this module.
    codepipeline = {
      source = "pipelinepolicy/codepipeline"
    }
  }
}
