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
	"role_arn": tftypes.String, "sid": tftypes.String, "iam_actions": stringList, "resources": stringList, "reason": tftypes.String,
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
		"unscoped": schema.ListNestedAttribute{
			MarkdownDescription: "Every statement, or part of one, that is wider than it would be with more input, " +
				"and the input that would narrow it. Empty when the configuration scopes everything it can; then no " +
				"scope warning is shown either. Statements that IAM or the pipeline definition cannot narrow (listed " +
				"in the tables below) are never here.",
			Computed: true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"role_arn": computedString("The action role whose policy (in `action_role_policies`) holds the " +
					"statement; null for the service role's policy."),
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
	rolePolicies := map[string]string{}
	for role, doc := range result.RolePolicies {
		rolePolicies[role] = doc.JSON()
	}
	resp.State.Raw = newState(req.Config.Raw, config, map[string]tftypes.Value{
		policy.AttrPartition:   stringValue(cmp.Or(request.Partition, policy.DefaultPartition)),
		"json":                 stringValue(result.Rendered.JSON),
		"minified_json":        stringValue(result.Rendered.Minified),
		"iam_actions":          stringListValue(result.Document.Actions()),
		"policy_size":          numberValue(result.Rendered.Size),
		"policy_documents":     stringListValue(documents),
		"action_role_policies": stringMapValue(rolePolicies),
		"unscoped":             unscopedValue(result.Unscoped),
	})
}

func unscopedValue(list []policy.Unscoped) tftypes.Value {
	objects := make([]map[string]tftypes.Value, len(list))
	for i, u := range list {
		role := nullString()
		if u.RoleARN != "" {
			role = stringValue(u.RoleARN)
		}
		objects[i] = map[string]tftypes.Value{
			"role_arn": role, "sid": stringValue(u.Sid), "iam_actions": stringListValue(u.Actions),
			"resources": stringListValue(u.Resources), "reason": stringValue(u.Reason),
		}
	}
	return objectListValue(unscopedType, objects)
}
