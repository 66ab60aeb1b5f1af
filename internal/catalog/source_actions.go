package catalog

var sourceActions = []ActionType{
	{
		Category: "Source", Owner: OwnerAWS, Provider: "S3",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-S3.html",
		SupportDate: "Initial service launch",
		Statements: []Statement{
			{
				Sid:       "S3SourceBucketAccess",
				Actions:   []string{"s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketVersioning"},
				Resources: []string{"arn:${Partition}:s3:::${S3Bucket}"},
				Condition: inOwnAccount,
				Sources:   []string{DocsS3Source},
				Note:      "The documented statement is split into bucket and object grants so each action only names the resource type it acts on.",
			},
			{
				Sid:       "S3SourceObjectRead",
				Actions:   []string{"s3:GetObject", "s3:GetObjectTagging", "s3:GetObjectVersion", "s3:GetObjectVersionTagging"},
				Resources: []string{"arn:${Partition}:s3:::${S3Bucket}/${S3ObjectKey}"},
				Condition: inOwnAccount,
				Sources:   []string{DocsS3Source},
			},
		},
	},
	{
		Category: "Source", Owner: OwnerAWS, Provider: "ECR",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECR.html",
		SupportDate: "November 27, 2018",
		Statements: []Statement{
			{
				Sid:       "ECRSourceDescribeImages",
				Actions:   []string{"ecr:DescribeImages"},
				Resources: []string{"arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}"},
				Sources:   []string{SeedDocument, DocsECRSource},
			},
		},
	},
	{
		Category: "Source", Owner: OwnerAWS, Provider: "CodeCommit",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html",
		SupportDate: "April 18, 2016 (full clone output format: November 11, 2020)",
		Statements: []Statement{
			{
				Sid: "CodeCommitSourceAccess",
				Actions: []string{
					"codecommit:CancelUploadArchive", "codecommit:GetBranch", "codecommit:GetCommit",
					"codecommit:GetRepository", "codecommit:GetUploadArchiveStatus", "codecommit:UploadArchive",
				},
				Resources: []string{"arn:${Partition}:codecommit:${Region}:${Account}:${RepositoryName}"},
				Sources:   []string{SeedDocument, DocsCodeCommit},
				Note:      "GetRepository comes from the current page; it is what the full clone output format needs.",
			},
		},
		Companions: []Companion{{
			Only: &Option{Key: "OutputArtifactFormat", Values: []string{"CODEBUILD_CLONE_REF"}, Default: "CODE_ZIP"},
			Detail: "With the full clone output format, CodeBuild clones the repository itself: the CodeBuild " +
				"project's service role needs codecommit:GitPull on this repository.",
			Source: DocsCodeCommit,
		}},
	},
	{
		Category: "Source", Owner: OwnerAWS, Provider: "CodeStarSourceConnection",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html",
		SupportDate: "December 18, 2019",
		Statements: []Statement{
			{
				Sid:       "CodeConnectionsUse",
				Actions:   []string{"codeconnections:UseConnection"},
				Resources: []string{"arn:${Partition}:codeconnections:${ConnectionArn.Region}:${ConnectionArn.Account}:connection/${ConnectionArn.Name}"},
				Sources:   []string{DocsConnection, IssueConnectionsRename},
				Note: "AWS renamed CodeStar Connections to CodeConnections in 2024. Each prefix is granted on " +
					"the ARN form of its own service, so connections made before and after the rename both work.",
			},
			{
				Sid:       "CodeStarConnectionsUse",
				Actions:   []string{"codestar-connections:UseConnection"},
				Resources: []string{"arn:${Partition}:codestar-connections:${ConnectionArn.Region}:${ConnectionArn.Account}:connection/${ConnectionArn.Name}"},
				Sources:   []string{SeedDocument, IssueConnectionsRename},
			},
		},
		Companions: []Companion{{
			Only: &Option{Key: "OutputArtifactFormat", Values: []string{"CODEBUILD_CLONE_REF"}, Default: "CODE_ZIP"},
			Detail: "With the full clone output format, CodeBuild clones the repository itself: the CodeBuild " +
				"project's service role needs codeconnections:UseConnection and codestar-connections:UseConnection " +
				"on this connection.",
			Source: DocsConnection,
		}},
	},
	{
		Category: "Source", Owner: OwnerThirdParty, Provider: "GitHub",
		DocsURL: DocsGitHubV1,
		Note: "GitHub (version 1) authenticates with an OAuth token in the action configuration; " +
			"the service role needs nothing for it.",
	},
}
