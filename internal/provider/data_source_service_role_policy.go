package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// built is a policy and the request it was built from.
type built struct {
	req    policy.Request
	result policy.Result
}

// policySpec is the codepipeline_service_role_policy data source.
func policySpec() *dataSourceSpec[policy.Request, built] { return policySpecOnce.get(newPolicySpec) }

var policySpecOnce once[*dataSourceSpec[policy.Request, built]]

func newPolicySpec() *dataSourceSpec[policy.Request, built] {
	return newSpec(dataSourceSpec[policy.Request, built]{
		typeName: "_service_role_policy",
		description: "Builds the IAM policy a CodePipeline service role needs for the actions and stage-condition " +
			"rules its pipeline uses, ready for `aws_iam_role_policy`. The policy is computed at plan time from a " +
			"built-in permission catalog: no AWS calls, the same JSON for the same inputs whatever their order. Every " +
			"statement grants exact IAM actions (never `service:*`), `iam:PassRole` is always limited by " +
			"`iam:PassedToService`, and `\"*\"` is only used where IAM cannot limit an action to a resource or the " +
			"pipeline definition does not name it (listed below with the reasons).",
		inputs:   pipelineInputs(),
		outputs:  policyOutputs(),
		unknown:  func(r *policy.Request, paths []policy.Path) { r.Unknown = paths },
		validate: policy.Validate,
		run: func(r policy.Request) (built, []policy.Problem) {
			result := policy.Build(r)
			return built{r, result}, result.Problems
		},
	})
}

// NewServiceRolePolicyDataSource returns the codepipeline_service_role_policy data source.
func NewServiceRolePolicyDataSource() datasource.DataSource {
	return dataSource[policy.Request, built]{spec: policySpec()}
}

func policyOutputs() []output[built] {
	document := func(name string, field policy.Field, description string, doc func(b *built) *policy.Document) output[built] {
		return output[built]{name: name, field: field, schema: computedString(description), write: func(b *built) tftypes.Value {
			if d := doc(b); d != nil {
				return stringValue(d.JSON())
			}
			return nullString()
		}}
	}
	documents := func(name string, field policy.Field, description string, docs func(b *built) map[string]policy.Document) output[built] {
		return output[built]{name: name, field: field, schema: computedStringMap(description), write: func(b *built) tftypes.Value {
			out := map[string]string{}
			for key, doc := range docs(b) {
				out[key] = doc.JSON()
			}
			return stringMapValue(out)
		}}
	}
	return []output[built]{
		{name: "json", field: policy.FieldDocument, schema: computedString("The policy document, indented with two spaces. Statements are " +
			"sorted by `Sid`; actions and resources are sorted lists."),
			write: func(b *built) tftypes.Value { return stringValue(b.result.Rendered.JSON) }},
		{name: "minified_json", schema: computedString("The same policy document without whitespace."),
			write: func(b *built) tftypes.Value { return stringValue(b.result.Rendered.Minified) }},
		{name: "iam_actions", schema: computedStringList("Every IAM action the policy grants, sorted, for review and for checks in `terraform test`."),
			write: func(b *built) tftypes.Value { return stringListValue(b.result.Document.Actions()) }},
		{name: "policy_size", schema: schema.Int64Attribute{
			MarkdownDescription: "The policy's size as IAM counts it against its quotas: characters without " +
				"whitespace. Over 6,144 it cannot be a managed policy (a warning says so); over 10,240 it cannot " +
				"be attached inline to a role at all, and reading the data source fails.",
			Computed: true,
		}, write: func(b *built) tftypes.Value { return numberValue(b.result.Rendered.Size) }},
		{name: "policy_documents", field: policy.FieldDocuments, schema: computedStringList("The policy as a list of JSON documents: with " +
			"`split_for_managed_policies`, parts of at most 6,144 characters each (every statement in exactly one part); otherwise the one " +
			"document of `json`."), write: func(b *built) tftypes.Value {
			if len(b.result.Documents) < 2 {
				return stringListValue([]string{b.result.Rendered.JSON})
			}
			var parts []string
			for _, doc := range b.result.Documents {
				parts = append(parts, doc.JSON())
			}
			return stringListValue(parts)
		}},
		documents("action_role_policies", policy.FieldRolePolicies, "For each `role_arn` of `pipeline_actions` and `pipeline_rules`, "+
			"the policy that role needs for its actions (including the artifact stores), as JSON. Attach each to its role, for "+
			"example in the other account of a cross-account deploy. Empty when no action declares a role.",
			func(b *built) map[string]policy.Document { return b.result.RolePolicies }),
		document("trust_policy_json", policy.FieldTrust, "The service role's trust policy: lets `codepipeline.amazonaws.com` "+
			"assume the role, for `aws_iam_role.assume_role_policy`. With `trust_source_conditions`, only for this "+
			"pipeline of this account.", func(b *built) *policy.Document { return &b.result.Roles.Trust }),
		documents("action_role_trust_policies", policy.FieldActionRoleTrust, "For each `role_arn` of `pipeline_actions` and `pipeline_rules`, a trust policy "+
			"that lets the service role, and only it, assume that role, for the role's `assume_role_policy` (in the other "+
			"account for cross-account actions). Empty without `service_role_arn`.",
			func(b *built) map[string]policy.Document { return b.result.Roles.ActionRoleTrust }),
		document("artifact_bucket_policy_json", "", "Statements for the bucket policy of the first artifact store: "+
			"they let each action role of another account do on the bucket exactly what its own policy in "+
			"`action_role_policies` grants it there. Every statement names its principal and the bucket, so it drops "+
			"into `aws_iam_policy_document.source_policy_documents` for an `aws_s3_bucket_policy`. Null when no action "+
			"role is in another account than the pipeline (`account_id`, else the account of `service_role_arn`; when "+
			"neither is set, every action role counts as another account's).", func(b *built) *policy.Document {
			if len(b.req.ArtifactStores) == 0 {
				return nil
			}
			if doc, ok := b.result.Roles.BucketPolicies[b.req.ArtifactStores[0].Location]; ok {
				return &doc
			}
			return nil
		}),
		documents("artifact_bucket_policies", policy.FieldBucketPolicies, "The same statements for every artifact store, by bucket name: cross-region "+
			"pipelines attach one to each region's bucket. Empty when no action role is in another account.",
			func(b *built) map[string]policy.Document { return b.result.Roles.BucketPolicies }),
		document("artifact_key_policy_json", policy.FieldKeyPolicy, "Statements for the key policy of every artifact store's KMS key: the "+
			"service role (`service_role_arn`, else the account root, which lets the role's own policy grant key use) "+
			"and each action role of another account may use the key for what their policies need. `Resource` is "+
			"`\"*\"`, as key policies require: the key they are attached to. Null when no artifact store names a key.",
			func(b *built) *policy.Document { return b.result.Roles.KeyPolicy }),
		document("event_role_policy_json", policy.FieldEventRole, "The policy of the role an EventBridge rule uses to start the "+
			"pipeline when a source changes: `codepipeline:StartPipelineExecution` on this pipeline only. Set when a "+
			"source in `pipeline_actions` uses EventBridge change detection (ECR, and S3 or CodeCommit with "+
			"`PollForSourceChanges = \"false\"`), which needs `pipeline_name`; null otherwise.",
			func(b *built) *policy.Document { return b.result.Roles.EventRole }),
		document("event_role_trust_policy_json", policy.FieldEventRoleTrust, "The trust policy of that role: lets `events.amazonaws.com` "+
			"assume it. Null when `event_role_policy_json` is.", func(b *built) *policy.Document { return b.result.Roles.EventRoleTrust }),
		objectListOut("unscoped", policy.FieldUnscoped, "Every statement, or part of one, that is wider than it would be with more "+
			"input, and the input that would narrow it. Empty when the configuration scopes everything it can; then no "+
			"scope warning is shown either. Statements that IAM or the pipeline definition cannot narrow (listed "+
			"in the tables below) are never here.", func(b *built) []policy.Unscoped { return b.result.Unscoped },
			column[policy.Unscoped]{"policy", computedString("The attribute that holds the statement: `json` (the service role's " +
				"policy), an entry of `action_role_policies` such as `action_role_policies[\"arn:...\"]`, or " +
				"`event_role_policy_json`."), func(u policy.Unscoped) tftypes.Value { return stringValue(policy.Text{u.Policy}.Format(fieldName)) }},
			column[policy.Unscoped]{"sid", computedString("The statement's `Sid`."), func(u policy.Unscoped) tftypes.Value { return stringValue(u.Sid) }},
			column[policy.Unscoped]{"iam_actions", computedStringList("The statement's actions that the reason widens."),
				func(u policy.Unscoped) tftypes.Value { return stringListValue(u.Actions) }},
			column[policy.Unscoped]{"resources", computedStringList("The statement's resources that the reason widens."),
				func(u policy.Unscoped) tftypes.Value { return stringListValue(u.Resources) }},
			column[policy.Unscoped]{"reason", computedString("The input that is missing, such as `region is not set` or " +
				"`pipeline_actions[1].configuration[\"ProjectName\"] is resolved at run time (#{Build.Project})`."),
				func(u policy.Unscoped) tftypes.Value { return stringValue(u.Reason.Format(fieldName)) }},
		),
		{name: "managed_policy_arns", field: policy.FieldManagedPolicyARNs, schema: computedStringList("With " +
			"`use_aws_managed_policies`, the ARNs of the AWS managed policies to attach to the service role (with " +
			"`aws_iam_role_policy_attachment`) in place of the statements they replace; empty otherwise."),
			write: func(b *built) tftypes.Value { return stringListValue(b.result.ManagedPolicyARNs) }},
		statementsOutput(),
		objectListOut("advice", policy.FieldAdvice, "What holds on every plan of this configuration, so it is not a warning: grants "+
			"another role needs (a CloudFormation stack's own role, CodeBuild's role for a full clone), and keys an input could "+
			"name (`secret_kms_key_arns`). Read it once when setting the pipeline up; it changes only with the configuration.",
			func(b *built) []policy.Problem { return b.result.Advice },
			column[policy.Problem]{"code", computedString("A stable identifier of the kind of advice, such as `companion`."),
				func(p policy.Problem) tftypes.Value { return stringValue(string(p.Code)) }},
			column[policy.Problem]{"attribute", computedString("The input it is about, such as `pipeline_actions[2].configuration[\"RoleArn\"]`."),
				func(p policy.Problem) tftypes.Value { return stringValue(policy.Text{p.Path}.Format(fieldName)) }},
			column[policy.Problem]{"summary", computedString("One line."), func(p policy.Problem) tftypes.Value { return stringValue(p.Summary) }},
			column[policy.Problem]{"detail", computedString("What to do, naming the action or rule."),
				func(p policy.Problem) tftypes.Value { return stringValue(p.Detail.Format(fieldName)) }},
		),
	}
}
