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
)

// DefaultPartition is used when a request names no partition.
const DefaultPartition = "aws"

// Request is everything a policy is built from.
type Request struct {
	// ActionProviders are provider names ("CodeBuild") or Category/Provider pairs ("Deploy/S3").
	ActionProviders []string
	ArtifactStores  []ArtifactStore
	// Partition, Region and AccountID fill ARNs; an empty Region or AccountID becomes "*".
	Partition string
	Region    string
	AccountID string
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
