package catalog

var s3SourceObjectActions = []string{"s3:GetObject", "s3:GetObjectTagging", "s3:GetObjectVersion", "s3:GetObjectVersionTagging"}

var sourceActions = []ActionType{
	{
		Category: "Source", Owner: OwnerAWS, Provider: "S3",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-S3.html",
		SupportDate: "Initial service launch",
		Note: "A source bucket encrypted with a customer managed KMS key also needs kms:Decrypt on that key; the " +
			"key is not part of the pipeline definition, so add it yourself.",
		Omitted: []Omission{
			{Actions: []string{"s3:GetObject*", "s3:GetBucket*", "s3:List*"}, Source: CDKS3Source,
				Why: "The page lists the exact calls: GetObject, GetObjectVersion and their tagging reads, and the three bucket reads."},
			{Actions: []string{"kms:Decrypt", "kms:DescribeKey"}, Source: CDKS3Source,
				Why: "Only for a source bucket under a customer managed key, which the pipeline definition does not name (see the note)."},
		},
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
				Actions:   s3SourceObjectActions,
				Resources: []string{"arn:${Partition}:s3:::${S3Bucket}/${S3ObjectKey}"},
				Condition: inOwnAccount,
				Only:      &Option{Key: "AllowOverrideForS3ObjectKey", Values: []string{"false"}, Default: "false"},
				Sources:   []string{DocsS3Source},
				Note:      "Narrowed from the page's bucket/* to the configured key: without AllowOverrideForS3ObjectKey a run reads only that key.",
			},
			{
				Sid:       "S3SourceObjectRead",
				Actions:   s3SourceObjectActions,
				Resources: []string{"arn:${Partition}:s3:::${S3Bucket}/*"},
				Condition: inOwnAccount,
				Only:      &Option{Key: "AllowOverrideForS3ObjectKey", Values: []string{"true"}, Default: "false"},
				Sources:   []string{DocsS3Source},
				Note:      "With AllowOverrideForS3ObjectKey = true a run may fetch any key of the bucket that StartPipelineExecution names.",
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
		Omitted: []Omission{{Actions: []string{"s3:PutObjectVersionAcl"}, Source: CDKCodeCommitSource,
			Why: "No AWS page lists it for the artifact bucket, and s3:PutObjectAcl is already granted there."}},
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
		Statements: []Statement{{
			Sid:     "CodeConnectionsUse",
			Actions: []string{"codeconnections:UseConnection", "codestar-connections:UseConnection"},
			Resources: []string{
				"arn:${Partition}:codeconnections:${ConnectionArn.Region}:${ConnectionArn.Account}:connection/${ConnectionArn.Name}",
				"arn:${Partition}:codestar-connections:${ConnectionArn.Region}:${ConnectionArn.Account}:connection/${ConnectionArn.Name}",
			},
			Sources: []string{DocsConnection, SeedDocument, IssueConnectionsRename},
			Note: "AWS renamed CodeStar Connections to CodeConnections in 2024. The page requires both actions " +
				"whichever prefix the connection's ARN carries, so both are granted on the ARN as given and on its " +
				"other-prefix form.",
		}},
		Omitted: []Omission{{Actions: []string{"s3:PutObjectVersionAcl"}, Source: CDKConnectionSource,
			Why: "No AWS page lists it for the artifact bucket, and s3:PutObjectAcl is already granted there."}},
		Companions: []Companion{{
			Only: &Option{Key: "OutputArtifactFormat", Values: []string{"CODEBUILD_CLONE_REF"}, Default: "CODE_ZIP"},
			Detail: "With the full clone output format, CodeBuild clones the repository itself: the CodeBuild " +
				"project's service role needs codeconnections:UseConnection and codestar-connections:UseConnection " +
				"on this connection's ARN, in both its codeconnections and codestar-connections forms.",
			Source: DocsConnection,
		}},
	},
	{
		Category: "Source", Owner: OwnerThirdParty, Provider: "GitHub",
		DocsURL: DocsGitHubV1,
		Note: "GitHub (version 1) authenticates with an OAuth token in the action configuration; " +
			"the service role needs nothing for it.",
		Deprecation: "AWS no longer recommends the GitHub (via OAuth app) action; existing pipelines keep " +
			"working. Use a CodeStarSourceConnection source with a GitHub connection instead (" + DocsGitHubV1 + ").",
	},
}
