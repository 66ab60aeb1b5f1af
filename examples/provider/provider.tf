terraform {
  required_providers {
    codepipeline = {
      source = "pipelinepolicy/codepipeline"
    }
  }
}

# The provider has no settings and needs no credentials: it computes policies locally.
provider "codepipeline" {}
