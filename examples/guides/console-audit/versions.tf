terraform {
  required_providers {
    codepipeline = {
      source = "pipelinepolicy/codepipeline"
    }
  }
}
