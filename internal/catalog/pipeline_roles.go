package catalog

// The documents a pipeline needs besides its service role's policy: the
// roles' trust policies, the artifact store's bucket and key policies for
// action roles of other accounts, and the role EventBridge uses to start the
// pipeline when a source changes.

// Service principals that assume the pipeline's roles.
const (
	CodePipelineService = "codepipeline.amazonaws.com"
	EventsService       = "events.amazonaws.com"
)

// Pages that document the other documents.
const (
	DocsServiceRoleTrust = docsBase + "pipelines-create-service-role-cli.html"
	DocsChangeDetection  = docsBase + "change-detection-methods.html"
	DocsEventRoleECR     = docsBase + "create-cwe-ecr-source-cli.html"
	DocsEventRoleS3      = docsBase + "create-S3-source-events-cli.html"
	DocsEventRoleCommit  = docsBase + "pipelines-trigger-source-repo-changes-cli.html"
)

// EventRoleStatements are what the role of the EventBridge rule that starts
// the pipeline needs: to start this pipeline, and nothing else.
func EventRoleStatements() []Statement { return eventRoleStatements }

var eventRoleStatements = []Statement{{
	Sid:       "StartPipelineOnSourceChange",
	Actions:   []string{"codepipeline:StartPipelineExecution"},
	Resources: []string{"arn:${Partition}:codepipeline:${Region}:${Account}:${ThisPipelineName}"},
	Sources:   []string{DocsEventRoleECR, DocsEventRoleS3, DocsEventRoleCommit},
}}

// ChangeDetection says when a source action starts its pipeline through an
// EventBridge rule rather than by polling: ECR always; S3 and CodeCommit when
// PollForSourceChanges is "false" (left out, CodePipeline polls).
var ChangeDetection = map[string]*Option{
	"Source/ECR":        nil,
	"Source/S3":         {Key: "PollForSourceChanges", Values: []string{"false"}, Default: "true"},
	"Source/CodeCommit": {Key: "PollForSourceChanges", Values: []string{"false"}, Default: "true"},
}

// BeyondReference names the grants of an action on another service's ARNs
// that an AWS page requires although the service reference lists only its
// own: "action service-of-the-ARN" with the page's reason.
var BeyondReference = map[string]string{
	"codeconnections:UseConnection codestar-connections": "the CodestarConnectionSource page requires both actions on the connection's ARN whatever its prefix",
	"codestar-connections:UseConnection codeconnections": "the CodestarConnectionSource page requires both actions on the connection's ARN whatever its prefix",
}

// Why the documents other than the role policies hold their statements: the
// builder writes those statements itself, and cites these.
var (
	ServiceRoleTrustWhy = Statement{Sources: []string{DocsServiceRoleTrust}}
	ActionRoleTrustWhy  = Statement{Sources: []string{DocsCrossAccount},
		Note: "Only the pipeline's service role may assume the action role."}
	BucketPolicyWhy = Statement{Sources: []string{DocsCrossAccount},
		Note: "Each action role of another account may do on the bucket exactly what its own policy grants it there."}
	KeyPolicyWhy = Statement{Sources: []string{DocsCrossAccount},
		Note: "Key policy statements name no key: \"*\" is the key they are attached to."}
	EventRoleTrustWhy = Statement{Sources: []string{DocsEventRoleECR, DocsEventRoleS3, DocsEventRoleCommit}}
)
