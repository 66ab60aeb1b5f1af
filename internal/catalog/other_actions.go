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
	},
	{
		Category: "Invoke", Owner: OwnerAWS, Provider: "Lambda",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html",
		SupportDate: "In the default policy of 2017; not in the AWS support table",
		Statements: []Statement{
			{
				Sid:     "LambdaInvokeFunction",
				Actions: []string{"lambda:InvokeFunction"},
				Resources: []string{
					"arn:${Partition}:lambda:${FunctionName.Region}:${FunctionName.Account}:function:${FunctionName.Name}",
					"arn:${Partition}:lambda:${FunctionName.Region}:${FunctionName.Account}:function:${FunctionName.Name}:*",
				},
				Sources: []string{DocsLambdaInvoke, DocsLegacyDefaultPolicy},
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
				Sources:   []string{SeedDocument, DocsStepFunctions},
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
				Sources:   []string{DocsInspectorScan},
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
	},
	{
		Category: "Compute", Owner: OwnerAWS, Provider: "Commands",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html",
		SupportDate: "October 3, 2024",
		Statements:  []Statement{pipelineLogGroup, pipelineLogStreams},
	},
}

// actionTypes is the whole catalog in pipeline order.
var actionTypes = slices.Concat(sourceActions, buildTestActions, deployActions, approvalInvokeComputeActions)
