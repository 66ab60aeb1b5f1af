package provider

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// badInput is one class of wrong input, for the data sources or the
// function: its configuration (<id> names its blocks), the code and summary
// of the problem it must draw and nothing else, and where the user sees it:
// a pattern on the line Terraform points at and the message. A warning
// comes from a configuration that otherwise plans.
type badInput struct {
	name    string
	config  string
	code    policy.Code
	summary string
	where   string
	warning bool
}

// The configurations of the rows, one data source or output each.
func policyWith(attributes string) string {
	return "data \"codepipeline_service_role_policy\" \"<id>\" {\n" + attributes + "\n}\n"
}

// withBuild adds a valid action, so the row has only its own fault.
func withBuild(attributes string) string {
	return policyWith("  action_providers = [\"CodeBuild\"]\n" + attributes)
}

func pipelineAction(action string) string {
	return policyWith("  pipeline_actions = [{\n" + action + "\n  }]")
}

func pipelineRule(rule string) string {
	return policyWith("  action_providers = [\"CodeBuild\"]\n  pipeline_rules = [{\n" + rule + "\n  }]")
}

// scoped gives a pipeline every input that narrows it, so only the row's
// own warning remains.
func scoped(attributes string) string {
	return policyWith("  region          = \"eu-west-1\"\n  account_id      = \"111122223333\"\n  pipeline_name   = \"p\"\n" +
		"  artifact_stores = [{ location = \"artifacts\" }]\n" + attributes)
}

func auditWith(documents string, attributes ...string) string {
	return "data \"codepipeline_service_role_audit\" \"<id>\" {\n  action_providers = [\"CodeBuild\"]\n" +
		"  artifact_stores  = [{ location = \"artifacts\" }]\n  region = \"eu-west-1\"\n  account_id = \"111122223333\"\n" +
		"  policy_documents = " + documents + "\n" + strings.Join(attributes, "\n") + "\n}\n"
}

func functionWith(args string) string {
	return "output \"<id>\" {\n  value = provider::codepipeline::service_role_policy(" + args + ")\n}\n"
}

// line matches the configuration line Terraform points at.
func line(text string) string { return regexp.QuoteMeta(text) }

// at matches a path or words in the message.
func at(text string) string { return regexp.QuoteMeta(text) }

// manyProjects is a pipeline_actions list long enough to push a policy over
// IAM's quotas: n CodeBuild actions whose projects have long names.
func manyProjects(n string) string {
	return `[for i in range(` + n + `) : { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "build-project-number-${i}-` + strings.Repeat("x", 130) + `" } }]`
}

var badInputs = []badInput{
	// Action providers.
	{"unknown provider", policyWith(`  action_providers = ["CodeBuild", "Jenkins"]`), policy.CodeUnknownProvider, "Unknown action provider", line(`action_providers = ["CodeBuild", "Jenkins"]`), false},
	{"misspelt provider", policyWith(`  action_providers = ["CodeDeployToEcs2"]`), policy.CodeUnknownProvider, "Unknown action provider", at(`Did you mean "CodeDeployToECS"?`), false},
	{"provider in the wrong case", policyWith(`  action_providers = ["codebuild"]`), policy.CodeProviderCase, "Action provider has the wrong case", at(`Did you mean "CodeBuild"?`), false},
	{"empty provider", policyWith(`  action_providers = ["CodeBuild", ""]`), policy.CodeEmptyProvider, "Empty action provider", line(`action_providers = ["CodeBuild", ""]`), false},
	{"provider with spaces", policyWith(`  action_providers = ["ECS "]`), policy.CodeProviderSpaces, "Action provider has surrounding spaces", at(`did you mean "ECS"?`), false},
	{"unknown category", policyWith(`  action_providers = ["Release/S3"]`), policy.CodeUnknownCategory, "Unknown action category", at(`"Source", "Build", "Test", "Deploy", "Approval", "Invoke", "Compute"`), false},
	{"category in the wrong case", policyWith(`  action_providers = ["deploy/S3"]`), policy.CodeCategoryCase, "Action category has the wrong case", at(`Did you mean "Deploy/S3"?`), false},
	{"provider in another category", policyWith(`  action_providers = ["Source/CloudFormation"]`), policy.CodeProviderNotInCategory, "Action provider not in this category", at(`available as "Deploy/CloudFormation"`), false},
	{"provider in two other categories", policyWith(`  action_providers = ["Deploy/CodeBuild"]`), policy.CodeProviderNotInCategory, "Action provider not in this category", at(`"Build/CodeBuild" or "Test/CodeBuild"`), false},
	{"rule type as action provider", policyWith(`  action_providers = ["CloudWatchAlarm"]`), policy.CodeUnknownProvider, "Unknown action provider", at(`stage-condition rule type`), false},
	{"no actions", policyWith(`  action_providers = []`), policy.CodeNoActions, "No pipeline actions", at(`action_providers = ["CodeStarSourceConnection", "CodeBuild"]`), false},
	{"no action attributes", policyWith(`  region = "eu-west-1"`), policy.CodeNoActions, "No pipeline actions", at(`or describe them in pipeline_actions`), false},
	{"no pipeline actions", policyWith(`  pipeline_actions = []`), policy.CodeNoActions, "No pipeline actions", at(`A pipeline has at least one source action`), false},

	// Pipeline-wide identifiers.
	{"account ID", withBuild(`  account_id = "12345"`), policy.CodeInvalidAccount, "Invalid account ID", line(`account_id = "12345"`), false},
	{"region", withBuild(`  region = "Frankfurt"`), policy.CodeInvalidRegion, "Invalid region", line(`region = "Frankfurt"`), false},
	{"partition", withBuild(`  partition = "aws-china"`), policy.CodeUnknownPartition, "Unknown partition", at(`"aws-cn"`), false},
	{"pipeline name", withBuild(`  pipeline_name = "my pipeline"`), policy.CodeInvalidPipelineName, "Invalid pipeline name", line(`pipeline_name = "my pipeline"`), false},
	{"bucket as ARN", withBuild(`  artifact_stores = [{ location = "arn:aws:s3:::artifacts" }]`), policy.CodeInvalidBucket, "Invalid artifact store bucket name", at(`looks like an ARN`), false},
	{"bucket in capitals", withBuild(`  artifact_stores = [{ location = "My_Artifacts" }]`), policy.CodeInvalidBucket, "Invalid artifact store bucket name", at(`lowercase letters`), false},
	{"bucket as IP address", withBuild(`  artifact_stores = [{ location = "192.168.5.4" }]`), policy.CodeInvalidBucket, "Invalid artifact store bucket name", at(`IP address`), false},
	{"store region", withBuild(`  artifact_stores = [{ location = "artifacts", region = "eu" }]`), policy.CodeInvalidRegion, "Invalid region", at(`"eu" is not an AWS region code`), false},
	{"key as alias name", withBuild(`  artifact_stores = [{ location = "artifacts", encryption_key_id = "alias/artifacts" }]`), policy.CodeInvalidKey, "Invalid artifact store encryption key", at(`alias name`), false},
	{"key as alias ARN", withBuild(`  artifact_stores = [{ location = "artifacts", encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/artifacts" }]`), policy.CodeInvalidKey, "Invalid artifact store encryption key", at(`alias ARN`), false},
	{"key as key ID", withBuild(`  artifact_stores = [{ location = "artifacts", encryption_key_id = "1234abcd-12ab-34cd-56ef-1234567890ab" }]`), policy.CodeInvalidKey, "Invalid artifact store encryption key", at(`key ID or alias name`), false},
	{"key of another service", withBuild(`  artifact_stores = [{ location = "artifacts", encryption_key_id = "arn:aws:s3:::artifacts" }]`), policy.CodeInvalidKey, "Invalid artifact store encryption key", at(`"s3" service`), false},
	{"key of another partition", withBuild(`  partition = "aws-cn"` + "\n" + `  artifact_stores = [{ location = "artifacts", encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }]`),
		policy.CodeInvalidKey, "Invalid artifact store encryption key", at(`partition "aws-cn"`), false},
	{"pass role not a role", withBuild(`  pass_role_arns = ["arn:aws:iam::111122223333:user/deployer"]`), policy.CodeInvalidRole, "Invalid IAM role ARN", line(`pass_role_arns = ["arn:aws:iam::111122223333:user/deployer"]`), false},
	{"service role not a role", withBuild(`  service_role_arn = "arn:aws:iam::111122223333:policy/p"`), policy.CodeInvalidRole, "Invalid IAM role ARN", line(`service_role_arn = "arn:aws:iam::111122223333:policy/p"`), false},
	{"service role of another partition", withBuild(`  service_role_arn = "arn:aws-us-gov:iam::111122223333:role/p"`), policy.CodeInvalidRole, "Invalid IAM role ARN", at(`partition "aws-us-gov"`), false},
	{"pass role as a pattern", withBuild(`  pass_role_arns = ["arn:aws:iam::111122223333:role/*"]`), policy.CodeInvalidRole, "Invalid IAM role ARN", at(`never a pattern of roles`), false},
	{"service role path as a pattern", withBuild(`  service_role_arn = "arn:aws:iam::111122223333:role/ops*/deployer"`), policy.CodeInvalidRole, "Invalid IAM role ARN", at(`Principal`), false},
	{"key that names no key", withBuild(`  artifact_stores = [{ location = "artifacts", encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/*" }]`), policy.CodeInvalidKey, "Invalid artifact store encryption key", at(`names no one key`), false},
	{"region outside the partition", withBuild(`  partition = "aws-cn"` + "\n" + `  region = "us-east-1"`), policy.CodeRegionNotInPartition, "Region not in the partition", at(`partition = "aws"`), false},
	{"store region outside the partition", withBuild(`  artifact_stores = [{ location = "artifacts", region = "cn-north-1" }]`), policy.CodeRegionNotInPartition, "Region not in the partition", at(`"aws-cn" partition`), false},
	{"two stores in one region", withBuild(`  artifact_stores = [{ location = "artifacts-a", region = "eu-west-1" }, { location = "artifacts-b", region = "eu-west-1" }]`),
		policy.CodeDuplicateStoreRegion, "Two artifact stores in one region", at(`artifact_stores[0] and artifact_stores[1]`), false},
	{"several stores without a region", withBuild(`  region = "eu-west-1"` + "\n" + `  artifact_stores = [{ location = "artifacts-a", region = "eu-west-1" }, { location = "artifacts-b" }]`),
		policy.CodeStoreWithoutRegion, "Artifact store without a region", at(`artifact_stores[1].region`), false},
	{"cross-region action without a store", policyWith(`  region = "eu-west-1"` + "\n" + `  artifact_stores = [{ location = "artifacts", region = "eu-west-1" }]` + "\n" + `  pipeline_actions = [{ category = "Build", provider = "CodeBuild", region = "us-east-1" }]`),
		policy.CodeRegionWithoutStore, "No artifact store in this region", at(`pipeline_actions[0].region is "us-east-1"`), false},

	// The other documents.
	{"trust conditions without account", withBuild(`  trust_source_conditions = true` + "\n" + `  pipeline_name = "p"`), policy.CodeTrustNeedsInput, "Trust conditions need the account and pipeline name", at(`set account_id.`), false},
	{"trust conditions without pipeline name", withBuild(`  trust_source_conditions = true` + "\n" + `  account_id = "111122223333"`), policy.CodeTrustNeedsInput, "Trust conditions need the account and pipeline name", at(`set pipeline_name.`), false},
	{"event role without pipeline name", pipelineAction(`    category = "Source", provider = "ECR"` + "\n" + `    configuration = { RepositoryName = "app" }`),
		policy.CodeEventRoleNeedsName, "Pipeline name needed for the change-detection role", at(`event_role_policy_json`), false},

	// Pipeline actions.
	{"unknown owner", pipelineAction(`    category = "Build", provider = "CodeBuild", owner = "Amazon"`), policy.CodeUnknownOwner, "Unknown action owner", at(`In pipeline_actions[0]: "Amazon" is not an action owner`), false},
	{"unknown action category", pipelineAction(`    category = "Release", provider = "S3"`), policy.CodeUnknownCategory, "Unknown action category", at(`In pipeline_actions[0]: "Release"`), false},
	{"unknown action provider", pipelineAction(`    category = "Build", provider = "Jenkins"`), policy.CodeUnknownProvider, "Unknown action provider", at(`In pipeline_actions[0]: "Jenkins"`), false},
	{"action provider in another category", pipelineAction(`    category = "Source", provider = "CloudFormation"`), policy.CodeProviderNotInCategory, "Action provider not in this category", at(`"Deploy/CloudFormation"`), false},
	{"action named in messages", pipelineAction(`    name = "Deploy", category = "Deploy", provider = "Jenkins"`), policy.CodeUnknownProvider, "Unknown action provider", at(`In action "Deploy" (pipeline_actions[0]): "Jenkins"`), false},
	{"action region", pipelineAction(`    category = "Build", provider = "CodeBuild", region = "EU"`), policy.CodeInvalidRegion, "Invalid region", at(`In pipeline_actions[0]: "EU"`), false},
	{"action role", pipelineAction(`    category = "Build", provider = "CodeBuild", role_arn = "arn:aws:iam::111122223333:group/g"`), policy.CodeInvalidRole, "Invalid IAM role ARN", at(`In pipeline_actions[0]: "arn:aws:iam::111122223333:group/g"`), false},

	// Pipeline definitions and stages.
	{"definition not JSON", policyWith(`  pipeline_definition = "{\"pipeline\": "`), policy.CodeMalformedDefinition, "Malformed pipeline definition", at(`pipeline_definition`), false},
	{"definition of no known shape", policyWith(`  pipeline_definition = jsonencode({ Pipeline = {} })`), policy.CodeUnknownDefinitionShape, "Unknown pipeline definition", at(`pipeline_definition`), false},
	{"definition without actions", policyWith(`  pipeline_definition = jsonencode({ pipeline = { name = "p", stages = [] } })`), policy.CodeEmptyDefinition, "Pipeline without actions", at(`pipeline_definition`), false},
	{"definition value of the wrong type", policyWith(`  pipeline_definition = jsonencode({ pipeline = { name = "p", stages = [{ name = "Build", actions = [{ name = "B", actionTypeId = { category = "Build", owner = "AWS", provider = "CodeBuild", version = "1" }, configuration = 5 }] }] } })`),
		policy.CodeInvalidDefinitionValue, "Invalid value in the pipeline definition", at(`configuration`), false},
	{"definition and actions", policyWith(`  pipeline_definition = jsonencode({ pipeline = { name = "p", stages = [{ name = "Build", actions = [{ name = "B", actionTypeId = { category = "Build", owner = "AWS", provider = "CodeBuild", version = "1" }, configuration = { ProjectName = "b" } }] }] } })` + "\n" + `  pipeline_actions = [{ category = "Build", provider = "CodeBuild" }]`),
		policy.CodeTwoDescriptions, "Two descriptions of the pipeline", at(`pipeline_definition and pipeline_actions`), false},
	{"definition contradicted", policyWith(`  region = "eu-west-1"` + "\n" + `  pipeline_definition = jsonencode({ metadata = { pipelineArn = "arn:aws:codepipeline:us-east-1:111122223333:p" }, pipeline = { name = "p", stages = [{ name = "Build", actions = [{ name = "B", actionTypeId = { category = "Build", owner = "AWS", provider = "CodeBuild", version = "1" }, configuration = { ProjectName = "b" } }] }] } })`),
		policy.CodeContradiction, "Contradicts the pipeline definition", at(`pipeline_definition: metadata.pipelineArn says "us-east-1"`), false},
	{"value inside a definition", policyWith(`  pipeline_definition = jsonencode({ pipeline = { name = "p", stages = [{ name = "Source", actions = [{ name = "S", actionTypeId = { category = "Source", owner = "AWS", provider = "S3", version = "1" }, configuration = { S3Bucket = "src", S3ObjectKey = "a.zip" } }] }, { name = "Build", actions = [{ name = "B", actionTypeId = { category = "Build", owner = "AWS", provider = "CodeBuild", version = "1" }, configuration = { ProjectName = "my project" } }] }] } })`),
		policy.CodeInvalidName, "Invalid CodeBuild project name", at(`pipeline_definition: pipeline.stages[1].actions[0].configuration.ProjectName: `), false},
	{"value inside stages", policyWith(`  pipeline_stages = [{ name = "Build", action = [{ name = "B", category = "Build", owner = "AWS", provider = "CodeBuild", version = "1", configuration = { ProjectName = "my project" } }] }]`),
		policy.CodeInvalidName, "Invalid CodeBuild project name", at(`pipeline_stages[0].action[0].configuration.ProjectName: `), false},
	{"deploy-time value in a definition", scoped(`  pipeline_definition = jsonencode({ Type = "AWS::CodePipeline::Pipeline", Properties = { RoleArn = { "Fn::GetAtt" = ["PipelineRole", "Arn"] }, Stages = [{ Name = "Build", Actions = [{ Name = "B", ActionTypeId = { Category = "Build", Owner = "AWS", Provider = "CodeBuild", Version = "1" }, Configuration = { ProjectName = "build" } }] }] } })`),
		policy.CodeDeferredValue, "Value resolved when the stack deploys", at(`Fn::GetAtt`), true},

	// Configuration values.
	{"project given as ARN", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = "arn:aws:codebuild:us-east-1:111122223333:project/proj" }`),
		policy.CodeInvalidName, "Invalid CodeBuild project name", at(`In pipeline_actions[0]: ProjectName`), false},
	{"cluster given as ARN", pipelineAction(`    category = "Deploy", provider = "ECS"` + "\n" + `    configuration = { ClusterName = "arn:aws:ecs:us-east-1:111122223333:cluster/prod", ServiceName = "web" }`),
		policy.CodeInvalidName, "Invalid ECS cluster name", at(`In pipeline_actions[0]: ClusterName`), false},
	{"source bucket given as ARN", pipelineAction(`    category = "Source", provider = "S3"` + "\n" + `    configuration = { S3Bucket = "arn:aws:s3:::source", S3ObjectKey = "app.zip" }`),
		policy.CodeInvalidName, "Invalid S3 bucket name", at(`In pipeline_actions[0]: S3Bucket`), false},
	{"stack name with a space", pipelineAction(`    category = "Deploy", provider = "CloudFormation"` + "\n" + `    configuration = { ActionMode = "CREATE_UPDATE", StackName = "my stack" }`),
		policy.CodeInvalidName, "Invalid CloudFormation stack name", at(`In pipeline_actions[0]: StackName`), false},
	{"function given as a state machine ARN", pipelineAction(`    category = "Invoke", provider = "Lambda"` + "\n" + `    configuration = { FunctionName = "arn:aws:states:us-east-1:111122223333:stateMachine:x" }`),
		policy.CodeInvalidFunction, "Invalid Lambda function name", at(`In pipeline_actions[0]: FunctionName`), false},
	{"action role path as a pattern", pipelineAction(`    category = "Build", provider = "CodeBuild", role_arn = "arn:aws:iam::111122223333:role/ops*/deployer"`), policy.CodeInvalidRole, "Invalid IAM role ARN", at(`Principal`), false},
	{"deployed function with a qualifier", pipelineAction(`    category = "Deploy", provider = "Lambda"` + "\n" + `    configuration = { FunctionName = "fn:prod" }`),
		policy.CodeInvalidFunction, "Invalid Lambda function name", at(`own configuration key`), false},
	{"state machine qualifier", pipelineAction(`    category = "Invoke", provider = "StepFunctions"` + "\n" + `    configuration = { StateMachineArn = "arn:aws:states:us-east-1:111122223333:stateMachine:sm:prod alias" }`),
		policy.CodeInvalidARN, "Invalid ARN in configuration", at(`qualifier`), false},
	{"ARN region outside its partition", pipelineAction(`    category = "Invoke", provider = "StepFunctions"` + "\n" + `    configuration = { StateMachineArn = "arn:aws:states:cn-north-1:111122223333:stateMachine:sm" }`),
		policy.CodeInvalidARN, "Invalid ARN in configuration", at(`"aws-cn" partition`), false},
	{"function qualifier", pipelineAction(`    category = "Invoke", provider = "Lambda"` + "\n" + `    configuration = { FunctionName = "fn:not a version" }`),
		policy.CodeInvalidFunction, "Invalid Lambda function name", at(`qualifier`), false},
	{"connection of another service", pipelineAction(`    category = "Source", provider = "CodeStarSourceConnection"` + "\n" + `    configuration = { ConnectionArn = "arn:aws:codecommit:us-east-1:111122223333:repo", FullRepositoryId = "o/r", BranchName = "main" }`),
		policy.CodeInvalidARN, "Invalid ARN in configuration", at(`In pipeline_actions[0]: ConnectionArn`), false},
	{"connection of another partition", policyWith(`  partition = "aws-cn"` + "\n" + `  pipeline_actions = [{ category = "Source", provider = "CodeStarSourceConnection", configuration = { ConnectionArn = "arn:aws:codeconnections:us-east-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f", FullRepositoryId = "o/r", BranchName = "main" } }]`),
		policy.CodeInvalidARN, "Invalid ARN in configuration", at(`partition "aws-cn"`), false},
	{"ARN of another resource type", pipelineAction(`    category = "Deploy", provider = "CloudFormation"` + "\n" + `    configuration = { ActionMode = "CREATE_UPDATE", StackName = "s", RoleArn = "arn:aws:iam::111122223333:policy/deployer" }`),
		policy.CodeInvalidARN, "Invalid ARN in configuration", at(`policy/deployer`), false},
	{"action mode", pipelineAction(`    category = "Deploy", provider = "CloudFormation"` + "\n" + `    configuration = { ActionMode = "CREATE_UPDATES", StackName = "s" }`),
		policy.CodeInvalidSetting, "Invalid ActionMode value", at(`In pipeline_actions[0]: ActionMode`), false},
	{"batch setting", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = "proj", BatchEnabled = "yes" }`),
		policy.CodeInvalidSetting, "Invalid BatchEnabled value", at(`In pipeline_actions[0]: BatchEnabled`), false},
	{"empty configuration value", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = "" }`),
		policy.CodeEmptyConfigValue, "Empty configuration value", at(`In pipeline_actions[0]: ProjectName`), false},
	{"configuration key too long", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = "proj", (format("%060d", 0)) = "x" }`),
		policy.CodeInvalidConfigKey, "Invalid configuration key", at(`has 60 characters`), false},
	{"one megabyte configuration value", pipelineAction(`    category = "Build", provider = "CodeBuild"` + "\n" + `    configuration = { ProjectName = format("%1048576s", "") }`),
		policy.CodeConfigValueTooLong, "Configuration value too long", at(`ProjectName has 1048576 characters`), false},
	{"ten thousand actions", policyWith(`  pipeline_actions = flatten([for i in range(100) : [for j in range(100) : { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "project-${i}-${j}" } }]])`),
		policy.CodeTooMany, "Too many actions", at(`pipeline_actions has 10000 entries`), false},

	// Environment variables.
	{"environment variable type", pipelineAction(`    category = "Compute", provider = "Commands"` + "\n" + `    environment_variables = [{ name = "TOKEN", value = "t", type = "PARAMETER_STORE" }]`),
		policy.CodeUnknownVariableType, "Unknown environment variable type", at(`In pipeline_actions[0]: "PARAMETER_STORE"`), false},
	{"environment variable name", pipelineAction(`    category = "Compute", provider = "Commands"` + "\n" + `    environment_variables = [{ name = "MY-TOKEN", value = "t" }]`),
		policy.CodeInvalidVariableName, "Invalid environment variable name", at(`In pipeline_actions[0]: "MY-TOKEN"`), false},
	{"environment variable value", pipelineAction(`    category = "Compute", provider = "Commands"` + "\n" + `    environment_variables = [{ name = "STAGE", value = "" }]`),
		policy.CodeInvalidVariableValue, "Invalid environment variable value", at(`The value of STAGE has 0 characters`), false},
	{"too many environment variables", pipelineAction(`    category = "Compute", provider = "Commands"` + "\n" + `    environment_variables = [for i in range(11) : { name = "V${i}", value = "v" }]`),
		policy.CodeTooManyVariables, "Too many environment variables", at(`11 are given`), false},
	{"secret of another service", pipelineAction(`    category = "Compute", provider = "Commands"` + "\n" + `    environment_variables = [{ name = "TOKEN", value = "arn:aws:ssm:us-east-1:111122223333:parameter/t", type = "SECRETS_MANAGER" }]`),
		policy.CodeInvalidSecret, "Invalid secret reference", at(`"ssm" service`), false},

	// Stage-condition rules.
	{"unknown rule provider", pipelineRule(`    provider = "CloudWatchAlarms"`), policy.CodeUnknownRuleProvider, "Unknown rule provider", at(`Did you mean "CloudWatchAlarm"`), false},
	{"action provider as rule", pipelineRule(`    provider = "CodeDeploy"`), policy.CodeUnknownRuleProvider, "Unknown rule provider", at(`is an action provider`), false},
	{"rule provider in the wrong case", pipelineRule(`    provider = "cloudwatchalarm"`), policy.CodeRuleProviderCase, "Rule provider has the wrong case", at(`Did you mean "CloudWatchAlarm"?`), false},
	{"rule owner", pipelineRule(`    provider = "VariableCheck", owner = "ThirdParty"` + "\n" + `    configuration = { Variable = "#{v.x}", Operator = "EQ", Value = "1" }`), policy.CodeUnknownRuleOwner, "Unknown rule owner", at(`In pipeline_rules[0]: "ThirdParty"`), false},
	{"rule version", pipelineRule(`    provider = "DeploymentWindow", version = "2"` + "\n" + `    configuration = { Cron = "0 0 9 * * ?" }`), policy.CodeUnknownRuleVersion, "Unknown rule version", at(`In pipeline_rules[0]: CodePipeline documents version "1"`), false},
	{"rule operator", pipelineRule(`    provider = "VariableCheck"` + "\n" + `    configuration = { Variable = "#{v.x}", Operator = "GT", Value = "1" }`), policy.CodeInvalidSetting, "Invalid Operator value", at(`In pipeline_rules[0]: Operator`), false},
	{"rule alarm name", pipelineRule(`    provider = "CloudWatchAlarm"` + "\n" + `    configuration = { AlarmName = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:a" }`), policy.CodeInvalidName, "Invalid CloudWatch alarm name", at(`In pipeline_rules[0]: AlarmName`), false},
	{"too many commands", pipelineRule(`    provider = "Commands"` + "\n" + `    commands = [for i in range(51) : "echo ${i}"]`), policy.CodeTooManyCommands, "Too many commands", at(`51 commands are given`), false},
	{"empty command", pipelineRule(`    provider = "Commands"` + "\n" + `    commands = [""]`), policy.CodeInvalidCommand, "Invalid command", at(`a command has 0 characters`), false},

	// What IAM accepts.
	{"policy too large", withBuild(`  pipeline_actions = ` + manyProjects("110")), policy.CodePolicyTooLarge, "Policy too large for IAM", at(`Set split_for_managed_policies = true: policy_documents then holds 4 documents`), false},
	{"too many managed policies", withBuild(`  split_for_managed_policies = true` + "\n" + `  pipeline_actions = ` + manyProjects("700")), policy.CodeTooManyManaged, "Too many managed policies for one role", at(`IAM attaches at most 20`), false},
	{"a known fault next to values unknown at plan", `
resource "terraform_data" "<id>" {
  input = "built-later"
}
` + policyWith(`  pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = terraform_data.<id>.output } }]`+"\n"+`  account_id = "11112222333"`),
		policy.CodeInvalidAccount, "Invalid account ID", line(`account_id = "11112222333"`), false},

	// Advice that a change to the configuration ends.
	{"unscoped", withBuild(""), policy.CodeUnscoped, "Policy is not fully scoped", at(`artifact_stores is not set`), true},
	{"more managed policies than the default", withBuild(`  split_for_managed_policies = true` + "\n" + `  pipeline_actions = ` + manyProjects("480")), policy.CodeAboveManagedDefault, "More managed policies than the default quota", at(`a role may have 10 by default`), true},
	{"deprecated action type", scoped(`  pipeline_actions = [{ category = "Source", owner = "ThirdParty", provider = "GitHub", configuration = { Owner = "o", Repo = "r", Branch = "main", OAuthToken = "t" } }]`),
		policy.CodeDeprecated, "Source/GitHub is deprecated", at(`In pipeline_actions[0]:`), true},
	{"partner action", scoped(`  pipeline_actions = [{ category = "Test", owner = "ThirdParty", provider = "GhostInspector" }, { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "build" } }]`),
		policy.CodePartnerAction, "Partner action not in the catalog", at(`nothing is granted for it`), true},
	{"unexpected owner", scoped(`  pipeline_actions = [{ category = "Build", owner = "ThirdParty", provider = "CodeBuild", configuration = { ProjectName = "build" } }]`),
		policy.CodeUnexpectedOwner, "Unexpected action owner", at(`documents owner "AWS" for Build/CodeBuild`), true},
	{"undocumented configuration key", scoped(`  pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = "build", Project = "build" } }]`),
		policy.CodeUnknownConfigKey, "Unknown configuration key", at(`documents no configuration key "Project"`), true},
	{"secrets where undocumented", scoped(`  pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = "build" }, environment_variables = [{ name = "T", value = "token", type = "SECRETS_MANAGER" }] }]`),
		policy.CodeSecretsUndocumented, "Secrets not documented for this action type", at(`only Compute/Commands does`), true},

	// The audit's documents and verdict.
	{"audit: not JSON", auditWith(`["{\"Version\": "]`), audit.CodeInvalidDocument, "Invalid policy document", at(`policy_documents[0] is not a valid IAM policy document: malformed JSON`), false},
	{"audit: no statement", auditWith(`[jsonencode({ Version = "2012-10-17" })]`), audit.CodeInvalidDocument, "Invalid policy document", at(`Statement is missing`), false},
	{"audit: trust policy", auditWith(`[jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "codepipeline.amazonaws.com" }, Action = "sts:AssumeRole" }] })]`),
		audit.CodeInvalidDocument, "Invalid policy document", at(`policy_documents[0] is not an identity policy`), false},
	{"audit: empty document", auditWith(`["{}", ""]`), audit.CodeInvalidDocument, "Invalid policy document", at(`policy_documents[1] is empty`), false},
	{"audit: no Effect", auditWith(`[jsonencode({ Statement = [{ Action = "s3:GetObject", Resource = "*" }] })]`), audit.CodeInvalidDocument, "Invalid policy document", at(`Effect is missing`), false},
	{"audit: action without a service", auditWith(`[jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3 GetObject", Resource = "*" }] })]`),
		audit.CodeInvalidDocument, "Invalid policy document", at(`"s3 GetObject" is not "*" or "service:action"`), false},
	{"audit: a pipeline mistake", strings.Replace(auditWith(`[jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })]`), `["CodeBuild"]`, `["codebuild"]`, 1),
		policy.CodeProviderCase, "Action provider has the wrong case", at(`Did you mean "CodeBuild"?`), false},
	{"audit: incomplete role in a CI gate", auditWith(`[jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })]`, `  fail_when_incomplete = true`),
		audit.CodeIncomplete, "Service role lacks permissions", at(`This is an error because fail_when_incomplete is true.`), false},
	{"audit: incomplete role", auditWith(`[jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })]`),
		audit.CodeIncomplete, "Service role lacks permissions", at(`Attach missing_policy_json to the role`), true},

	// The listing.
	{"action types: unknown category", `data "codepipeline_action_types" "<id>" { category = "deploy" }`, policy.CodeUnknownCategory, "Unknown action category", at(`"Deploy"`), false},

	// The function's arguments, and the builder's problems as the function reports them.
	{"function: value inside stages", functionWith(`[], { pipeline_stages = [{ name = "Build", action = { name = "B", category = "Build", provider = "CodeBuild", configuration = { ProjectName = "my project" } } }] }`),
		policy.CodeInvalidName, "", at(`pipeline_stages[0].action.configuration.ProjectName`), false},
	{"function: definition not JSON", functionWith(`[], { pipeline_definition = "{" }`), policy.CodeMalformedDefinition, "", at(`pipeline_definition`), false},
	{"function: unknown option", functionWith(`["S3"], { acount_id = "111122223333" }`), codeInvalidArgument, "", at(`options has no attribute "acount_id". Valid attributes are "account_id", "artifact_stores"`), false},
	{"function: unknown nested attribute", functionWith(`["S3"], { artifact_stores = [{ bucket = "artifacts" }] }`), codeInvalidArgument, "", at(`options.artifact_stores[0] has no attribute "bucket". Valid attributes are "encryption_key_id", "location", "region"`), false},
	{"function: action providers as an option", functionWith(`[], { action_providers = ["S3"] }`), codeInvalidArgument, "", at(`(action providers are the function's first argument)`), false},
	{"function: missing required nested attribute", functionWith(`[], { pipeline_rules = [{ name = "gate" }] }`), codeInvalidArgument, "", at(`options.pipeline_rules[0].provider is required`), false},
	{"function: wrong option type", functionWith(`["S3"], { pass_role_arns = "arn:aws:iam::111122223333:role/r" }`), codeInvalidArgument, "", at(`options.pass_role_arns must be a list, not a string`), false},
	{"function: wrong element type", functionWith(`["S3"], { artifact_stores = ["artifacts"] }`), codeInvalidArgument, "", at(`options.artifact_stores[0] must be an object, not a string`), false},
	{"function: null provider", functionWith(`[null]`), codeInvalidArgument, "", at(`action_providers[0] is null`), false},
	{"function: options twice", functionWith(`["S3"], {}, {}`), codeInvalidArgument, "", at(`options may be given only once`), false},
	{"function: not an object", functionWith(`["S3"], "eu-west-1"`), codeInvalidArgument, "", at(`options must be an object, not a string`), false},
	{"function: unknown provider", functionWith(`["CodeBuild", "CodeDeployToEcs2"]`), policy.CodeUnknownProvider, "Unknown action provider", at(`action_providers[1]: Unknown action provider. "CodeDeployToEcs2" is not a CodePipeline action provider. Did you mean "CodeDeployToECS"?`), false},
	{"function: no actions", functionWith(`[]`), policy.CodeNoActions, "No pipeline actions", at(`action_providers: No pipeline actions.`), false},
	{"function: invalid account", functionWith(`["S3"], { account_id = "12345" }`), policy.CodeInvalidAccount, "Invalid account ID", at(`options.account_id: Invalid account ID. "12345" is not`), false},
	{"function: project as ARN", functionWith(`[], { pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = "arn:aws:codebuild:us-east-1:111122223333:project/p" } }] }`),
		policy.CodeInvalidName, "Invalid CodeBuild project name", at(`options.pipeline_actions[0].configuration["ProjectName"]`), false},
	{"function: unknown rule", functionWith(`["CodeBuild"], { pipeline_rules = [{ provider = "Alarm" }] }`), policy.CodeUnknownRuleProvider, "Unknown rule provider", at(`options.pipeline_rules[0].provider`), false},
	{"function: secret type", functionWith(`[], { pipeline_actions = [{ category = "Compute", provider = "Commands", environment_variables = [{ name = "T", value = "v", type = "SECRET" }] }] }`),
		policy.CodeUnknownVariableType, "Unknown environment variable type", at(`options.pipeline_actions[0].environment_variables[0].type`), false},
	{"function: one megabyte value", functionWith(`[], { pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = format("%1048576s", "") } }] }`),
		policy.CodeConfigValueTooLong, "Configuration value too long", at(`options.pipeline_actions[0].configuration["ProjectName"]`), false},
	{"function: ten thousand actions", functionWith(`[], { pipeline_actions = flatten([for i in range(100) : [for j in range(100) : { category = "Build", provider = "CodeBuild" }]]) }`),
		policy.CodeTooMany, "Too many actions", at(`options.pipeline_actions`), false},
	{"function: policy too large", functionWith(`["CodeBuild"], { pipeline_actions = ` + manyProjects("110") + ` }`), policy.CodePolicyTooLarge, "Policy too large for IAM", at(`split_for_managed_policies`), false},
}

// TestBadInput runs every class of wrong input through the real CLI at once
// and expects, for each, exactly its problem where the user looks for it.
func TestBadInput(t *testing.T) {
	t.Parallel()
	entries := make([]batchEntry, len(badInputs))
	for i, in := range badInputs {
		entries[i] = batchEntry{blocks: in.config}
	}
	results := runBatch(t, entries)
	for i, in := range badInputs {
		t.Run(in.name, func(t *testing.T) { checkBadInput(t, in, results[i]) })
	}
}

// checkBadInput expects the row's problem, with its code, summary and place,
// and no error of any other kind.
func checkBadInput(t *testing.T, in badInput, diagnostics []cliDiagnostic) {
	t.Helper()
	where := regexp.MustCompile(in.where)
	severity := tfjson.DiagnosticSeverityError
	if in.warning {
		severity = tfjson.DiagnosticSeverityWarning
	}
	found := false
	for _, d := range diagnostics {
		if d.Severity == tfjson.DiagnosticSeverityError && d.code != in.code {
			t.Errorf("an error of another kind:\n%s", d)
		}
		found = found || d.Severity == severity && d.code == in.code &&
			strings.Contains(d.Summary+"\n"+d.Detail, in.summary) && where.MatchString(d.String())
	}
	if !found {
		t.Errorf("no %s %q (%s) matching %q; the CLI reported:\n%s", severity, in.summary, in.code, in.where, joinDiagnostics(diagnostics))
	}
}

func joinDiagnostics(diagnostics []cliDiagnostic) string {
	var b strings.Builder
	for _, d := range diagnostics {
		b.WriteString(d.String() + "\n\n")
	}
	return b.String()
}

// TestEveryCodeIsShown checks that the table holds every kind of problem.
func TestEveryCodeIsShown(t *testing.T) {
	for _, code := range policy.Codes() {
		if slices.Contains(policy.AdviceCodes(), code) {
			continue // advice is an output: see TestAdvice
		}
		if !slices.ContainsFunc(badInputs, func(in badInput) bool { return in.code == code }) {
			t.Errorf("no bad input draws %q", code)
		}
	}
}
