# The AWS side in two accounts, every document from the data source in
# policy.tf. Needs the hashicorp/aws provider, configured for each account.
provider "aws" {
  region = local.region # the tools account, where the pipeline runs
}

provider "aws" {
  alias  = "prod"
  region = local.region
  assume_role {
    role_arn = "arn:aws:iam::${local.prod_account}:role/terraform"
  }
}

locals {
  documents = data.codepipeline_service_role_policy.pipeline
}

# Tools account: the service role, the artifact bucket and its key.
resource "aws_iam_role" "pipeline" {
  name               = "${local.pipeline_name}-pipeline"
  assume_role_policy = local.documents.trust_policy_json
}

resource "aws_iam_role_policy" "pipeline" {
  name   = "codepipeline-service-role"
  role   = aws_iam_role.pipeline.id
  policy = local.documents.json
}

data "aws_iam_policy_document" "artifact_bucket" {
  # The action role of the production account may read and write artifacts.
  source_policy_documents = [local.documents.artifact_bucket_policy_json]

  statement {
    sid       = "DenyInsecureConnections"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::${local.artifact_bucket}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

# A policy may only name principals that exist: create the action role first.
resource "aws_s3_bucket_policy" "artifacts" {
  bucket     = local.artifact_bucket
  policy     = data.aws_iam_policy_document.artifact_bucket.json
  depends_on = [aws_iam_role.deploy_action]
}

data "aws_iam_policy_document" "artifact_key" {
  source_policy_documents = [local.documents.artifact_key_policy_json]

  # Keep the account able to manage its key.
  statement {
    sid       = "KeyAdministration"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${local.tools_account}:root"]
    }
  }
}

resource "aws_kms_key_policy" "artifacts" {
  key_id     = local.artifact_key_arn
  policy     = data.aws_iam_policy_document.artifact_key.json
  depends_on = [aws_iam_role.deploy_action]
}

# Tools account: the role EventBridge uses to start the pipeline.
resource "aws_iam_role" "events" {
  name               = "${local.pipeline_name}-source-events"
  assume_role_policy = local.documents.event_role_trust_policy_json
}

resource "aws_iam_role_policy" "events" {
  name   = "start-pipeline"
  role   = aws_iam_role.events.id
  policy = local.documents.event_role_policy_json
}

# Production account: the action role the pipeline assumes.
resource "aws_iam_role" "deploy_action" {
  provider           = aws.prod
  name               = "${local.pipeline_name}-deploy-action"
  assume_role_policy = local.documents.action_role_trust_policies[local.deploy_role_arn]
}

resource "aws_iam_role_policy" "deploy_action" {
  provider = aws.prod
  name     = "codepipeline-action"
  role     = aws_iam_role.deploy_action.id
  policy   = local.documents.action_role_policies[local.deploy_role_arn]
}

resource "aws_codepipeline" "this" {
  name          = local.pipeline_name
  role_arn      = aws_iam_role.pipeline.arn
  pipeline_type = "V2"

  artifact_store {
    location = local.artifact_bucket
    type     = "S3"
    encryption_key {
      id   = local.artifact_key_arn
      type = "KMS"
    }
  }

  stage {
    name = "Source"
    action {
      name             = local.actions[0].name
      category         = local.actions[0].category
      owner            = "AWS"
      provider         = local.actions[0].provider
      version          = "1"
      output_artifacts = ["SourceOutput"]
      configuration    = local.actions[0].configuration
    }
  }

  stage {
    name = "Deploy"
    action {
      name            = local.actions[1].name
      category        = local.actions[1].category
      owner           = "AWS"
      provider        = local.actions[1].provider
      version         = "1"
      role_arn        = aws_iam_role.deploy_action.arn
      input_artifacts = ["SourceOutput"]
      configuration   = local.actions[1].configuration
    }
  }

  depends_on = [aws_iam_role_policy.pipeline, aws_iam_role_policy.deploy_action, aws_s3_bucket_policy.artifacts]
}
