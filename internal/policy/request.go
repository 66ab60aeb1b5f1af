package policy

// Attribute names used in problem paths; they match the data source schema.
const (
	AttrActionProviders = "action_providers"
	AttrArtifactStores  = "artifact_stores"
	AttrLocation        = "location"
	AttrEncryptionKeyID = "encryption_key_id"
	AttrRegion          = "region"
	AttrPartition       = "partition"
	AttrAccountID       = "account_id"
	AttrPipelineName    = "pipeline_name"
	AttrPassRoleARNs    = "pass_role_arns"
	AttrPipelineActions = "pipeline_actions"
	AttrCategory        = "category"
	AttrOwner           = "owner"
	AttrProvider        = "provider"
	AttrConfiguration   = "configuration"
	AttrRoleARN         = "role_arn"
	AttrSplit           = "split_for_managed_policies"
)

// DefaultPartition is used when a request names no partition.
const DefaultPartition = "aws"

// Request is everything a policy is built from.
type Request struct {
	// ActionProviders are provider names ("CodeBuild") or Category/Provider pairs ("Deploy/S3").
	ActionProviders []string
	ArtifactStores  []ArtifactStore
	// PipelineActions are the pipeline's actions with their configuration.
	PipelineActions []PipelineAction
	// Partition, Region and AccountID fill ARNs; an empty Region or AccountID becomes "*".
	Partition string
	Region    string
	AccountID string
	// PipelineName names the pipeline's own log groups.
	PipelineName string
	// PassRoleARNs are the roles deploy actions hand to services (ECS task and
	// execution roles, for example) that the pipeline definition does not name.
	PassRoleARNs []string
	// SplitForManagedPolicies asks for the policy as several documents that
	// each fit a managed policy, for roles whose policy is too large to inline.
	SplitForManagedPolicies bool
}

// PipelineAction is one action of the pipeline, as in aws_codepipeline's stage.action.
type PipelineAction struct {
	Name          string // used in messages only
	Category      string
	Owner         string // defaults to "AWS"
	Provider      string
	Configuration map[string]string
	Region        string // for cross-region actions
	RoleARN       string // the action's own role, assumed by the service role
}

// ArtifactStore is one of the pipeline's artifact stores, as in aws_codepipeline.
type ArtifactStore struct {
	Location        string // bucket name
	EncryptionKeyID string // KMS key ARN, optional
	Region          string // optional; set for cross-region pipelines
}

func (r Request) partition() string {
	if r.Partition == "" {
		return DefaultPartition
	}
	return r.Partition
}
