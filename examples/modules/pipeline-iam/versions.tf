terraform {
  # Provider-defined functions, used in variables.tf and main.tf, need
  # Terraform 1.8 or later (OpenTofu 1.7 or later).
  required_version = ">= 1.8"

  required_providers {
    # The provider has no configuration and needs no credentials, so a module
    # only declares it: a caller writes no provider block for it, and the
    # module can be called with count or for_each.
    codepipeline = {
      source = "pipelinepolicy/codepipeline"
    }
  }
}
