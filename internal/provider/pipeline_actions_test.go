package provider

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The realistic pipelines of the policy builder's golden tests, written as a
// Terraform user writes them; the CLI must produce the reviewed policies.
var realisticPipelineConfigs = map[string]pipelineConfig{
	"connection_codebuild_ecs_bluegreen": {locals: `
locals {
  actions = [
    { name = "Source", category = "Source", provider = "CodeStarSourceConnection", configuration = {
      ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
      FullRepositoryId = "example-org/web-frontend"
      BranchName       = "main"
    } },
    { name = "Build", category = "Build", provider = "CodeBuild", configuration = { ProjectName = "web-frontend-build" } },
    { name = "Deploy", category = "Deploy", provider = "CodeDeployToECS", configuration = {
      ApplicationName                = "web-frontend"
      DeploymentGroupName            = "web-frontend-bluegreen"
      TaskDefinitionTemplateArtifact = "BuildOutput"
      AppSpecTemplateArtifact        = "BuildOutput"
      Image1ArtifactName             = "BuildOutput"
      Image1ContainerName            = "IMAGE1_NAME"
    } },
  ]
}
`, arguments: `
  pipeline_actions = local.actions
  pipeline_name    = "web-frontend"
  region           = "eu-west-1"
  account_id       = "111122223333"
  artifact_stores = [{
    location          = "web-frontend-artifacts"
    encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }]
  pass_role_arns = [
    "arn:aws:iam::111122223333:role/web-frontend-task",
    "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  ]
`},
	"codecommit_batch_build_changeset": {arguments: `
  pipeline_name   = "platform-infra"
  region          = "us-east-1"
  account_id      = "444455556666"
  artifact_stores = [{ location = "platform-infra-artifacts" }]
  pipeline_actions = [
    { name = "Source", category = "Source", provider = "CodeCommit", configuration = { RepositoryName = "platform-infra", BranchName = "main" } },
    { name = "Build", category = "Build", provider = "CodeBuild", configuration = { ProjectName = "platform-infra-synth", BatchEnabled = "true" } },
    { name = "CreateChangeSet", category = "Deploy", provider = "CloudFormation", configuration = {
      ActionMode    = "CHANGE_SET_REPLACE"
      StackName     = "platform-network"
      ChangeSetName = "pipeline-changes"
      TemplatePath  = "BuildOutput::network.yaml"
      RoleArn       = "arn:aws:iam::444455556666:role/cfn-deployer"
    } },
    { name = "Approve", category = "Approval", provider = "Manual", configuration = { NotificationArn = "arn:aws:sns:us-east-1:444455556666:platform-approvals" } },
    { name = "ExecuteChangeSet", category = "Deploy", provider = "CloudFormation", configuration = {
      ActionMode    = "CHANGE_SET_EXECUTE"
      StackName     = "platform-network"
      ChangeSetName = "pipeline-changes"
    } },
  ]
`},
	"s3_lambda_crossaccount_cloudformation": {arguments: `
  pipeline_name = "data-jobs"
  region        = "us-east-1"
  account_id    = "111122223333"
  artifact_stores = [
    { location = "data-jobs-artifacts-us-east-1", region = "us-east-1", encryption_key_id = "arn:aws:kms:us-east-1:111122223333:key/1111aaaa-12ab-34cd-56ef-1234567890ab" },
    { location = "data-jobs-artifacts-eu-central-1", region = "eu-central-1", encryption_key_id = "arn:aws:kms:eu-central-1:111122223333:key/2222bbbb-12ab-34cd-56ef-1234567890ab" },
  ]
  pipeline_actions = [
    { name = "Source", category = "Source", provider = "S3", configuration = { S3Bucket = "data-jobs-source", S3ObjectKey = "releases/data-jobs.zip", PollForSourceChanges = "false" } },
    { name = "Validate", category = "Invoke", provider = "Lambda", configuration = { FunctionName = "data-jobs-validate", UserParameters = "strict" } },
    { name = "DeployProd", category = "Deploy", provider = "CloudFormation", region = "eu-central-1",
      role_arn = "arn:aws:iam::777788889999:role/pipeline-deploy-action",
      configuration = {
        ActionMode   = "CREATE_UPDATE"
        StackName    = "data-jobs-prod"
        TemplatePath = "SourceOutput::stack.yaml"
        RoleArn      = "arn:aws:iam::777788889999:role/cfn-data-jobs-prod"
    } },
  ]
`},
	"v2_stage_conditions": {arguments: `
  pipeline_name   = "checkout-service"
  region          = "eu-west-1"
  account_id      = "111122223333"
  artifact_stores = [{ location = "checkout-service-artifacts" }]
  pass_role_arns  = ["arn:aws:iam::111122223333:role/checkout-task"]
  pipeline_actions = [
    { name = "Source", category = "Source", provider = "CodeStarSourceConnection", configuration = {
      ConnectionArn    = "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
      FullRepositoryId = "example-org/checkout-service"
      BranchName       = "main"
    } },
    { name = "Build", category = "Build", provider = "CodeBuild", configuration = { ProjectName = "checkout-build" } },
    { name = "Deploy", category = "Deploy", provider = "ECS", configuration = { ClusterName = "production", ServiceName = "checkout" } },
  ]
  pipeline_rules = [
    { name = "BusinessHours", provider = "DeploymentWindow", configuration = { Cron = "0 0 9-17 ? * MON-FRI *", TimeZone = "Europe/Dublin" } },
    { name = "ReleaseBranch", provider = "VariableCheck", configuration = { Variable = "#{SourceVariables.BranchName}", Operator = "EQ", Value = "main" } },
    { name = "ChangeFreeze", provider = "LambdaInvoke", role_arn = "arn:aws:iam::111122223333:role/checkout-gate", configuration = { FunctionName = "change-freeze-check" } },
    { name = "ErrorRate", provider = "CloudWatchAlarm", configuration = { AlarmName = "checkout-5xx-rate", AlarmStates = "ALARM", WaitTime = "10" } },
    { name = "SmokeTest", provider = "CodeBuild", configuration = { ProjectName = "checkout-smoke-test" } },
    { name = "Verify", provider = "Commands", commands = ["curl --fail https://checkout.example.com/health"] },
  ]
`},
	"commands_secrets_vpc": {arguments: `
  pipeline_name   = "reports"
  region          = "us-east-1"
  account_id      = "444455556666"
  artifact_stores = [{ location = "reports-artifacts" }]
  pipeline_actions = [
    { name = "Source", category = "Source", provider = "S3", configuration = {
      S3Bucket = "reports-source", S3ObjectKey = "reports.zip", AllowOverrideForS3ObjectKey = "true"
    } },
    { name = "Generate", category = "Compute", provider = "Commands",
      configuration = {
        VpcId            = "vpc-0abcd1234ef567890"
        Subnets          = "subnet-0abcd1234ef567890,subnet-0bcde2345f0678901"
        SecurityGroupIds = "sg-0abcd1234ef567890"
      }
      environment_variables = [
        { name = "STAGE", value = "production" },
        { name = "API_TOKEN", value = "apiTokens:bedrockToken", type = "SECRETS_MANAGER" },
        { name = "DB_PASSWORD", value = "arn:aws:secretsmanager:us-east-1:444455556666:secret:reports/db-AbCdEf", type = "SECRETS_MANAGER" },
      ]
    },
  ]
`},
	"legacy_connection": {arguments: `
  pipeline_name   = "legacy-app"
  region          = "us-west-2"
  account_id      = "111122223333"
  artifact_stores = [{ location = "legacy-app-artifacts" }]
  pipeline_actions = [
    { name = "Source", category = "Source", provider = "CodeStarSourceConnection", configuration = {
      ConnectionArn    = "arn:aws:codestar-connections:us-west-2:111122223333:connection/bEXAMPLE-1234-4d5d-8878-dfcab0bc441f"
      FullRepositoryId = "example-org/legacy-app"
      BranchName       = "main"
    } },
    { name = "Build", category = "Build", provider = "CodeBuild", configuration = { ProjectName = "legacy-app-build" } },
  ]
`},
	"elastic_beanstalk": {arguments: `
  pipeline_name   = "storefront"
  region          = "eu-central-1"
  account_id      = "111122223333"
  artifact_stores = [{ location = "storefront-artifacts" }]
  pass_role_arns = [
    "arn:aws:iam::111122223333:role/aws-elasticbeanstalk-service-role",
    "arn:aws:iam::111122223333:role/aws-elasticbeanstalk-ec2-role",
  ]
  pipeline_actions = [
    { name = "Source", category = "Source", provider = "CodeCommit", configuration = { RepositoryName = "storefront", BranchName = "main" } },
    { name = "Deploy", category = "Deploy", provider = "ElasticBeanstalk", configuration = {
      ApplicationName = "storefront", EnvironmentName = "storefront-prod"
    } },
  ]
`},
}

// pipelineConfig is a realistic pipeline as a Terraform user writes it: any
// locals it needs, then the data source's arguments, which the function takes
// as its options object.
type pipelineConfig struct{ locals, arguments string }

func (p pipelineConfig) dataSource() string {
	return p.locals + "\ndata \"codepipeline_service_role_policy\" \"test\" {" + p.arguments + "}\n"
}

// options is a locals block with the arguments as local.options.
func (p pipelineConfig) options() string {
	return "\nlocals {\n  options = {" + p.arguments + "}\n}\n"
}

func golden(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../policy/testdata/golden/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(string(b), "\n")
}

func TestServiceRolePolicy_realisticPipelines(t *testing.T) {
	for name, config := range realisticPipelineConfigs {
		t.Run(name, func(t *testing.T) {
			roles := map[string]knownvalue.Check{}
			// The pipelines with an action role, and that role.
			if role, ok := map[string]string{
				"s3_lambda_crossaccount_cloudformation": "arn:aws:iam::777788889999:role/pipeline-deploy-action",
				"v2_stage_conditions":                   "arn:aws:iam::111122223333:role/checkout-gate",
			}[name]; ok {
				roles[role] = knownvalue.StringExact(golden(t, "pipeline_"+name+"_role_"+role[strings.LastIndex(role, "/")+1:]+".json"))
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories(),
				Steps: []resource.TestStep{{
					Config: config.dataSource(),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("json"), knownvalue.StringExact(golden(t, "pipeline_"+name+".json"))),
						statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("action_role_policies"), knownvalue.MapExact(roles)),
					},
				}},
			})
		})
	}
}

func TestServiceRolePolicy_pipelineActionDiagnostics(t *testing.T) {
	cases := map[string]struct {
		actions string
		err     string
	}{
		"empty list":        {`[]`, `No pipeline actions`},
		"unknown provider":  {`[{ category = "Build", provider = "Jenkins" }]`, `Unknown action provider`},
		"wrong category":    {`[{ category = "Source", provider = "CloudFormation" }]`, `Action provider not in this category[\s\S]*"Deploy/CloudFormation"`},
		"unknown category":  {`[{ category = "Release", provider = "S3" }]`, `Unknown action category[\s\S]*"Release"`},
		"wrong owner":       {`[{ category = "Build", provider = "CodeBuild", owner = "Amazon" }]`, `Unknown action owner[\s\S]*"ThirdParty"`},
		"region":            {`[{ category = "Build", provider = "CodeBuild", region = "Frankfurt" }]`, `Invalid region[\s\S]*Frankfurt`},
		"role":              {`[{ category = "Build", provider = "CodeBuild", role_arn = "arn:aws:iam::111122223333:user/deployer" }]`, `Invalid IAM role ARN[\s\S]*user/deployer`},
		"wrong ARN service": {`[{ category = "Invoke", provider = "StepFunctions", configuration = { StateMachineArn = "arn:aws:lambda:us-east-1:111122223333:function:f" } }]`, `Invalid ARN in configuration[\s\S]*pipeline_actions\[0\]: StateMachineArn[\s\S]*"lambda"\s+service`},
		"wrong ARN type":    {`[{ category = "Deploy", provider = "CloudFormation", configuration = { RoleArn = "arn:aws:iam::111122223333:policy/deployer" } }]`, `Invalid ARN in configuration[\s\S]*policy/deployer`},
		"labelled":          {`[{ name = "Deploy", category = "Deploy", provider = "Jenkins" }]`, `In action "Deploy"\s+\(pipeline_actions\[0\]\)`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      "data \"codepipeline_service_role_policy\" \"test\" {\n  pipeline_actions = " + tc.actions + "\n}\n",
					ExpectError: regexp.MustCompile(tc.err),
				}},
			})
		})
	}
}

// TestServiceRolePolicy_configurationUnknownUntilApply feeds a configuration
// value known only after apply: validation waits, and the policy then scopes to it.
func TestServiceRolePolicy_configurationUnknownUntilApply(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "project" {
  input = "built-later"
}

data "codepipeline_service_role_policy" "test" {
  pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = terraform_data.project.output } }]
  account_id       = "111122223333"
  region           = "eu-west-1"
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("json"),
					knownvalue.StringRegexp(regexp.MustCompile(`"arn:aws:codebuild:eu-west-1:111122223333:project/built-later"`))),
			},
		}},
	})
}

// TestServiceRolePolicyFunction_realisticPipelines gives the function each
// realistic pipeline's data source body as its options: it must return the
// same reviewed policy.
func TestServiceRolePolicyFunction_realisticPipelines(t *testing.T) {
	for name, config := range realisticPipelineConfigs {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, functionTestCase(resource.TestStep{
				Config: config.locals + config.options() + "output \"policy\" {\n  value = provider::codepipeline::service_role_policy([], local.options)\n}\n",
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("policy", knownvalue.StringExact(golden(t, "pipeline_"+name+".json"))),
				},
			}))
		})
	}
}

// TestServiceRolePolicy_otherDocuments reads the cross-account pipeline with
// its service role: every other document is the reviewed one.
func TestServiceRolePolicy_otherDocuments(t *testing.T) {
	const deployRole = "arn:aws:iam::777788889999:role/pipeline-deploy-action"
	config := strings.Replace(realisticPipelineConfigs["s3_lambda_crossaccount_cloudformation"].dataSource(), `pipeline_name = "data-jobs"`,
		`pipeline_name = "data-jobs"`+"\n  service_role_arn = \"arn:aws:iam::111122223333:role/data-jobs-pipeline\"", 1)
	bucketPolicy := golden(t, "roles_crossaccount_bucket_policy.json")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("trust_policy_json"), knownvalue.StringExact(golden(t, "roles_crossaccount_trust.json"))),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("action_role_trust_policies"), knownvalue.MapExact(map[string]knownvalue.Check{
					deployRole: knownvalue.StringExact(golden(t, "roles_crossaccount_action_role_trust.json")),
				})),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("artifact_bucket_policy_json"), knownvalue.StringExact(bucketPolicy)),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("artifact_bucket_policies").AtMapKey("data-jobs-artifacts-us-east-1"), knownvalue.StringExact(bucketPolicy)),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("artifact_bucket_policies"), knownvalue.MapSizeExact(2)),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("artifact_key_policy_json"), knownvalue.StringExact(golden(t, "roles_crossaccount_key_policy.json"))),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("event_role_policy_json"), knownvalue.StringExact(golden(t, "roles_crossaccount_event_role.json"))),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("event_role_trust_policy_json"), knownvalue.StringRegexp(regexp.MustCompile(`"events\.amazonaws\.com"`))),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("unscoped"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

// TestServiceRolePolicy_noOtherDocuments: a pipeline in one account, with a
// polling source and no key, needs none of them; without service_role_arn no
// action role trust can name it. What stays unscoped is listed.
func TestServiceRolePolicy_noOtherDocuments(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "codepipeline_service_role_policy" "test" {
  pipeline_actions = [
    { category = "Source", provider = "CodeCommit", configuration = { RepositoryName = "app", BranchName = "main" } },
    { category = "Build", provider = "CodeBuild", role_arn = "arn:aws:iam::111122223333:role/build", configuration = { ProjectName = "app" } },
  ]
  account_id      = "111122223333"
  artifact_stores = [{ location = "app-artifacts" }]
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("trust_policy_json"), knownvalue.StringRegexp(regexp.MustCompile(`"codepipeline\.amazonaws\.com"`))),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("action_role_trust_policies"), knownvalue.MapSizeExact(0)),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("artifact_bucket_policy_json"), knownvalue.Null()),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("artifact_bucket_policies"), knownvalue.MapSizeExact(0)),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("artifact_key_policy_json"), knownvalue.Null()),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("event_role_policy_json"), knownvalue.Null()),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("event_role_trust_policy_json"), knownvalue.Null()),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("unscoped"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("unscoped"), knownvalue.ListPartial(map[int]knownvalue.Check{
					1: knownvalue.ObjectExact(map[string]knownvalue.Check{
						"policy":      knownvalue.StringExact(`action_role_policies["arn:aws:iam::111122223333:role/build"]`),
						"sid":         knownvalue.StringExact("CodeBuildBuilds"),
						"iam_actions": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("codebuild:BatchGetBuilds"), knownvalue.StringExact("codebuild:StartBuild")}),
						"resources":   knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("arn:aws:codebuild:*:111122223333:project/app")}),
						"reason":      knownvalue.StringExact("region is not set"),
					}),
				})),
			},
		}},
	})
}
