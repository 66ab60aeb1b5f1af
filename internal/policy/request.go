package policy

// DefaultPartition is used when a request names no partition.
const DefaultPartition = "aws"

// Request is everything a policy is built from.
type Request struct {
	// ActionProviders are provider names ("CodeBuild") or Category/Provider pairs ("Deploy/S3").
	ActionProviders []string
	ArtifactStores  []ArtifactStore
	// PipelineActions are the pipeline's actions with their configuration.
	PipelineActions []PipelineAction
	// PipelineRules are the rules of the stages' conditions (V2 pipelines).
	PipelineRules []PipelineRule
	// Definition describes the pipeline instead, as JSON: get-pipeline
	// output, a create-pipeline input or a CloudFormation resource.
	Definition string
	// Stages describes the pipeline instead, as aws_codepipeline's stage
	// blocks: a generic JSON-like value (see ReadStages).
	Stages any
	// Partition, Region and AccountID fill ARNs; an empty Region or AccountID becomes "*".
	Partition string
	Region    string
	AccountID string
	// PipelineName names the pipeline's own log groups and its ARN.
	PipelineName string
	// PassRoleARNs are the roles deploy actions hand to services (ECS task and
	// execution roles, for example) that the pipeline definition does not name.
	PassRoleARNs []string
	// SecretKeyARNs are the customer managed KMS keys that encrypt the
	// secrets of Commands actions' SECRETS_MANAGER environment variables.
	SecretKeyARNs []string
	// ServiceRoleARN is the role the policy is for; the trust policies of
	// action roles let it, and only it, assume them.
	ServiceRoleARN string
	// TrustSourceConditions adds aws:SourceAccount and aws:SourceArn
	// conditions to the service role's trust policy.
	TrustSourceConditions bool
	// SplitForManagedPolicies asks for the policy as several documents that
	// each fit a managed policy, for roles whose policy is too large to inline.
	SplitForManagedPolicies bool
	// UseAWSManagedPolicies lets an AWS managed policy stand in for the
	// statements it allows, where the catalog names one (Elastic Beanstalk):
	// the policy is smaller, and Result.ManagedPolicyARNs lists what to attach.
	UseAWSManagedPolicies bool
	// Unknown lists the inputs whose values are not known yet (when Terraform
	// validates a configuration before apply). Checks skip them and every
	// check that depends on them; Build must not be given any.
	Unknown []Path
}

// PipelineAction is one action of the pipeline, as in aws_codepipeline's stage.action.
type PipelineAction struct {
	Name                 string // used in messages only
	Category             string
	Owner                string // defaults to "AWS"
	Provider             string
	Configuration        map[string]string
	EnvironmentVariables []EnvironmentVariable
	Region               string // for cross-region actions
	RoleARN              string // the action's own role, assumed by the service role
}

// PipelineRule is one rule of a stage condition, as in aws_codepipeline's
// before_entry, on_success and on_failure blocks: condition.rule.
type PipelineRule struct {
	Name          string
	Provider      string
	Owner         string // defaults to "AWS"
	Version       string // defaults to "1"
	Configuration map[string]string
	Commands      []string
	Region        string
	RoleARN       string
}

// EnvironmentVariable is one of an action's environment variables, as in the
// CodePipeline API's ActionDeclaration.
type EnvironmentVariable struct {
	Name  string
	Value string
	Type  string // PLAINTEXT (default) or SECRETS_MANAGER
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
