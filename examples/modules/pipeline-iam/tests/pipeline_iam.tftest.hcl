# terraform test (command = plan): the module with aws_codepipeline stages,
# with get-pipeline output, a pipeline that fails the variable's validation,
# and several pipelines through one module block with for_each.

variables {
  name            = "web-frontend"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_stores = [{ location = "web-frontend-artifacts" }]
  pass_role_arns  = ["arn:aws:iam::111122223333:role/web-frontend-task"]
}

run "stages" {
  command = plan

  variables {
    service_role_arn = "arn:aws:iam::111122223333:role/web-frontend-pipeline"
    pipeline = {
      stages = [
        {
          name = "Source"
          action = [{
            name     = "Source"
            category = "Source"
            owner    = "AWS"
            provider = "CodeStarSourceConnection"
            version  = "1"
            configuration = {
              ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
              FullRepositoryId = "example-org/web-frontend"
              BranchName       = "main"
            }
          }]
        },
        {
          name = "Build"
          action = [{
            name          = "Build"
            category      = "Build"
            owner         = "AWS"
            provider      = "CodeBuild"
            version       = "1"
            configuration = { ProjectName = "web-frontend-build" }
          }]
        },
        {
          name = "Deploy"
          action = [{
            name          = "Deploy"
            category      = "Deploy"
            owner         = "AWS"
            provider      = "ECS"
            version       = "1"
            role_arn      = "arn:aws:iam::111122223333:role/web-frontend-deploy"
            configuration = { ClusterName = "production", ServiceName = "web-frontend" }
          }]
          on_success = {
            condition = {
              result = "ROLLBACK"
              rule = [{
                name          = "ErrorRate"
                rule_type_id  = { category = "Rule", owner = "AWS", provider = "CloudWatchAlarm", version = "1" }
                configuration = { AlarmName = "web-frontend-5xx-rate" }
              }]
            }
          }
        },
      ]
    }
  }

  assert {
    condition     = strcontains(output.policy_json, "\"arn:aws:codebuild:eu-west-1:111122223333:project/web-frontend-build\"")
    error_message = "The policy names the CodeBuild project of the Build stage."
  }

  assert {
    condition     = strcontains(output.policy_json, "\"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:web-frontend-5xx-rate\"")
    error_message = "The policy names the alarm of the Deploy stage's on_success rule."
  }

  assert {
    condition     = strcontains(output.action_role_policies["arn:aws:iam::111122223333:role/web-frontend-deploy"], "\"arn:aws:ecs:eu-west-1:111122223333:service/production/web-frontend\"")
    error_message = "The Deploy action's role gets the ECS service's grants."
  }

  assert {
    condition     = strcontains(output.action_role_trust_policies["arn:aws:iam::111122223333:role/web-frontend-deploy"], "\"arn:aws:iam::111122223333:role/web-frontend-pipeline\"")
    error_message = "Only the service role may assume the Deploy action's role."
  }

  assert {
    condition     = length(output.statements) > 0
    error_message = "The module returns the statements of its documents."
  }

  assert {
    condition     = toset([for s in output.statements : s.policy]) == toset(["json", "trust_policy_json", "action_role_policies[\"arn:aws:iam::111122223333:role/web-frontend-deploy\"]", "action_role_trust_policies[\"arn:aws:iam::111122223333:role/web-frontend-deploy\"]"])
    error_message = "The statements cover every document: ${jsonencode(distinct([for s in output.statements : s.policy]))}"
  }

  assert {
    condition     = alltrue([for s in output.statements : length(s.needed_by) > 0])
    error_message = "Every statement names the inputs that need it."
  }

  assert {
    condition     = length(output.unscoped) == 0
    error_message = "The stages, the name, region, account, artifact store and pass roles scope every statement."
  }

  assert {
    condition     = output.stage_grants["Build"] == ["CodeBuildBuilds: codebuild:BatchGetBuilds, codebuild:StartBuild on arn:aws:codebuild:eu-west-1:111122223333:project/web-frontend-build"]
    error_message = "The preview gives the Build stage its CodeBuild project's statement and nothing else: ${jsonencode(output.stage_grants)}"
  }

  assert {
    condition     = length(output.stage_grants["Deploy"]) > 0 && alltrue([for g in output.stage_grants["Source"] : !strcontains(g, "codebuild:")])
    error_message = "Each stage's preview holds its own statements only."
  }

  assert {
    condition     = length(output.policy_documents) == 1 && jsondecode(output.policy_documents[0]) == jsondecode(output.policy_json)
    error_message = "An unsplit policy is one document."
  }

  assert {
    condition     = jsondecode(output.trust_policy_json).Statement[0].Principal.Service == "codepipeline.amazonaws.com"
    error_message = "The trust policy lets CodePipeline assume the service role."
  }
}

run "get_pipeline_definition" {
  command = plan

  # The output of `aws codepipeline get-pipeline --name web-frontend`: name,
  # service role, artifact store, region and account come from it.
  variables {
    name            = null
    region          = null
    account_id      = null
    artifact_stores = null
    pipeline = {
      definition = file("tests/get-pipeline.json")
    }
  }

  assert {
    condition     = strcontains(output.policy_json, "\"arn:aws:codebuild:eu-west-1:111122223333:project/web-frontend-build\"")
    error_message = "The policy names the CodeBuild project of the definition."
  }

  assert {
    condition     = strcontains(output.policy_json, "\"arn:aws:s3:::codepipeline-eu-west-1-111122223333/*\"")
    error_message = "The artifact store comes from the definition."
  }

  assert {
    condition     = alltrue([for s in output.statements : length(s.needed_by) > 0])
    error_message = "Every statement names the inputs that need it."
  }

  assert {
    condition     = output.stage_grants == {}
    error_message = "The per-stage preview needs pipeline.stages."
  }
}

run "neither_stages_nor_definition" {
  command = plan

  variables {
    pipeline = {}
  }

  expect_failures = [var.pipeline]
}

run "unknown_action_provider" {
  command = plan

  variables {
    pipeline = {
      stages = [{
        name   = "Build"
        action = [{ name = "Build", category = "Build", owner = "AWS", provider = "CodeBiuld", version = "1" }]
      }]
    }
  }

  expect_failures = [var.pipeline]
}

# Several pipelines, one module block with for_each: tests/multi calls this
# module once per pipeline of a map. One pipeline names its CodeBuild project
# with a value known only after apply: its documents wait for apply, while
# the other pipelines, and its own stages that do not use that value, are
# known at plan.
run "for_each_pipelines" {
  command = plan

  module {
    source = "./tests/multi"
  }

  assert {
    condition     = toset(keys(output.policies)) == toset(["api", "jobs", "web"])
    error_message = "One policy per pipeline."
  }

  assert {
    condition     = strcontains(output.policies["api"], "\"arn:aws:codebuild:eu-west-1:111122223333:project/api-build\"") && !strcontains(output.policies["api"], "web-build")
    error_message = "Each pipeline's policy names its own CodeBuild project only."
  }

  assert {
    condition     = strcontains(output.policies["web"], "\"arn:aws:s3:::web-artifacts/*\"")
    error_message = "Each pipeline's policy names its own artifact bucket."
  }

  assert {
    condition     = strcontains(output.event_role_policies["api"], "\"arn:aws:codepipeline:eu-west-1:111122223333:api\"")
    error_message = "Each pipeline's change-detection role may start that pipeline."
  }

  assert {
    condition = output.stage_grants["jobs"]["Source"] == [
      "S3SourceBucketAccess: s3:GetBucketAcl, s3:GetBucketLocation, s3:GetBucketVersioning on arn:aws:s3:::jobs-source",
      "S3SourceObjectRead: s3:GetObject, s3:GetObjectTagging, s3:GetObjectVersion, s3:GetObjectVersionTagging on arn:aws:s3:::jobs-source/source.zip",
    ]
    error_message = "The jobs pipeline's Source stage, which uses no value unknown at plan, is previewed at plan."
  }
}
