package provider

import (
	"cmp"
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

var _ datasource.DataSourceWithValidateConfig = (*serviceRoleAuditDataSource)(nil)

// NewServiceRoleAuditDataSource returns the codepipeline_service_role_audit data source.
func NewServiceRoleAuditDataSource() datasource.DataSource { return &serviceRoleAuditDataSource{} }

type serviceRoleAuditDataSource struct{}

func (d *serviceRoleAuditDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_role_audit"
}

// Object types of the computed lists' elements.
var (
	missingType = map[string]tftypes.Type{
		"sid": tftypes.String, "iam_action": tftypes.String, "resource": tftypes.String, "reason": tftypes.String,
	}
	broadType = map[string]tftypes.Type{
		"document_index": tftypes.Number, "statement_index": tftypes.Number, "sid": tftypes.String,
		"kind": tftypes.String, "granted": stringList, "instead": stringList,
	}
)

func (d *serviceRoleAuditDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computedString := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	computedList := func(description string) schema.ListAttribute {
		return schema.ListAttribute{MarkdownDescription: description, ElementType: types.StringType, Computed: true}
	}
	attrs := pipelineInputs()
	maps.Copy(attrs, map[string]schema.Attribute{
		audit.AttrPolicyDocuments: schema.ListAttribute{
			MarkdownDescription: "The JSON policy documents the service role has now, one per policy: inline policies " +
				"(`aws_iam_role_policy.<name>.policy`, `data.aws_iam_role_policy.<name>.policy`) and attached managed " +
				"policies (`data.aws_iam_policy.<name>.policy`). A document that is not a valid identity policy is an " +
				"error on its element. Documents known only after apply (from resources not created yet) make the data " +
				"source read during apply.",
			ElementType: types.StringType,
			Required:    true,
		},
		audit.AttrFailWhenIncomplete: schema.BoolAttribute{
			MarkdownDescription: "Set to `true` to make missing permissions an error instead of a warning, so a plan " +
				"in a CI gate fails while the role lacks what the pipeline needs. Defaults to `false`.",
			Optional: true,
		},
		"complete": schema.BoolAttribute{
			MarkdownDescription: "Whether the documents already allow every call the pipeline needs: every grant of " +
				"the policy `codepipeline_service_role_policy` builds from the same inputs.",
			Computed: true,
		},
		"missing": schema.ListNestedAttribute{
			MarkdownDescription: "Each grant the pipeline needs that the documents do not allow, one per IAM action and " +
				"resource, in the order of `missing_policy_json`. Empty when `complete`.",
			Computed: true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"sid":        computedString("The `Sid` of the statement of `missing_policy_json` that grants it."),
				"iam_action": computedString("The IAM action, such as `codestar-connections:UseConnection`."),
				"resource":   computedString("The resource ARN (or `\"*\"`) it is needed on, as the built policy scopes it."),
				"reason": computedString("What needs it: the pipeline's actions and rules (`action \"Source\" " +
					"(Source/CodeStarSourceConnection)`), or `the artifact stores`; then, where it applies, why the " +
					"documents do not allow it, such as a condition value they leave out or a `Deny` statement (which " +
					"adding `missing_policy_json` does not override)."),
			}},
		},
		"missing_policy_json": computedString("A policy document that grants exactly what `missing` lists, scoped, " +
			"named and conditioned as `codepipeline_service_role_policy` would: attach it to the role (for example " +
			"with another `aws_iam_role_policy`) and the audit is complete, unless a `Deny` statement is in the way. " +
			"Null when `complete`."),
		"broader_than_needed": schema.ListNestedAttribute{
			MarkdownDescription: "For review: the documents' `Allow` statements that grant more than the pipeline needs. " +
				"The role works; these are what least privilege would remove.",
			Computed: true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"document_index":  schema.Int64Attribute{MarkdownDescription: "The index of the document in `policy_documents`.", Computed: true},
				"statement_index": schema.Int64Attribute{MarkdownDescription: "The index of the statement in the document's `Statement` list.", Computed: true},
				"sid":             computedString("The statement's `Sid`; null when it has none."),
				"kind": computedString("What is broad: `actions` (a wildcard action such as `s3:*`, or `NotAction`), " +
					"`resources` (actions granted on `\"*\"` or with `NotResource` that the pipeline needs on less, or " +
					"not at all) or `pass_role` (`iam:PassRole` without an `iam:PassedToService` condition)."),
				"granted": computedList("The statement's entries that are broad, as written: its wildcard actions, the " +
					"actions it grants on `\"*\"`, or those that grant `iam:PassRole`."),
				"instead": computedList("What the built policy grants for those entries, one line per statement of it, " +
					"such as `s3:GetObject, s3:PutObject on arn:aws:s3:::artifacts/* (ArtifactObjectAccess)`. Empty " +
					"when the pipeline needs none of it."),
			}},
		},
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Audits an existing CodePipeline service role at plan time: which calls of the pipeline " +
			"its policies deny today, and exactly what to add. Give it the pipeline as to " +
			"`codepipeline_service_role_policy` and the role's policy documents; it builds the least-privilege policy " +
			"from the same catalog and checks every grant of it with a built-in IAM policy evaluator, without AWS " +
			"calls. Missing grants draw a warning (an error with `fail_when_incomplete`) and come back as " +
			"`missing_policy_json`, a policy to attach. The guide \"Auditing an existing service role\" says exactly " +
			"what `complete` claims.",
		Attributes: attrs,
	}
}

// ValidateConfig reports the errors of the configuration's known values;
// warnings come once, from Read.
func (d *serviceRoleAuditDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var config map[string]tftypes.Value
	if err := req.Config.Raw.As(&config); err != nil {
		resp.Diagnostics.AddError("Unreadable configuration", err.Error())
		return
	}
	appendErrors(&resp.Diagnostics, audit.Validate(auditRequest(config)))
}

func (d *serviceRoleAuditDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config map[string]tftypes.Value
	if err := req.Config.Raw.As(&config); err != nil {
		resp.Diagnostics.AddError("Unreadable configuration", err.Error())
		return
	}
	request := auditRequest(config)
	result := audit.Audit(request)
	appendProblems(&resp.Diagnostics, result.Problems)
	if resp.Diagnostics.HasError() {
		return
	}
	missingPolicy := nullString()
	if result.MissingPolicy != nil {
		missingPolicy = stringValue(result.MissingPolicy.JSON())
	}
	resp.State.Raw = newState(req.Config.Raw, config, map[string]tftypes.Value{
		policy.AttrPartition:  stringValue(cmp.Or(request.Pipeline.Partition, policy.DefaultPartition)),
		"complete":            boolValue(result.Complete),
		"missing":             missingValue(result.Missing),
		"missing_policy_json": missingPolicy,
		"broader_than_needed": broadValue(result.Broader),
	})
}

// auditRequest reads the pipeline inputs as codepipeline_service_role_policy
// does, and the role's documents.
func auditRequest(config map[string]tftypes.Value) audit.Request {
	r := reader{}
	req := audit.Request{Pipeline: r.request(config)}
	req.Documents = r.strings(config[audit.AttrPolicyDocuments], policy.Path{audit.AttrPolicyDocuments})
	req.FailWhenIncomplete = r.bool(config[audit.AttrFailWhenIncomplete], policy.Path{audit.AttrFailWhenIncomplete})
	req.Pipeline.Unknown = r.unknown // with the documents' unknown paths, which Validate skips
	return req
}

func missingValue(list []audit.Missing) tftypes.Value {
	objects := make([]map[string]tftypes.Value, len(list))
	for i, m := range list {
		objects[i] = map[string]tftypes.Value{
			"sid": stringValue(m.Sid), "iam_action": stringValue(m.Action), "resource": stringValue(m.Resource),
			"reason": stringValue(m.Reason),
		}
	}
	return objectListValue(missingType, objects)
}

func broadValue(list []audit.Broad) tftypes.Value {
	objects := make([]map[string]tftypes.Value, len(list))
	for i, b := range list {
		sid := nullString()
		if b.Sid != "" {
			sid = stringValue(b.Sid)
		}
		objects[i] = map[string]tftypes.Value{
			"document_index": numberValue(b.Document), "statement_index": numberValue(b.Statement), "sid": sid,
			"kind": stringValue(b.Kind), "granted": stringListValue(b.Granted), "instead": stringListValue(b.Instead),
		}
	}
	return objectListValue(broadType, objects)
}
