package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// NewActionTypesDataSource returns the codepipeline_action_types data source.
func NewActionTypesDataSource() datasource.DataSource { return &actionTypesDataSource{} }

// actionTypesDataSource exposes the catalog the policies are built from, so
// modules can check their inputs against it and reviewers can see what each
// action type may be granted.
type actionTypesDataSource struct{}

type actionTypesModel struct {
	Category    types.String      `tfsdk:"category"`
	Provider    types.String      `tfsdk:"action_provider"`
	ActionTypes []actionTypeModel `tfsdk:"action_types"`
}

// actionTypeModel uses Go slices: a nil slice is a null list, which tells an
// action type whose configuration keys are not documented from one with none.
type actionTypeModel struct {
	Category             types.String `tfsdk:"category"`
	Owner                types.String `tfsdk:"owner"`
	Provider             types.String `tfsdk:"provider"`
	Key                  types.String `tfsdk:"key"`
	SupportDate          types.String `tfsdk:"support_date"`
	DocsURL              types.String `tfsdk:"docs_url"`
	Note                 types.String `tfsdk:"note"`
	Deprecation          types.String `tfsdk:"deprecation"`
	ConfigurationKeys    []string     `tfsdk:"configuration_keys"`
	AllConfigurationKeys []string     `tfsdk:"all_configuration_keys"`
	IAMActions           []string     `tfsdk:"iam_actions"`
}

func (d *actionTypesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_action_types"
}

func (d *actionTypesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computedString := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	computedList := func(description string) schema.ListAttribute {
		return schema.ListAttribute{MarkdownDescription: description, ElementType: types.StringType, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the CodePipeline action types and stage-condition rule types this provider knows, with their documented " +
			"configuration keys and every IAM action `codepipeline_service_role_policy` may grant for them. " +
			"Module authors can check their inputs against it (for example that a provider name is valid before " +
			"passing it on); reviewers can see the most a pipeline action can be granted. The list comes from the " +
			"provider's built-in catalog: no AWS calls.",
		Attributes: map[string]schema.Attribute{
			"category": schema.StringAttribute{
				MarkdownDescription: "Only list types of this category: `Source`, `Build`, `Test`, `Deploy`, " +
					"`Approval`, `Invoke`, `Compute`, or `Rule` for the rule types of stage conditions (case-sensitive).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(append(slices.Clone(catalog.Categories), catalog.RuleCategory)...)},
			},
			// Terraform reserves "provider" as a root attribute name (the meta-argument).
			"action_provider": schema.StringAttribute{
				MarkdownDescription: "Only list action types with exactly this provider name, such as `CodeBuild` " +
					"(case-sensitive). A name no action type has gives an empty `action_types`, not an error, so " +
					"a module can test `length(...) > 0` in its own validation.",
				Optional: true,
			},
			"action_types": schema.ListNestedAttribute{
				MarkdownDescription: "The matching types, ordered by category (in pipeline order, rule types last) then provider.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"category": computedString("The action category, as in `aws_codepipeline`'s `action.category`."),
					"owner":    computedString("The owner CodePipeline documents for the action type: `AWS` or `ThirdParty`."),
					"provider": computedString("The action provider, as in `aws_codepipeline`'s `action.provider`."),
					"key": computedString("`Category/Provider`, such as `Deploy/S3`: the form `action_providers` accepts " +
						"to pick one category of a provider name used in several."),
					"support_date": computedString("When CodePipeline added the action type, from the AWS support " +
						"table; null when the table has no entry."),
					"docs_url": computedString("The AWS action reference page, where the configuration keys and " +
						"service role permissions are documented."),
					"note": computedString("Why the action type grants nothing, or what its grants leave out; " +
						"null when there is nothing to add."),
					"deprecation": computedString("Why AWS no longer recommends the action type, and what to use " +
						"instead; null for current types. A pipeline that uses a deprecated type draws a warning."),
					"configuration_keys": computedList("The documented configuration keys whose values name " +
						"resources (`ProjectName`, `ConnectionArn`, ...): setting them in `pipeline_actions` scopes " +
						"the policy. Null when the action type's keys are not documented."),
					"all_configuration_keys": computedList("Every documented configuration key, including settings " +
						"that name no resource. Other keys in `pipeline_actions` draw a warning. Null when the " +
						"action type's keys are not documented."),
					"iam_actions": computedList("Every IAM action the service role policy may grant for the action " +
						"type, sorted: the most it gets, whatever its configuration. Empty when it needs nothing " +
						"from the service role."),
				}},
			},
		},
	}
}

func (d *actionTypesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data actionTypesModel
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("category"), &data.Category)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("action_provider"), &data.Provider)...)
	if resp.Diagnostics.HasError() {
		return
	}
	data.ActionTypes = []actionTypeModel{} // an empty list, not null, when nothing matches
	for _, at := range slices.Concat(catalog.All(), catalog.Rules()) {
		if !matches(data.Category, at.Category) || !matches(data.Provider, at.Provider) {
			continue
		}
		data.ActionTypes = append(data.ActionTypes, newActionTypeModel(at))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

// matches treats an unset filter as matching everything.
func matches(filter types.String, value string) bool {
	return filter.IsNull() || filter.ValueString() == value
}

func newActionTypeModel(at catalog.ActionType) actionTypeModel {
	m := actionTypeModel{
		Category:    types.StringValue(at.Category),
		Owner:       types.StringValue(at.Owner),
		Provider:    types.StringValue(at.Provider),
		Key:         types.StringValue(at.Key()),
		SupportDate: optionalString(at.SupportDate),
		DocsURL:     optionalString(at.DocsURL),
		Note:        optionalString(at.Note),
		Deprecation: optionalString(at.Deprecation),
		IAMActions:  []string{},
	}
	if at.ConfigKeys != nil {
		m.ConfigurationKeys, m.AllConfigurationKeys = []string{}, []string{}
		for _, k := range at.ConfigKeys {
			m.AllConfigurationKeys = append(m.AllConfigurationKeys, k.Name)
			if k.Kind != catalog.Setting {
				m.ConfigurationKeys = append(m.ConfigurationKeys, k.Name)
			}
		}
	}
	for _, s := range at.Statements {
		m.IAMActions = append(m.IAMActions, s.Actions...)
	}
	slices.Sort(m.IAMActions)
	m.IAMActions = slices.Compact(m.IAMActions)
	return m
}

func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
