package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// badInput is one class of wrong input: the configuration, the summary the
// user sees, and where it is reported: the line Terraform points at for a
// top-level attribute, or the path the message names for a nested one
// (Terraform points nested attributes at their block).
type badInput struct {
	name, config, summary, where string
}

// dataSourceWith wraps attributes in the data source.
func dataSourceWith(attributes string) string {
	return "data \"codepipeline_service_role_policy\" \"test\" {\n" + attributes + "\n}\n"
}

// withBuild adds a valid action, so the case has only its own fault.
func withBuild(attributes string) string {
	return dataSourceWith("  action_providers = [\"CodeBuild\"]\n" + attributes)
}

// pipelineAction wraps one action's attributes.
func pipelineAction(action string) string {
	return dataSourceWith("  pipeline_actions = [{\n" + action + "\n  }]")
}

func pipelineRule(rule string) string {
	return dataSourceWith("  action_providers = [\"CodeBuild\"]\n  pipeline_rules = [{\n" + rule + "\n  }]")
}

// functionWith calls the function with the arguments.
func functionWith(args string) string {
	return "output \"policy\" {\n  value = provider::codepipeline::service_role_policy(" + args + ")\n}\n"
}

// line matches the configuration line Terraform shows for a diagnostic.
func line(text string) string { return `\d+:\s+` + wrapped(text).String() }

// at matches the path a message names.
func at(path string) string { return wrapped(path).String() }

var dataSourceBadInputs = []badInput{
	{"unknown provider", dataSourceWith(`  action_providers = ["CodeBuild", "Jenkins"]`), "Unknown action provider", line(`action_providers = ["CodeBuild", "Jenkins"]`)},
	{"provider in the wrong case", dataSourceWith(`  action_providers = ["codebuild"]`), "Action provider has the wrong case", line(`action_providers = ["codebuild"]`)},
	{"empty provider", dataSourceWith(`  action_providers = [""]`), "Empty action provider", line(`action_providers = [""]`)},
	{"provider with spaces", dataSourceWith(`  action_providers = ["ECS "]`), "Action provider has surrounding spaces", line(`action_providers = ["ECS "]`)},
	{"unknown category", dataSourceWith(`  action_providers = ["Release/S3"]`), "Unknown action category", line(`action_providers = ["Release/S3"]`)},
	{"provider in another category", dataSourceWith(`  action_providers = ["Source/CloudFormation"]`), "Action provider not in this category", line(`action_providers = ["Source/CloudFormation"]`)},
	{"rule type as action provider", dataSourceWith(`  action_providers = ["CloudWatchAlarm"]`), "Unknown action provider", `stage-condition rule type`},
	{"no actions", dataSourceWith(`  action_providers = []`), "No pipeline actions", line(`action_providers = []`)},
	{"account ID", withBuild(`  account_id = "12345"`), "Invalid account ID", line(`account_id = "12345"`)},
	{"region", withBuild(`  region = "Frankfurt"`), "Invalid region", line(`region = "Frankfurt"`)},
	{"partition", withBuild(`  partition = "aws-china"`), "Unknown partition", line(`partition = "aws-china"`)},
	{"pipeline name", withBuild(`  pipeline_name = "my pipeline"`), "Invalid pipeline name", line(`pipeline_name = "my pipeline"`)},
	{"bucket as ARN", withBuild(`  artifact_stores = [{ location = "arn:aws:s3:::artifacts" }]`), "Invalid artifact store bucket name", `looks like an ARN`},
	{"key as alias", withBuild(`  artifact_stores = [{ location = "artifacts", encryption_key_id = "alias/artifacts" }]`), "Invalid artifact store encryption key", `alias name`},
	{"key of another partition", withBuild(`  partition = "aws-cn"` + "\n" + `  artifact_stores = [{ location = "artifacts", encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }]`),
		"Invalid artifact store encryption key", `partition\s+"aws-cn"`},
	{"pass role not a role", withBuild(`  pass_role_arns = ["arn:aws:iam::111122223333:user/deployer"]`), "Invalid IAM role ARN", line(`pass_role_arns = ["arn:aws:iam::111122223333:user/deployer"]`)},
	{"service role not a role", withBuild(`  service_role_arn = "arn:aws:iam::111122223333:policy/p"`), "Invalid IAM role ARN", line(`service_role_arn = "arn:aws:iam::111122223333:policy/p"`)},
	{"service role of another partition", withBuild(`  service_role_arn = "arn:aws-us-gov:iam::111122223333:role/p"`), "Invalid IAM role ARN", line(`service_role_arn = "arn:aws-us-gov:iam::111122223333:role/p"`)},
	{"trust conditions without account", withBuild(`  trust_source_conditions = true` + "\n" + `  pipeline_name = "p"`), "Trust conditions need account_id", line(`trust_source_conditions = true`)},
	{"unknown owner", pipelineAction(`    category = "Build", provider = "CodeBuild", owner = "Amazon"`), "Unknown action owner", at(`pipeline_actions[0]`)},
	{"unknown action category", pipelineAction(`    category = "Release", provider = "S3"`), "Unknown action category", at(`pipeline_actions[0]`)},
	{"unknown action provider", pipelineAction(`    category = "Build", provider = "Jenkins"`), "Unknown action provider", at(`pipeline_actions[0]`)},
	{"project given as ARN", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = "arn:aws:codebuild:us-east-1:111122223333:project/proj" }`),
		"Invalid CodeBuild project name", at(`pipeline_actions[0]: ProjectName`)},
	{"cluster given as ARN", pipelineAction(`    category = "Deploy", provider = "ECS"` + "\n" + `    configuration = { ClusterName = "arn:aws:ecs:us-east-1:111122223333:cluster/prod", ServiceName = "web" }`),
		"Invalid ECS cluster name", at(`pipeline_actions[0]: ClusterName`)},
	{"bucket given as ARN", pipelineAction(`    category = "Source", provider = "S3"` + "\n" + `    configuration = { S3Bucket = "arn:aws:s3:::source", S3ObjectKey = "app.zip" }`),
		"Invalid S3 bucket name", at(`pipeline_actions[0]: S3Bucket`)},
	{"stack name with a space", pipelineAction(`    category = "Deploy", provider = "CloudFormation"` + "\n" + `    configuration = { ActionMode = "CREATE_UPDATE", StackName = "my stack" }`),
		"Invalid CloudFormation stack name", at(`pipeline_actions[0]: StackName`)},
	{"function given as a state machine ARN", pipelineAction(`    category = "Invoke", provider = "Lambda"` + "\n" + `    configuration = { FunctionName = "arn:aws:states:us-east-1:111122223333:stateMachine:x" }`),
		"Invalid Lambda function name", at(`pipeline_actions[0]: FunctionName`)},
	{"function qualifier", pipelineAction(`    category = "Invoke", provider = "Lambda"` + "\n" + `    configuration = { FunctionName = "fn:not a version" }`),
		"Invalid Lambda function name", `qualifier`},
	{"connection of another service", pipelineAction(`    category = "Source", provider = "CodeStarSourceConnection"` + "\n" + `    configuration = { ConnectionArn = "arn:aws:codecommit:us-east-1:111122223333:repo", FullRepositoryId = "o/r", BranchName = "main" }`),
		"Invalid ARN in configuration", at(`pipeline_actions[0]: ConnectionArn`)},
	{"connection of another partition", dataSourceWith(`  partition = "aws-cn"` + "\n" + `  pipeline_actions = [{ category = "Source", provider = "CodeStarSourceConnection", configuration = { ConnectionArn = "arn:aws:codeconnections:us-east-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f", FullRepositoryId = "o/r", BranchName = "main" } }]`),
		"Invalid ARN in configuration", `partition\s+"aws-cn"`},
	{"action mode", pipelineAction(`    category = "Deploy", provider = "CloudFormation"` + "\n" + `    configuration = { ActionMode = "CREATE_UPDATES", StackName = "s" }`),
		"Invalid ActionMode value", at(`pipeline_actions[0]: ActionMode`)},
	{"batch setting", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = "proj", BatchEnabled = "yes" }`),
		"Invalid BatchEnabled value", at(`pipeline_actions[0]: BatchEnabled`)},
	{"empty configuration value", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = "" }`),
		"Empty configuration value", at(`pipeline_actions[0]: ProjectName`)},
	{"one megabyte configuration value", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = format("%1048576s", "") }`),
		"Configuration value too long", `ProjectName has 1048576 characters`},
	{"ten thousand actions", dataSourceWith(`  pipeline_actions = flatten([for i in range(100) : [for j in range(100) : { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "project-${i}-${j}" } }]])`),
		"Too many actions", `pipeline_actions has 10000 entries`},
	{"action region", pipelineAction(`    category = "Build", provider = "CodeBuild", region = "EU"`), "Invalid region", at(`pipeline_actions[0]`)},
	{"action role", pipelineAction(`    category = "Build", provider = "CodeBuild", role_arn = "arn:aws:iam::111122223333:group/g"`), "Invalid IAM role ARN", at(`pipeline_actions[0]`)},
	{"environment variable type", pipelineAction(`    category = "Compute", provider = "Commands"` + "\n" + `    environment_variables = [{ name = "TOKEN", value = "t", type = "PARAMETER_STORE" }]`),
		"Unknown environment variable type", at(`pipeline_actions[0]`)},
	{"environment variable name", pipelineAction(`    category = "Compute", provider = "Commands"` + "\n" + `    environment_variables = [{ name = "MY-TOKEN", value = "t" }]`),
		"Invalid environment variable name", at(`pipeline_actions[0]`)},
	{"secret of another service", pipelineAction(`    category = "Compute", provider = "Commands"` + "\n" + `    environment_variables = [{ name = "TOKEN", value = "arn:aws:ssm:us-east-1:111122223333:parameter/t", type = "SECRETS_MANAGER" }]`),
		"Invalid secret reference", `"ssm"\s+service`},
	{"event role without pipeline name", pipelineAction(`    category = "Source", provider = "ECR"` + "\n" + `    configuration = { RepositoryName = "app" }`),
		"Pipeline name needed for the change-detection role", `event_role_policy_json`},
	{"unknown rule provider", pipelineRule(`    provider = "CloudWatchAlarms"`), "Unknown rule provider", `Did\s+you\s+mean\s+"CloudWatchAlarm"`},
	{"action provider as rule", pipelineRule(`    provider = "CodeDeploy"`), "Unknown rule provider", `is\s+an\s+action\s+provider`},
	{"rule owner", pipelineRule(`    provider = "VariableCheck", owner = "ThirdParty"` + "\n" + `    configuration = { Variable = "#{v.x}", Operator = "EQ", Value = "1" }`), "Unknown rule owner", at(`pipeline_rules[0]`)},
	{"rule version", pipelineRule(`    provider = "DeploymentWindow", version = "2"` + "\n" + `    configuration = { Cron = "0 0 9 * * ?" }`), "Unknown rule version", at(`pipeline_rules[0]`)},
	{"rule operator", pipelineRule(`    provider = "VariableCheck"` + "\n" + `    configuration = { Variable = "#{v.x}", Operator = "GT", Value = "1" }`), "Invalid Operator value", at(`pipeline_rules[0]: Operator`)},
	{"rule alarm name", pipelineRule(`    provider = "CloudWatchAlarm"` + "\n" + `    configuration = { AlarmName = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:a" }`), "Invalid CloudWatch alarm name", at(`pipeline_rules[0]: AlarmName`)},
	{"policy too large", dataSourceWith(`  action_providers = ["CodeBuild"]` + "\n" + `  artifact_stores = [for i in range(120) : { location = "artifact-store-bucket-number-xxxxxxxxxxxxxxxxxxx${i}" }]`),
		"Policy too large for IAM", `split_for_managed_policies\s+=\s+true`},
	{"a known fault next to values unknown at plan", `
resource "terraform_data" "later" {
  input = "built-later"
}
` + dataSourceWith(`  pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = terraform_data.later.output } }]`+"\n"+`  account_id = "11112222333"`),
		"Invalid account ID", line(`account_id = "11112222333"`)},
}

var functionBadInputs = []badInput{
	{"function: unknown option", functionWith(`["S3"], { acount_id = "111122223333" }`), `options has no attribute "acount_id"`, `Valid\s+attributes\s+are`},
	{"function: wrong option type", functionWith(`["S3"], { pass_role_arns = "arn:aws:iam::111122223333:role/r" }`), `options.pass_role_arns must be a list, not a string`, `Invalid\s+value\s+for\s+"options"`},
	{"function: null provider", functionWith(`[null]`), `action_providers[0] is null`, `Invalid\s+value\s+for\s+"action_providers"`},
	{"function: options twice", functionWith(`["S3"], {}, {}`), `options may be given only once`, `Invalid\s+value\s+for\s+"options"`},
	{"function: not an object", functionWith(`["S3"], "eu-west-1"`), `options must be an object, not a string`, `Invalid\s+value\s+for\s+"options"`},
	{"function: missing required nested attribute", functionWith(`[], { pipeline_rules = [{ name = "gate" }] }`), `options.pipeline_rules[0].provider is required`, `Invalid\s+value\s+for\s+"options"`},
	{"function: unknown provider", functionWith(`["CodeDeployToEcs2"]`), `Unknown action provider`, at(`action_providers[0]`)},
	{"function: invalid account", functionWith(`["S3"], { account_id = "12345" }`), `Invalid account ID`, at(`options.account_id`)},
	{"function: project as ARN", functionWith(`[], { pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = "arn:aws:codebuild:us-east-1:111122223333:project/p" } }] }`),
		`Invalid CodeBuild project name`, at(`options.pipeline_actions[0].configuration["ProjectName"]`)},
	{"function: unknown rule", functionWith(`["CodeBuild"], { pipeline_rules = [{ provider = "Alarm" }] }`), `Unknown rule provider`, at(`options.pipeline_rules[0].provider`)},
	{"function: secret type", functionWith(`[], { pipeline_actions = [{ category = "Compute", provider = "Commands", environment_variables = [{ name = "T", value = "v", type = "SECRET" }] }] }`),
		`Unknown environment variable type`, at(`options.pipeline_actions[0].environment_variables[0].type`)},
	{"function: one megabyte value", functionWith(`[], { pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = format("%1048576s", "") } }] }`),
		`Configuration value too long`, at(`options.pipeline_actions[0].configuration["ProjectName"]`)},
	{"function: ten thousand actions", functionWith(`[], { pipeline_actions = flatten([for i in range(100) : [for j in range(100) : { category = "Build", provider = "CodeBuild" }]]) }`),
		`Too many actions`, at(`options.pipeline_actions`)},
	{"function: policy too large", functionWith(`["CodeBuild"], { artifact_stores = [for i in range(120) : { location = "artifact-store-bucket-number-xxxxxxxxxxxxxxxxxxx${i}" }] }`),
		`Policy too large for IAM`, `split_for_managed_policies`},
}

// TestBadInput runs every class of wrong input through the real CLI and
// expects its summary where the user looks for it.
func TestBadInput(t *testing.T) {
	for _, tc := range dataSourceBadInputs {
		t.Run(tc.name, func(t *testing.T) {
			expectBadInput(t, resource.TestCase{ProtoV6ProviderFactories: protoV6ProviderFactories()}, tc)
		})
	}
	for _, tc := range functionBadInputs {
		t.Run(tc.name, func(t *testing.T) { expectBadInput(t, functionTestCase(), tc) })
	}
	if n := len(dataSourceBadInputs) + len(functionBadInputs); n < 40 {
		t.Errorf("only %d classes of bad input", n)
	}
}

// expectBadInput expects the summary and where it is reported, in either
// order: the data source's diagnostics show the line first, the function's
// errors the path first.
func expectBadInput(t *testing.T, tc resource.TestCase, in badInput) {
	t.Helper()
	summary := wrapped(in.summary).String()
	tc.Steps = []resource.TestStep{{
		Config:      in.config,
		ExpectError: regexp.MustCompile(`(?:` + summary + `[\s\S]*` + in.where + `|` + in.where + `[\s\S]*` + summary + `)`),
	}}
	resource.UnitTest(t, tc)
}
