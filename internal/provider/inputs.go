package provider

import (
	"cmp"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// pipelineInputs are the attributes that describe a pipeline. Every data
// source that builds from a pipeline description shares them, and the
// function takes them as its options.
func pipelineInputs() []input[policy.Request] { return pipelineInputsOnce.get(newPipelineInputs) }

var pipelineInputsOnce once[[]input[policy.Request]]

func newPipelineInputs() []input[policy.Request] {
	type req = policy.Request
	return []input[req]{
		stringListIn("action_providers", policy.FieldActionProviders, "The providers of the pipeline's actions, spelled as in "+
			"`aws_codepipeline`'s `action.provider`, such as `CodeStarSourceConnection`, `CodeBuild` or `ECS`. A name used in several "+
			"categories (`S3`, `Lambda`, `CodeBuild`) grants all of them; write `Category/Provider`, such as "+
			"`Deploy/S3`, to pick one. Order and repeats do not matter. Names are case-sensitive. Without the "+
			"actions' configuration every statement is unscoped; prefer `pipeline_actions`.", false,
			func(r *req, v []string) { r.ActionProviders = v }),
		objectListIn("pipeline_actions", policy.FieldPipelineActions, "The pipeline's actions with their configuration, as in "+
			"`aws_codepipeline`'s `stage.action` blocks: feed both from the same locals. Each configuration value is checked by what "+
			"it names (a CodeBuild project name, a connection ARN, ...) and scopes the statements to exactly "+
			"that resource; options such as CodeBuild's `BatchEnabled` or CloudFormation's `ActionMode` grant "+
			"only what they use. A required key that is missing, or a value CodePipeline resolves at run time "+
			"(`#{...}`), falls back to the wider grant and is listed in `unscoped`. May be combined with "+
			"`action_providers`; the policy covers both. At most 1,000 actions, CodePipeline's quota per pipeline.",
			actionInputs(), func(r *req, v []policy.PipelineAction) { r.PipelineActions = v }),
		objectListIn("pipeline_rules", policy.FieldPipelineRules, "The rules of the stages' conditions (V2 pipelines), one object per "+
			"`rule` of `aws_codepipeline`'s `before_entry`, `on_success` and `on_failure` blocks. Rules run with the service "+
			"role (or their own `role_arn`) and are granted like actions. At most 750.",
			ruleInputs(), func(r *req, v []policy.PipelineRule) { r.PipelineRules = v }),
		dynamicIn("pipeline_stages", policy.FieldPipelineStages, "The pipeline's stages instead of `pipeline_actions` and "+
			"`pipeline_rules`: `aws_codepipeline`'s `stage` blocks as one value, in the shape the resource's state holds them "+
			"(`terraform show -json`): a list of stages, each with `name`, its `action` list and its `before_entry`, "+
			"`on_success` and `on_failure` conditions. Feed `aws_codepipeline`'s `dynamic \"stage\"` and this attribute "+
			"from the same `local.stages`. A single nested block may be one object instead of a list of one; attributes "+
			"the policy does not need (artifacts, `run_order`, `namespace`, ...) are accepted and ignored. Errors name "+
			"the place inside it, such as `pipeline_stages[1].action[0].configuration.ProjectName`.",
			func(r *req, v any) { r.Stages = v }),
		stringIn("pipeline_definition", policy.FieldPipelineDefinition, optionalString("The pipeline as JSON text instead of "+
			"`pipeline_actions`: the output of `aws codepipeline get-pipeline` (which also gives the region and account), "+
			"a create-pipeline or update-pipeline input, or a CloudFormation `AWS::CodePipeline::Pipeline` resource or its "+
			"`Properties` (`jsonencode(yamldecode(file(...)))` reads a YAML template's resource). The pipeline's name, "+
			"service role, artifact stores, actions and rules come from it; `region`, `account_id` and the others fill "+
			"what it lacks, and a value that contradicts it is an error. A CloudFormation function such as `Ref` in a "+
			"configuration value is resolved only at deploy time: the grant widens and `unscoped` says so. Errors name "+
			"the place inside it, such as `pipeline_definition: stages[2].actions[0].configuration.ProjectName`."),
			func(r *req, v string) { r.Definition = v }),
		objectListIn("artifact_stores", policy.FieldArtifactStores, "The pipeline's artifact stores, as in `aws_codepipeline`'s "+
			"`artifact_store` blocks. The policy always lets the pipeline read and write its artifacts; without this attribute that "+
			"access covers every bucket (`arn:aws:s3:::*`) and is listed in `unscoped`.",
			storeInputs(), func(r *req, v []policy.ArtifactStore) { r.ArtifactStores = v }),
		{
			name: "partition", field: policy.FieldPartition,
			schema: schema.StringAttribute{
				MarkdownDescription: "The AWS partition of every ARN, such as `aws`, `aws-cn` or `aws-us-gov`. Defaults to `aws`.",
				Optional:            true,
				Computed:            true,
			},
			read:     func(rd *reader, v tftypes.Value, at policy.Path, r *req) { r.Partition = rd.string(v, at) },
			computed: func(r *req) tftypes.Value { return stringValue(cmp.Or(r.Partition, policy.DefaultPartition)) },
		},
		stringIn("region", policy.FieldRegion, optionalString("The pipeline's region, used in ARNs. When unset, ARNs match any region (`*`)."),
			func(r *req, v string) { r.Region = v }),
		stringIn("account_id", policy.FieldAccountID, optionalString("The pipeline's 12-digit account ID, used in ARNs and in "+
			"`aws:ResourceAccount` conditions on S3 access. When unset, ARNs match any account (`*`) and those "+
			"conditions are left out."), func(r *req, v string) { r.AccountID = v }),
		stringIn("pipeline_name", policy.FieldPipelineName, optionalString("The pipeline's name. Actions that log to CloudWatch Logs "+
			"(Commands, ECRBuildAndPublish, InspectorScan, EC2, EKS, Lambda deploy) write to log groups named "+
			"after it; without it those grants cover every pipeline's log groups."), func(r *req, v string) { r.PipelineName = v }),
		stringListIn("pass_role_arns", policy.FieldPassRoleARNs, "Roles that deploy actions hand to a service but that the pipeline "+
			"definition does not name: the ECS task and task execution roles of ECS and CodeDeployToECS deploys, the Elastic "+
			"Beanstalk service and instance roles. `iam:PassRole` is scoped to them; without them it covers "+
			"every role of the account, still only for those services, and is listed in `unscoped`.", false,
			func(r *req, v []string) { r.PassRoleARNs = v }),
		stringListIn("secret_kms_key_arns", policy.FieldSecretKeyARNs, "ARNs of the customer managed KMS keys that encrypt the "+
			"Secrets Manager secrets of Commands actions' `SECRETS_MANAGER` environment variables. The policy then grants "+
			"`kms:Decrypt` on exactly these keys, only through Secrets Manager (`kms:ViaService`), and `advice` no longer "+
			"mentions the keys. Leave it unset for secrets under the AWS managed key `aws/secretsmanager`, which need no grant.", false,
			func(r *req, v []string) { r.SecretKeyARNs = v }),
		stringIn("service_role_arn", policy.FieldServiceRoleARN, optionalString("The ARN of the service role the policy is for, such as "+
			"`aws_iam_role.pipeline.arn`. The trust policies of `action_role_trust_policies` let exactly this role "+
			"assume the action roles, and `artifact_key_policy_json` names it. Without it, "+
			"`action_role_trust_policies` is empty, so referring to one of its entries fails at plan."),
			func(r *req, v string) { r.ServiceRoleARN = v }),
		boolIn("trust_source_conditions", policy.FieldTrustSourceConditions, "Set to `true` to add `aws:SourceAccount` and "+
			"`aws:SourceArn` conditions (this account and pipeline) to `trust_policy_json`, against the confused-deputy problem; "+
			"needs `account_id` and `pipeline_name`. **AWS does not document these keys for CodePipeline**: its guides give the plain "+
			"trust policy only. If CodePipeline does not send the keys when it assumes the role, the conditions "+
			"fail and the pipeline cannot run, so try a pipeline execution before relying on it. Defaults to `false`.",
			func(r *req, v bool) { r.TrustSourceConditions = v }),
		boolIn("split_for_managed_policies", policy.FieldSplit, "Set to `true` when the policy is too large to attach inline (over "+
			"10,240 characters): `policy_documents` then holds the statements packed into documents of at most 6,144 "+
			"characters each, to attach as managed policies. A role takes 10 managed policies by default, "+
			"20 at most. Defaults to `false`.", func(r *req, v bool) { r.SplitForManagedPolicies = v }),
		boolIn("use_aws_managed_policies", policy.FieldUseAWSManaged, "Set to `true` to let an AWS managed policy stand in "+
			"for the statements it allows, where AWS keeps one for an action type's calls (today the Elastic Beanstalk deploy: "+
			"`AdministratorAccess-AWSElasticBeanstalk`, which AWS documents for the users who manage environments and the AWS CDK "+
			"attaches to this action). The policy then leaves those statements out and `managed_policy_arns` lists the policies "+
			"to attach. The managed policy grants more than the statements it replaces (every Elastic Beanstalk call, in every "+
			"region); a test checks that it allows each call they grant. Defaults to `false`.",
			func(r *req, v bool) { r.UseAWSManagedPolicies = v }),
	}
}

func actionInputs() []input[policy.PipelineAction] {
	type action = policy.PipelineAction
	return []input[action]{
		stringIn("name", policy.FieldName, optionalString("The action's name; only used to point at the action in messages."),
			func(a *action, v string) { a.Name = v }),
		stringIn("category", policy.FieldCategory, requiredString("The action category: `Source`, `Build`, `Test`, `Deploy`, "+
			"`Approval`, `Invoke` or `Compute`."), func(a *action, v string) { a.Category = v }),
		stringIn("owner", policy.FieldOwner, optionalString("The action owner: `AWS`, `ThirdParty` or `Custom`. When unset, the owner "+
			"CodePipeline documents for the provider. Custom actions run on their own job workers and need "+
			"nothing from the service role."), func(a *action, v string) { a.Owner = v }),
		stringIn("provider", policy.FieldProvider, requiredString("The action provider, such as `CodeBuild`."),
			func(a *action, v string) { a.Provider = v }),
		stringMapIn("configuration", policy.FieldConfiguration, "The action's configuration, as in `aws_codepipeline`. Keys the action "+
			"type does not document draw a warning; a value that cannot name what its key names (a name that "+
			"breaks the service's naming rule, an ARN of the wrong service, resource type or partition, a "+
			"value outside a setting's documented values) is an error on that key.",
			func(a *action, v map[string]string) { a.Configuration = v }),
		objectListIn("environment_variables", policy.FieldEnvironmentVariables, "The action's environment variables, as in the "+
			"CodePipeline API's `ActionDeclaration` (Commands actions). A `SECRETS_MANAGER` variable grants "+
			"`secretsmanager:GetSecretValue` on its secret only.", variableInputs(),
			func(a *action, v []policy.EnvironmentVariable) { a.EnvironmentVariables = v }),
		stringIn("region", policy.FieldRegion, optionalString("The action's region, for cross-region actions; its resources' ARNs use "+
			"it instead of the pipeline's `region`."), func(a *action, v string) { a.Region = v }),
		stringIn("role_arn", policy.FieldRoleARN, optionalString("The action's own IAM role. The service role then only gets "+
			"`sts:AssumeRole` on it, and `action_role_policies` holds what the role itself needs. The action's "+
			"resources are taken to live in the role's account."), func(a *action, v string) { a.RoleARN = v }),
	}
}

func variableInputs() []input[policy.EnvironmentVariable] {
	type variable = policy.EnvironmentVariable
	return []input[variable]{
		stringIn("name", policy.FieldName, requiredString("The variable's name."), func(e *variable, v string) { e.Name = v }),
		stringIn("value", policy.FieldValue, requiredString("The variable's value. For `SECRETS_MANAGER`, the secret's name "+
			"(`my-secret`, granted as `secret:my-secret-??????` in the action's region and account) or ARN, "+
			"optionally followed by `:json-key`."), func(e *variable, v string) { e.Value = v }),
		stringIn("type", policy.FieldType, optionalString("`PLAINTEXT` (the default) or `SECRETS_MANAGER`."),
			func(e *variable, v string) { e.Type = v }),
	}
}

func ruleInputs() []input[policy.PipelineRule] {
	type rule = policy.PipelineRule
	return []input[rule]{
		stringIn("name", policy.FieldName, optionalString("The rule's name; only used to point at the rule in messages."),
			func(r *rule, v string) { r.Name = v }),
		stringIn("provider", policy.FieldProvider, requiredString("The rule type: `CloudWatchAlarm`, `CodeBuild`, `Commands`, "+
			"`DeploymentWindow`, `LambdaInvoke` or `VariableCheck`."), func(r *rule, v string) { r.Provider = v }),
		stringIn("owner", policy.FieldOwner, optionalString("The rule owner; only `AWS` (the default)."),
			func(r *rule, v string) { r.Owner = v }),
		stringIn("version", policy.FieldVersion, optionalString("The rule type's version; only `1` (the default)."),
			func(r *rule, v string) { r.Version = v }),
		stringMapIn("configuration", policy.FieldConfiguration, "The rule's configuration, checked like an action's.",
			func(r *rule, v map[string]string) { r.Configuration = v }),
		stringListIn("commands", policy.FieldCommands, "The shell commands of a `Commands` rule; they need no permissions of their own.",
			false, func(r *rule, v []string) { r.Commands = v }),
		stringIn("region", policy.FieldRegion, optionalString("The rule's region, when it is not the pipeline's."),
			func(r *rule, v string) { r.Region = v }),
		stringIn("role_arn", policy.FieldRoleARN, optionalString("The rule's own IAM role, handled like an action's `role_arn`."),
			func(r *rule, v string) { r.RoleARN = v }),
	}
}

func storeInputs() []input[policy.ArtifactStore] {
	type store = policy.ArtifactStore
	return []input[store]{
		stringIn("location", policy.FieldLocation, requiredString("The artifact bucket's name (not its ARN), such as "+
			"`aws_s3_bucket.artifacts.bucket`."), func(s *store, v string) { s.Location = v }),
		stringIn("encryption_key_id", policy.FieldEncryptionKeyID, optionalString("The ARN of the KMS key that encrypts the store, as in "+
			"`encryption_key.id`. When set, the policy lets the pipeline use this key; an alias or bare key ID "+
			"is rejected because IAM evaluates key permissions against the key ARN."), func(s *store, v string) { s.EncryptionKeyID = v }),
		stringIn("region", policy.FieldRegion, optionalString("The store's region, for pipelines with cross-region actions."),
			func(s *store, v string) { s.Region = v }),
	}
}
