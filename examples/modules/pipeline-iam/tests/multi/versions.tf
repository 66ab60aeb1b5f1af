terraform {
  required_providers {
    # Terraform 1.8 evaluates a module's variable validations in the calling
    # module and looks provider functions up there, so a caller on 1.8
    # declares the provider too; Terraform 1.9 and later, and OpenTofu, do not
    # need this.
    codepipeline = { source = "pipelinepolicy/codepipeline" }
  }
}
