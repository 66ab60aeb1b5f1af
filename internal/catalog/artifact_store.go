package catalog

// artifactStoreStatements apply to every pipeline, whatever its actions: the
// pipeline reads and writes its artifacts in each artifact store bucket.
var artifactStoreStatements = []Statement{
	{
		Sid:       "ArtifactBucketAccess",
		Actions:   []string{"s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketVersioning"},
		Resources: []string{"arn:${Partition}:s3:::${ArtifactBucket}"},
		Condition: inOwnAccount,
		Sources:   []string{DocsServiceRole},
	},
	{
		Sid: "ArtifactObjectAccess",
		Actions: []string{
			"s3:GetObject", "s3:GetObjectTagging", "s3:GetObjectVersion", "s3:GetObjectVersionTagging",
			"s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectTagging",
		},
		Resources: []string{"arn:${Partition}:s3:::${ArtifactBucket}/*"},
		Condition: inOwnAccount,
		Sources:   []string{DocsServiceRole},
	},
	{
		Sid: "ArtifactKeyUse",
		Actions: []string{
			"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
			"kms:ReEncryptFrom", "kms:ReEncryptTo",
		},
		Resources: []string{"${ArtifactKeyArn}"},
		Sources:   []string{DocsCrossAccount, IssueArtifactKeyWrite},
		Note: "Only rendered for stores that name an encryption key. The documented " +
			"GenerateDataKey* and ReEncrypt* are spelled out as the actions S3 and " +
			"cross-region replication call, so the policy holds no action wildcards.",
	},
}

// actionRoleStatements let the pipeline hand an action to the role the action
// declares; that role, not the service role, then needs the action's grants.
var actionRoleStatements = []Statement{
	{
		Sid:       "AssumeActionRoles",
		Actions:   []string{"sts:AssumeRole"},
		Resources: []string{"${ActionRoleArn}"},
		Sources:   []string{DocsCrossAccount},
	},
}

// artifactStoreOmitted are the AWS CDK's artifact store grants that the
// pipeline does not need.
var artifactStoreOmitted = []Omission{
	{Actions: []string{"s3:GetObject*", "s3:GetBucket*"}, Source: CDKPipeline,
		Why: "AWS's service-role policy lists the exact reads: GetObject, GetObjectVersion, their tagging reads and three bucket reads."},
	{Actions: []string{"s3:List*"}, Source: CDKPipeline, Why: "CodePipeline reads artifacts by key and never lists the bucket."},
	{Actions: []string{"s3:DeleteObject*"}, Source: CDKPipeline, Why: "CodePipeline never deletes artifacts; lifecycle rules expire them."},
	{Actions: []string{"s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectVersionTagging"}, Source: CDKPipeline,
		Why: "CodePipeline sends no Object Lock settings and tags no object version."},
	{Actions: []string{"s3:Abort*"}, Source: CDKPipeline,
		Why: "Only cleans up the parts of a failed multipart upload; a lifecycle rule does that."},
	{Actions: []string{"kms:GenerateDataKey*", "kms:ReEncrypt*"}, Source: CDKPipeline,
		Why: "Spelled out as the calls S3 and cross-region replication make: GenerateDataKey, ReEncryptFrom and ReEncryptTo."},
}
