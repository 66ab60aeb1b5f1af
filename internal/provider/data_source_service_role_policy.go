package provider

import (
	"cmp"
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

var _ datasource.DataSourceWithValidateConfig = (*serviceRolePolicyDataSource)(nil)

// NewServiceRolePolicyDataSource returns the codepipeline_service_role_policy data source.
func NewServiceRolePolicyDataSource() datasource.DataSource { return &serviceRolePolicyDataSource{} }

type serviceRolePolicyDataSource struct{}

func (d *serviceRolePolicyDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_role_policy"
}

// unscopedType is the object type of the unscoped attribute's elements.
var unscopedType = map[string]tftypes.Type{
	"policy": tftypes.String, "sid": tftypes.String, "iam_actions": stringList, "resources": stringList, "reason": tftypes.String,
}

func (d *serviceRolePolicyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computedString := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	attrs := pipelineInputs()
	maps.Copy(attrs, map[string]schema.Attribute{
		"json": computedString("The policy document, indented with two spaces. Statements are sorted by `Sid`; " +
			"actions and resources are sorted lists."),
		"minified_json": computedString("The same policy document without whitespace."),
		"iam_actions": schema.ListAttribute{
			MarkdownDescription: "Every IAM action the policy grants, sorted, for review and for checks in `terraform test`.",
			ElementType:         types.StringType,
			Computed:            true,
		},
		"policy_size": schema.Int64Attribute{
			MarkdownDescription: "The policy's size as IAM counts it against its quotas: characters without " +
				"whitespace. Over 6,144 it cannot be a managed policy (a warning says so); over 10,240 it cannot " +
				"be attached inline to a role at all, and reading the data source fails.",
			Computed: true,
		},
		"policy_documents": schema.ListAttribute{
			MarkdownDescription: "The policy as a list of JSON documents: with `split_for_managed_policies`, " +
				"parts of at most 6,144 characters each (every statement in exactly one part); otherwise the one " +
				"document of `json`.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"action_role_policies": schema.MapAttribute{
			MarkdownDescription: "For each `role_arn` of `pipeline_actions` and `pipeline_rules`, the policy that " +
				"role needs for its actions (including the artifact stores), as JSON. Attach each to its role, for " +
				"example in the other account of a cross-account deploy. Empty when no action declares a role.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"trust_policy_json": computedString("The service role's trust policy: lets `codepipeline.amazonaws.com` " +
			"assume the role, for `aws_iam_role.assume_role_policy`. With `trust_source_conditions`, only for this " +
			"pipeline of this account."),
		"action_role_trust_policies": schema.MapAttribute{
			MarkdownDescription: "For each `role_arn` of `pipeline_actions` and `pipeline_rules`, a trust policy that " +
				"lets the service role, and only it, assume that role, for the role's `assume_role_policy` (in the other " +
				"account for cross-account actions). Empty without `service_role_arn`.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"artifact_bucket_policy_json": computedString("Statements for the bucket policy of the first artifact store: " +
			"they let each action role of another account do on the bucket exactly what its own policy in " +
			"`action_role_policies` grants it there. Every statement names its principal and the bucket, so it drops " +
			"into `aws_iam_policy_document.source_policy_documents` for an `aws_s3_bucket_policy`. Null when no action " +
			"role is in another account than the pipeline (`account_id`, else the account of `service_role_arn`; when " +
			"neither is set, every action role counts as another account's)."),
		"artifact_bucket_policies": schema.MapAttribute{
			MarkdownDescription: "The same statements for every artifact store, by bucket name: cross-region pipelines " +
				"attach one to each region's bucket. Empty when no action role is in another account.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"artifact_key_policy_json": computedString("Statements for the key policy of every artifact store's KMS key: the " +
			"service role (`service_role_arn`, else the account root, which lets the role's own policy grant key use) " +
			"and each action role of another account may use the key for what their policies need. `Resource` is " +
			"`\"*\"`, as key policies require: the key they are attached to. Null when no artifact store names a key."),
		"event_role_policy_json": computedString("The policy of the role an EventBridge rule uses to start the " +
			"pipeline when a source changes: `codepipeline:StartPipelineExecution` on this pipeline only. Set when a " +
			"source in `pipeline_actions` uses EventBridge change detection (ECR, and S3 or CodeCommit with " +
			"`PollForSourceChanges = \"false\"`), which needs `pipeline_name`; null otherwise."),
		"event_role_trust_policy_json": computedString("The trust policy of that role: lets `events.amazonaws.com` " +
			"assume it. Null when `event_role_policy_json` is."),
		"unscoped": schema.ListNestedAttribute{
			MarkdownDescription: "Every statement, or part of one, that is wider than it would be with more input, " +
				"and the input that would narrow it. Empty when the configuration scopes everything it can; then no " +
				"scope warning is shown either. Statements that IAM or the pipeline definition cannot narrow (listed " +
				"in the tables below) are never here.",
			Computed: true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"policy": computedString("The attribute that holds the statement: `json` (the service role's " +
					"policy), an entry of `action_role_policies` such as `action_role_policies[\"arn:...\"]`, or " +
					"`event_role_policy_json`."),
				"sid": computedString("The statement's `Sid`."),
				"iam_actions": schema.ListAttribute{
					MarkdownDescription: "The statement's actions that the reason widens.",
					ElementType:         types.StringType,
					Computed:            true,
				},
				"resources": schema.ListAttribute{
					MarkdownDescription: "The statement's resources that the reason widens.",
					ElementType:         types.StringType,
					Computed:            true,
				},
				"reason": computedString("The input that is missing, such as `region is not set` or " +
					"`pipeline_actions[1].configuration[\"ProjectName\"] is resolved at run time (#{Build.Project})`."),
			}},
		},
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Builds the IAM policy a CodePipeline service role needs for the actions and stage-condition " +
			"rules its pipeline uses, ready for `aws_iam_role_policy`. The policy is computed at plan time from a " +
			"built-in permission catalog: no AWS calls, the same JSON for the same inputs whatever their order. Every " +
			"statement grants exact IAM actions (never `service:*`), `iam:PassRole` is always limited by " +
			"`iam:PassedToService`, and `\"*\"` is only used where IAM cannot limit an action to a resource or the " +
			"pipeline definition does not name it (listed below with the reasons).",
		Attributes: attrs,
	}
}

// ValidateConfig reports the errors of the configuration's known values;
// warnings come once, from Read.
func (d *serviceRolePolicyDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var config map[string]tftypes.Value
	if err := req.Config.Raw.As(&config); err != nil {
		resp.Diagnostics.AddError("Unreadable configuration", err.Error())
		return
	}
	r := reader{}
	appendErrors(&resp.Diagnostics, policy.Validate(r.request(config)))
}

func (d *serviceRolePolicyDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config map[string]tftypes.Value
	if err := req.Config.Raw.As(&config); err != nil {
		resp.Diagnostics.AddError("Unreadable configuration", err.Error())
		return
	}
	r := reader{}
	request := r.request(config)
	result := policy.Build(request)
	appendProblems(&resp.Diagnostics, result.Problems)
	if resp.Diagnostics.HasError() {
		return
	}
	documents := []string{result.Rendered.JSON}
	if len(result.Documents) > 1 {
		documents = documents[:0]
		for _, doc := range result.Documents {
			documents = append(documents, doc.JSON())
		}
	}
	roles := result.Roles
	firstBucket := nullString()
	if len(request.ArtifactStores) > 0 {
		if doc, ok := roles.BucketPolicies[request.ArtifactStores[0].Location]; ok {
			firstBucket = stringValue(doc.JSON())
		}
	}
	resp.State.Raw = newState(req.Config.Raw, config, map[string]tftypes.Value{
		"trust_policy_json":            stringValue(roles.Trust.JSON()),
		"action_role_trust_policies":   stringMapValue(documentsJSON(roles.ActionRoleTrust)),
		"artifact_bucket_policy_json":  firstBucket,
		"artifact_bucket_policies":     stringMapValue(documentsJSON(roles.BucketPolicies)),
		"artifact_key_policy_json":     optionalDocument(roles.KeyPolicy),
		"event_role_policy_json":       optionalDocument(roles.EventRole),
		"event_role_trust_policy_json": optionalDocument(roles.EventRoleTrust),
		policy.AttrPartition:           stringValue(cmp.Or(request.Partition, policy.DefaultPartition)),
		"json":                         stringValue(result.Rendered.JSON),
		"minified_json":                stringValue(result.Rendered.Minified),
		"iam_actions":                  stringListValue(result.Document.Actions()),
		"policy_size":                  numberValue(result.Rendered.Size),
		"policy_documents":             stringListValue(documents),
		"action_role_policies":         stringMapValue(documentsJSON(result.RolePolicies)),
		"unscoped":                     unscopedValue(result.Unscoped),
	})
}

func unscopedValue(list []policy.Unscoped) tftypes.Value {
	objects := make([]map[string]tftypes.Value, len(list))
	for i, u := range list {
		objects[i] = map[string]tftypes.Value{
			"policy": stringValue(u.Policy), "sid": stringValue(u.Sid), "iam_actions": stringListValue(u.Actions),
			"resources": stringListValue(u.Resources), "reason": stringValue(u.Reason),
		}
	}
	return objectListValue(unscopedType, objects)
}

// documentsJSON renders documents by key.
func documentsJSON(docs map[string]policy.Document) map[string]string {
	out := make(map[string]string, len(docs))
	for key, doc := range docs {
		out[key] = doc.JSON()
	}
	return out
}

func optionalDocument(doc *policy.Document) tftypes.Value {
	if doc == nil {
		return nullString()
	}
	return stringValue(doc.JSON())
}
