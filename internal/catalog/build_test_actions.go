package catalog

// codeBuildStatements serve both the Build and the Test CodeBuild action.
var codeBuildStatements = []Statement{
	{
		Sid:       "CodeBuildBuilds",
		Actions:   []string{"codebuild:BatchGetBuilds", "codebuild:StartBuild"},
		Resources: []string{"arn:${Partition}:codebuild:${Region}:${Account}:project/${ProjectName}"},
		Only:      &Option{Key: "BatchEnabled", Values: []string{"false"}, Default: "false"},
		Sources:   []string{SeedDocument, DocsCodeBuild},
	},
	{
		Sid:       "CodeBuildBatchBuilds",
		Actions:   []string{"codebuild:BatchGetBuildBatches", "codebuild:StartBuildBatch"},
		Resources: []string{"arn:${Partition}:codebuild:${Region}:${Account}:project/${ProjectName}"},
		Only:      &Option{Key: "BatchEnabled", Values: []string{"true"}, Default: "false"},
		Sources:   []string{SeedDocument, DocsCodeBuild},
		Note:      "Batch builds (support added July 30, 2020) call these instead of the single-build actions.",
	},
	{
		Sid:       "PassRoleToCodeBuild",
		Actions:   []string{"iam:PassRole"},
		Resources: []string{"arn:${Partition}:iam::${ServiceRoleArnOverride.Account}:role/${ServiceRoleArnOverride.Name}"},
		Condition: passedTo("codebuild.amazonaws.com"),
		Only:      &Option{Key: "ServiceRoleArnOverride", Explicit: true},
		Sources:   []string{DocsCodeBuild},
		Note:      "ServiceRoleArnOverride runs the build with another role, which the pipeline passes to CodeBuild.",
	},
}

// pipelineLogGroup and pipelineLogStreams are the CloudWatch Logs access of the
// actions that run on CodePipeline-managed compute and log to /aws/codepipeline/<pipeline>.
var (
	pipelineLogGroup = Statement{
		Sid:     "PipelineLogGroup",
		Actions: []string{"logs:CreateLogGroup"},
		Resources: []string{
			"arn:${Partition}:logs:${Region}:${Account}:log-group:/aws/codepipeline/${ThisPipelineName}",
			"arn:${Partition}:logs:${Region}:${Account}:log-group:/aws/codepipeline/${ThisPipelineName}:*",
		},
		Sources: []string{DocsCommands, DocsEKS, DocsECRBuildAndPublish, DocsInspectorScan},
	}
	pipelineLogStreams = Statement{
		Sid:       "PipelineLogStreams",
		Actions:   []string{"logs:CreateLogStream", "logs:PutLogEvents"},
		Resources: []string{"arn:${Partition}:logs:${Region}:${Account}:log-group:/aws/codepipeline/${ThisPipelineName}:log-stream:*"},
		Sources:   []string{DocsCommands, DocsEKS, DocsECRBuildAndPublish, DocsInspectorScan},
		Note:      "The pages grant all three log actions on the group and group:* ARNs; stream actions are granted on the group's streams only.",
	}
)

// codeBuildOmitted are the AWS CDK's CodeBuild grants that no run needs.
var codeBuildOmitted = []Omission{{
	Actions: []string{"codebuild:StopBuild", "codebuild:StopBuildBatch"},
	Source:  CDKCodeBuild,
	Why: "CodePipeline never stops a running build: an abandoned or superseded action keeps running at its " +
		"provider (" + DocsPipelineStop + ").",
}}

var buildTestActions = []ActionType{
	{
		Category: "Build", Owner: OwnerAWS, Provider: "CodeBuild",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html",
		SupportDate: "December 1, 2016 (batch builds: July 30, 2020)",
		Statements:  codeBuildStatements,
		Omitted:     codeBuildOmitted,
	},
	{
		Category: "Build", Owner: OwnerAWS, Provider: "ECRBuildAndPublish",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECRBuildAndPublish.html",
		SupportDate: "November 22, 2024",
		Statements: []Statement{
			{
				Sid:       "ECRAuthorizationToken",
				Actions:   []string{"ecr-public:GetAuthorizationToken", "ecr:GetAuthorizationToken", "sts:GetServiceBearerToken"},
				Resources: []string{"*"},
				Sources:   []string{DocsECRBuildAndPublish},
				Note:      "IAM offers no resource-level permission for these token actions.",
			},
			{
				Sid: "ECRPrivatePublish",
				Actions: []string{
					"ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
					"ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
				},
				Resources: []string{"arn:${Partition}:ecr:${Region}:${Account}:repository/${ECRRepositoryName}"},
				Only:      &Option{Key: "RegistryType", Values: []string{"private"}, Default: "private"},
				Sources:   []string{DocsECRBuildAndPublish},
			},
			{
				Sid:       "ECRPrivateDescribeRepositories",
				Actions:   []string{"ecr:DescribeRepositories"},
				Resources: []string{"*"},
				Only:      &Option{Key: "RegistryType", Values: []string{"private"}, Default: "private"},
				Sources:   []string{DocsECRBuildAndPublish},
				Note: "The page grants it on \"*\". Nothing shows that the managed build names the repository in the " +
					"call, and a call that names none is authorized against \"*\", so it follows the page.",
			},
			{
				Sid: "ECRPublicPublish",
				Actions: []string{
					"ecr-public:BatchCheckLayerAvailability", "ecr-public:CompleteLayerUpload",
					"ecr-public:InitiateLayerUpload", "ecr-public:PutImage", "ecr-public:UploadLayerPart",
				},
				Resources: []string{"arn:${Partition}:ecr-public::${Account}:repository/${ECRRepositoryName}"},
				Only:      &Option{Key: "RegistryType", Values: []string{"public"}, Default: "private"},
				Sources:   []string{DocsECRBuildAndPublish},
			},
			{
				Sid:       "ECRPublicDescribeRepositories",
				Actions:   []string{"ecr-public:DescribeRepositories"},
				Resources: []string{"*"},
				Only:      &Option{Key: "RegistryType", Values: []string{"public"}, Default: "private"},
				Sources:   []string{DocsECRBuildAndPublish},
				Note: "The page grants it on \"*\", and the Service Authorization Reference makes its repository optional: " +
					"a call that names no repository is authorized against \"*\".",
			},
			pipelineLogGroup,
			pipelineLogStreams,
		},
	},
	{
		Category: "Test", Owner: OwnerAWS, Provider: "CodeBuild",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html",
		SupportDate: "December 1, 2016 (batch builds: July 30, 2020)",
		Statements:  codeBuildStatements,
		Omitted:     codeBuildOmitted,
	},
	{
		Category: "Test", Owner: OwnerAWS, Provider: "DeviceFarm",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-DeviceFarm.html",
		SupportDate: "July 19, 2018",
		Statements: []Statement{
			{
				Sid:       "DeviceFarmListProjects",
				Actions:   []string{"devicefarm:ListProjects"},
				Resources: []string{"*"},
				Sources:   []string{SeedDocument, DocsDeviceFarm},
				Note:      "IAM offers no resource-level permission for ListProjects.",
			},
			{
				Sid:       "DeviceFarmProject",
				Actions:   []string{"devicefarm:CreateUpload", "devicefarm:ListDevicePools", "devicefarm:ScheduleRun"},
				Resources: []string{"arn:${Partition}:devicefarm:${Region}:${Account}:project:${ProjectId}"},
				Sources:   []string{SeedDocument, DocsDeviceFarm},
			},
			{
				Sid:       "DeviceFarmRuns",
				Actions:   []string{"devicefarm:GetRun"},
				Resources: []string{"arn:${Partition}:devicefarm:${Region}:${Account}:run:${ProjectId}/*"},
				Sources:   []string{SeedDocument, DocsDeviceFarm},
			},
			{
				Sid:       "DeviceFarmUploads",
				Actions:   []string{"devicefarm:GetUpload", "devicefarm:ScheduleRun"},
				Resources: []string{"arn:${Partition}:devicefarm:${Region}:${Account}:upload:${ProjectId}/*"},
				Sources:   []string{SeedDocument, DocsDeviceFarm},
			},
			{
				Sid:       "DeviceFarmDevicePools",
				Actions:   []string{"devicefarm:ScheduleRun"},
				Resources: []string{"arn:${Partition}:devicefarm:${Region}:*:devicepool:*"},
				Sources:   []string{SeedDocument, DocsDeviceFarm},
				Note:      "Curated device pools are AWS-owned and have no account in their ARN, so the account segment stays a wildcard.",
			},
		},
	},
}
