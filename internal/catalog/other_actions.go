package catalog

import "slices"

var approvalInvokeComputeActions = []ActionType{
	{
		Category: "Approval", Owner: OwnerAWS, Provider: "Manual",
		DocsURL:     DocsManualApproval,
		SupportDate: "Not in the AWS support table",
		Statements: []Statement{
			{
				Sid:       "ManualApprovalNotification",
				Actions:   []string{"sns:Publish"},
				Resources: []string{"arn:${Partition}:sns:${NotificationArn.Region}:${NotificationArn.Account}:${NotificationArn.Name}"},
				Only:      &Option{Key: "NotificationArn"},
				Sources:   []string{DocsManualApproval},
				Note:      "Only used when the approval action names a NotificationArn; the page grants it on \"*\".",
			},
		},
		Note: "A topic encrypted with a customer managed KMS key also needs kms:GenerateDataKey* and kms:Decrypt " +
			"on that key, which the pipeline definition does not name.",
	},
	{
		Category: "Invoke", Owner: OwnerAWS, Provider: "Lambda",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html",
		SupportDate: "In the default policy of 2017; not in the AWS support table",
		Note: "The function's own execution role must report the job's result: it needs " +
			"codepipeline:PutJobSuccessResult and codepipeline:PutJobFailureResult on \"*\" (" + DocsLambdaInvoke + ").",
		Statements: []Statement{
			{
				Sid:     "LambdaInvokeFunction",
				Actions: []string{"lambda:InvokeFunction"},
				Resources: []string{
					"arn:${Partition}:lambda:${FunctionName.Region}:${FunctionName.Account}:function:${FunctionName.Qualified}",
				},
				Sources: []string{DocsLambdaInvoke, DocsLegacyDefaultPolicy, DocsLambdaQualifiers},
				Note:    "Lambda checks the call against the function name with its version or alias: the name as given is granted, not its other versions and aliases.",
			},
			{
				Sid:       "LambdaListFunctions",
				Actions:   []string{"lambda:ListFunctions"},
				Resources: []string{"*"},
				Sources:   []string{DocsLambdaInvoke, DocsLegacyDefaultPolicy},
				Note:      "IAM offers no resource-level permission for ListFunctions.",
			},
		},
	},
	{
		Category: "Invoke", Owner: OwnerAWS, Provider: "StepFunctions",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-StepFunctions.html",
		SupportDate: "May 27, 2020",
		Statements: []Statement{
			{
				Sid:       "StepFunctionsStateMachine",
				Actions:   []string{"states:DescribeStateMachine", "states:StartExecution"},
				Resources: []string{"arn:${Partition}:states:${StateMachineArn.Region}:${StateMachineArn.Account}:stateMachine:${StateMachineArn.Name}"},
				Condition: map[string]map[string][]string{
					"ForAnyValue:StringEquals": {"states:StateMachineQualifier": {"${StateMachineArn.Qualifier}"}},
				},
				Sources: []string{SeedDocument, DocsStepFunctions, DocsStepFunctionsQualifiers},
				Note: "Step Functions authorizes a call on a version or alias against the state machine's own ARN; " +
					"for a qualified StateMachineArn the condition keeps the grant to that version or alias.",
			},
			{
				Sid:       "StepFunctionsExecutions",
				Actions:   []string{"states:DescribeExecution"},
				Resources: []string{"arn:${Partition}:states:${StateMachineArn.Region}:${StateMachineArn.Account}:execution:${StateMachineArn.Name}:${ExecutionNamePrefix}*"},
				Sources:   []string{SeedDocument, DocsStepFunctions},
				Note:      "DescribeExecution is authorized against the execution ARN, not the state machine ARN.",
			},
		},
	},
	{
		Category: "Invoke", Owner: OwnerAWS, Provider: "InspectorScan",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-InspectorScan.html",
		SupportDate: "November 22, 2024",
		Statements: []Statement{
			{
				Sid:       "InspectorScanSbom",
				Actions:   []string{"inspector-scan:ScanSbom"},
				Resources: []string{"*"},
				Sources:   []string{DocsInspectorScan},
				Note:      "IAM offers no resource-level permission for ScanSbom.",
			},
			{
				Sid:       "InspectorScanImagePull",
				Actions:   []string{"ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"},
				Resources: []string{"arn:${Partition}:ecr:${Region}:${Account}:repository/${ECRRepositoryName}"},
				Only:      &Option{Key: "InspectorRunMode", Values: []string{"ECRImageScan"}},
				Sources:   []string{DocsInspectorScan, CDKInspectorScan},
				Note:      "Only an image scan pulls from ECR; a source code scan reads its input artifact.",
			},
			pipelineLogGroup,
			pipelineLogStreams,
		},
	},
	{
		Category: "Invoke", Owner: OwnerAWS, Provider: "CodePipeline",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-PipelineInvoke.html",
		SupportDate: "March 14, 2025",
		Statements: []Statement{
			{
				Sid:       "PipelineInvokeStart",
				Actions:   []string{"codepipeline:StartPipelineExecution"},
				Resources: []string{"arn:${Partition}:codepipeline:${Region}:${Account}:${PipelineName}"},
				Sources:   []string{DocsPipelineInvoke},
				Note:      "PipelineName is the pipeline the action starts, not the one it runs in.",
			},
		},
	},
	{
		Category: "Invoke", Owner: OwnerThirdParty, Provider: "Snyk",
		DocsURL: DocsSnyk,
		Note:    "Snyk runs with its own credentials; the service role needs nothing for it.",
		Deprecation: "The Snyk action is no longer in the AWS CodePipeline documentation or its list of valid " +
			"action providers; scan from a CodeBuild or Commands action instead.",
	},
	{
		Category: "Compute", Owner: OwnerAWS, Provider: "Commands",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html",
		SupportDate: "October 3, 2024",
		UsesSecrets: true,
		Statements:  slices.Concat([]Statement{pipelineLogGroup, pipelineLogStreams, commandsSecrets, commandsSecretKeys}, commandsVPC),
		Omitted: []Omission{{Actions: []string{"logs:GetLogEvents"}, Source: CDKCommands,
			Why: "Reading the action's log is the console user's permission, not the pipeline's (" + DocsConsoleLogs + ")."}},
	},
}

// actionTypes is the whole catalog in pipeline order.
var actionTypes = slices.Concat(sourceActions, buildTestActions, deployActions, approvalInvokeComputeActions)

// commandsSecrets grants each SECRETS_MANAGER environment variable's secret.
var commandsSecrets = Statement{
	Sid:       "CommandsSecrets",
	Actions:   []string{"secretsmanager:GetSecretValue"},
	Resources: []string{"arn:${Partition}:secretsmanager:${SecretsManagerSecret.Region}:${SecretsManagerSecret.Account}:secret:${SecretsManagerSecret.Name}"},
	Needs:     []string{Secret},
	Sources:   []string{DocsCommands},
	Note: "One resource per secret: an ARN as given, a name as secret:<name>-?????? (the six characters Secrets " +
		"Manager appends) in the action's region and account.",
}

// commandsSecretKeys lets the role decrypt the secrets' customer managed keys,
// and only through Secrets Manager, as Secrets Manager's encryption page
// describes for a caller of GetSecretValue.
var commandsSecretKeys = Statement{
	Sid:       "CommandsSecretKeys",
	Actions:   []string{"kms:Decrypt"},
	Resources: []string{"${SecretKeyArn}"},
	Condition: map[string]map[string][]string{"StringEquals": {"kms:ViaService": {"secretsmanager.${Region}.amazonaws.com"}}},
	Needs:     []string{Secret, SecretKey},
	Sources:   []string{DocsCommands, DocsSecretsEncryption},
	Note:      "Granted only on the keys given in secret_kms_key_arns: secrets under the AWS managed key aws/secretsmanager need no grant.",
}

// commandsVPC lets a Commands action run in the VPC its VpcId, Subnets and
// SecurityGroupIds name. The page lists the keys but no permissions: Commands
// runs on CodeBuild compute with the pipeline's role, so these are the network
// interface permissions CodeBuild documents for a build in a VPC.
var commandsVPC = []Statement{
	{
		Sid: "CommandsVpcDescribe",
		Actions: []string{"ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups",
			"ec2:DescribeSubnets", "ec2:DescribeVpcs"},
		Resources: []string{"*"},
		Only:      &Option{Key: "VpcId", Explicit: true},
		Sources:   []string{DocsCommands, DocsCodeBuildVPC},
		Note:      "Derived from CodeBuild's VPC requirements. IAM offers no resource-level permission for these actions.",
	},
	{
		Sid:     "CommandsVpcNetworkInterfaces",
		Actions: []string{"ec2:CreateNetworkInterface"},
		Resources: []string{
			"arn:${Partition}:ec2:${Region}:${Account}:network-interface/*",
			"arn:${Partition}:ec2:${Region}:${Account}:security-group/${SecurityGroupIds}",
			"arn:${Partition}:ec2:${Region}:${Account}:subnet/${Subnets}",
		},
		Only:    &Option{Key: "VpcId", Explicit: true},
		Sources: []string{DocsCommands, DocsCodeBuildVPC},
		Note:    "Derived from CodeBuild's VPC requirements, scoped to the configured subnets and security groups.",
	},
	{
		Sid:       "CommandsVpcDeleteNetworkInterfaces",
		Actions:   []string{"ec2:DeleteNetworkInterface"},
		Resources: []string{"arn:${Partition}:ec2:${Region}:${Account}:network-interface/*"},
		Only:      &Option{Key: "VpcId", Explicit: true},
		Sources:   []string{DocsCommands, DocsCodeBuildVPC},
	},
	{
		Sid:       "CommandsVpcNetworkInterfacePermission",
		Actions:   []string{"ec2:CreateNetworkInterfacePermission"},
		Resources: []string{"arn:${Partition}:ec2:${Region}:${Account}:network-interface/*"},
		Condition: map[string]map[string][]string{
			"StringEquals": {"ec2:AuthorizedService": {"codebuild.amazonaws.com"}},
			"ArnEquals":    {"ec2:Subnet": {"arn:${Partition}:ec2:${Region}:${Account}:subnet/${Subnets}"}},
		},
		Only:    &Option{Key: "VpcId", Explicit: true},
		Sources: []string{DocsCommands, DocsCodeBuildVPC},
		Note:    "Lets CodeBuild attach the interface, only in the configured subnets.",
	},
}
