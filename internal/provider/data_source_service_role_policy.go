package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

var _ datasource.DataSourceWithValidateConfig = (*serviceRolePolicyDataSource)(nil)

// NewServiceRolePolicyDataSource returns the codepipeline_service_role_policy data source.
func NewServiceRolePolicyDataSource() datasource.DataSource { return &serviceRolePolicyDataSource{} }

type serviceRolePolicyDataSource struct{}

type serviceRolePolicyModel struct {
	ActionProviders    types.List   `tfsdk:"action_providers"`
	PipelineActions    types.List   `tfsdk:"pipeline_actions"`
	ArtifactStores     types.List   `tfsdk:"artifact_stores"`
	Partition          types.String `tfsdk:"partition"`
	Region             types.String `tfsdk:"region"`
	AccountID          types.String `tfsdk:"account_id"`
	PipelineName       types.String `tfsdk:"pipeline_name"`
	PassRoleARNs       types.List   `tfsdk:"pass_role_arns"`
	Split              types.Bool   `tfsdk:"split_for_managed_policies"`
	PolicyDocuments    types.List   `tfsdk:"policy_documents"`
	JSON               types.String `tfsdk:"json"`
	MinifiedJSON       types.String `tfsdk:"minified_json"`
	IAMActions         types.List   `tfsdk:"iam_actions"`
	PolicySize         types.Int64  `tfsdk:"policy_size"`
	ActionRolePolicies types.Map    `tfsdk:"action_role_policies"`
}

type pipelineActionModel struct {
	Name          types.String `tfsdk:"name"`
	Category      types.String `tfsdk:"category"`
	Owner         types.String `tfsdk:"owner"`
	Provider      types.String `tfsdk:"provider"`
	Configuration types.Map    `tfsdk:"configuration"`
	Region        types.String `tfsdk:"region"`
	RoleARN       types.String `tfsdk:"role_arn"`
}

type artifactStoreModel struct {
	Location        types.String `tfsdk:"location"`
	EncryptionKeyID types.String `tfsdk:"encryption_key_id"`
	Region          types.String `tfsdk:"region"`
}

func (d *serviceRolePolicyDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_role_policy"
}

func (d *serviceRolePolicyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Builds the IAM policy a CodePipeline service role needs for the actions its pipeline uses, " +
			"ready for `aws_iam_role_policy`. The policy is computed at plan time from a built-in permission catalog: " +
			"no AWS calls, the same JSON for the same inputs whatever their order. Every statement grants exact IAM " +
			"actions (never `service:*`), `iam:PassRole` is always limited by `iam:PassedToService`, and `\"*\"` is " +
			"only used where IAM cannot limit an action to a resource or the pipeline definition does not name it " +
			"(listed below with the reasons).",
		Attributes: map[string]schema.Attribute{
			"action_providers": schema.ListAttribute{
				MarkdownDescription: "The providers of the pipeline's actions, spelled as in `aws_codepipeline`'s " +
					"`action.provider`, such as `CodeStarSourceConnection`, `CodeBuild` or `ECS`. A name used in several " +
					"categories (`S3`, `Lambda`, `CodeBuild`) grants all of them; write `Category/Provider`, such as " +
					"`Deploy/S3`, to pick one. Order and repeats do not matter. Names are case-sensitive.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.ValueStringsAre(validActionProvider)},
			},
			"pipeline_actions": schema.ListNestedAttribute{
				MarkdownDescription: "The pipeline's actions with their configuration, as in `aws_codepipeline`'s " +
					"`stage.action` blocks: feed both from the same locals. Configuration values that name resources " +
					"(`ProjectName`, `ConnectionArn`, `StackName`, `ClusterName`, ...) scope the statements to exactly " +
					"those ARNs, and options such as CodeBuild's `BatchEnabled` or CloudFormation's `ActionMode` grant " +
					"only what they use. A key that is missing, or a value CodePipeline resolves at run time " +
					"(`#{...}`), falls back to the unscoped grant. May be combined with `action_providers`; the policy " +
					"covers both.",
				Optional: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{
						MarkdownDescription: "The action's name; only used to point at the action in messages.",
						Optional:            true,
					},
					"category": schema.StringAttribute{
						MarkdownDescription: "The action category: `Source`, `Build`, `Test`, `Deploy`, `Approval`, `Invoke` or `Compute`.",
						Required:            true,
					},
					"owner": schema.StringAttribute{
						MarkdownDescription: "The action owner: `AWS` (default), `ThirdParty` or `Custom`. Custom actions run " +
							"on their own job workers and need nothing from the service role.",
						Optional: true,
					},
					"provider": schema.StringAttribute{
						MarkdownDescription: "The action provider, such as `CodeBuild`.",
						Required:            true,
					},
					"configuration": schema.MapAttribute{
						MarkdownDescription: "The action's configuration, as in `aws_codepipeline`. Keys the action type " +
							"does not document draw a warning; ARNs of the wrong service, resource type or partition an error.",
						ElementType: types.StringType,
						Optional:    true,
					},
					"region": schema.StringAttribute{
						MarkdownDescription: "The action's region, for cross-region actions; its resources' ARNs use it " +
							"instead of the pipeline's `region`.",
						Optional:   true,
						Validators: []validator.String{validRegion},
					},
					"role_arn": schema.StringAttribute{
						MarkdownDescription: "The action's own IAM role. The service role then only gets `sts:AssumeRole` " +
							"on it, and `action_role_policies` holds what the role itself needs. The action's resources " +
							"are taken to live in the role's account.",
						Optional:   true,
						Validators: []validator.String{validRoleARN},
					},
				}},
			},
			"artifact_stores": schema.ListNestedAttribute{
				MarkdownDescription: "The pipeline's artifact stores, as in `aws_codepipeline`'s `artifact_store` blocks. " +
					"The policy always lets the pipeline read and write its artifacts; without this attribute that access " +
					"covers every bucket (`arn:aws:s3:::*`) and a warning says so.",
				Optional: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"location": schema.StringAttribute{
						MarkdownDescription: "The artifact bucket's name (not its ARN), such as `aws_s3_bucket.artifacts.bucket`.",
						Required:            true,
						Validators:          []validator.String{validBucket},
					},
					"encryption_key_id": schema.StringAttribute{
						MarkdownDescription: "The ARN of the KMS key that encrypts the store, as in `encryption_key.id`. " +
							"When set, the policy lets the pipeline use this key; an alias or bare key ID is rejected " +
							"because IAM evaluates key permissions against the key ARN.",
						Optional:   true,
						Validators: []validator.String{validKeyARN},
					},
					"region": schema.StringAttribute{
						MarkdownDescription: "The store's region, for pipelines with cross-region actions.",
						Optional:            true,
						Validators:          []validator.String{validRegion},
					},
				}},
			},
			"partition": schema.StringAttribute{
				MarkdownDescription: "The AWS partition of every ARN, such as `aws`, `aws-cn` or `aws-us-gov`. Defaults to `aws`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{validPartition},
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "The pipeline's region, used in ARNs. When unset, ARNs match any region (`*`).",
				Optional:            true,
				Validators:          []validator.String{validRegion},
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The pipeline's 12-digit account ID, used in ARNs and in `aws:ResourceAccount` " +
					"conditions on S3 access. When unset, ARNs match any account (`*`) and those conditions are left out.",
				Optional:   true,
				Validators: []validator.String{validAccountID},
			},
			"pipeline_name": schema.StringAttribute{
				MarkdownDescription: "The pipeline's name. Actions that log to CloudWatch Logs (Commands, " +
					"ECRBuildAndPublish, InspectorScan, EC2, EKS, Lambda deploy) write to log groups named after it; " +
					"without it those grants cover every pipeline's log groups.",
				Optional:   true,
				Validators: []validator.String{validPipelineName},
			},
			"pass_role_arns": schema.ListAttribute{
				MarkdownDescription: "Roles that deploy actions hand to a service but that the pipeline definition does " +
					"not name: the ECS task and task execution roles of ECS and CodeDeployToECS deploys, the Elastic " +
					"Beanstalk service and instance roles. `iam:PassRole` is scoped to them; without them it covers " +
					"every role of the account, still only for those services.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.ValueStringsAre(validRoleARN)},
			},
			"split_for_managed_policies": schema.BoolAttribute{
				MarkdownDescription: "Set to `true` when the policy is too large to attach inline (over 10,240 " +
					"characters): `policy_documents` then holds the statements packed into documents of at most 6,144 " +
					"characters each, to attach as managed policies. A role takes 10 managed policies by default, " +
					"20 at most. Defaults to `false`.",
				Optional: true,
			},
			"json": schema.StringAttribute{
				MarkdownDescription: "The policy document, indented with two spaces. Statements are sorted by `Sid`; " +
					"actions and resources are sorted lists.",
				Computed: true,
			},
			"minified_json": schema.StringAttribute{
				MarkdownDescription: "The same policy document without whitespace.",
				Computed:            true,
			},
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
				MarkdownDescription: "For each `role_arn` of `pipeline_actions`, the policy that role needs for its " +
					"actions (including the artifact stores), as JSON. Attach each to its role, for example in the " +
					"other account of a cross-account deploy. Empty when no action declares a role.",
				ElementType: types.StringType,
				Computed:    true,
			},
		},
	}
}

// ValidateConfig checks what single-attribute validators cannot see. It
// reports errors only: warnings come once, from Read.
func (d *serviceRolePolicyDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	// Only the two attributes this needs are read: validation runs for every
	// data source in every plan.
	var providers, actionList types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(policy.AttrActionProviders), &providers)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(policy.AttrPipelineActions), &actionList)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !providers.IsUnknown() && !actionList.IsUnknown() &&
		len(providers.Elements()) == 0 && len(actionList.Elements()) == 0 {
		appendProblems(&resp.Diagnostics, []policy.Problem{*policy.NoActions()})
	}
	if actionList.IsUnknown() {
		return
	}
	var actions []types.Object
	resp.Diagnostics.Append(actionList.ElementsAs(ctx, &actions, false)...)
	for i, obj := range actions {
		action, known := knownActionType(ctx, obj)
		if !known {
			continue // checked once its values are known
		}
		var errs []policy.Problem
		for _, p := range policy.CheckActionType(policy.Path{policy.AttrPipelineActions, i}, action, "") {
			if !p.Warning {
				errs = append(errs, p)
			}
		}
		appendProblems(&resp.Diagnostics, errs)
	}
}

// knownActionType reads what identifies a pipeline action's type, skipping
// configuration values that are not known yet.
func knownActionType(ctx context.Context, obj types.Object) (policy.PipelineAction, bool) {
	var m pipelineActionModel
	if obj.IsUnknown() || obj.IsNull() || obj.As(ctx, &m, basetypes.ObjectAsOptions{}).HasError() {
		return policy.PipelineAction{}, false
	}
	if m.Category.IsUnknown() || m.Provider.IsUnknown() || m.Owner.IsUnknown() || m.Configuration.IsUnknown() {
		return policy.PipelineAction{}, false
	}
	action := m.action()
	action.Configuration = map[string]string{}
	for key, value := range m.Configuration.Elements() {
		if s, ok := value.(types.String); ok && !s.IsUnknown() && !s.IsNull() {
			action.Configuration[key] = s.ValueString()
		}
	}
	return action, true
}

func (d *serviceRolePolicyDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data serviceRolePolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	request, diags := data.request(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	result := policy.Build(request)
	appendProblems(&resp.Diagnostics, result.Problems)
	if resp.Diagnostics.HasError() {
		return
	}

	actions, diags := types.ListValueFrom(ctx, types.StringType, result.Document.Actions())
	resp.Diagnostics.Append(diags...)
	data.Partition = types.StringValue(request.Partition)
	data.JSON = types.StringValue(result.Rendered.JSON)
	data.MinifiedJSON = types.StringValue(result.Rendered.Minified)
	data.IAMActions = actions
	data.PolicySize = types.Int64Value(int64(result.Rendered.Size))
	data.PolicyDocuments, diags = types.ListValueFrom(ctx, types.StringType, documentsJSON(result))
	resp.Diagnostics.Append(diags...)
	rolePolicies := map[string]string{}
	for role, doc := range result.RolePolicies {
		rolePolicies[role] = doc.JSON()
	}
	data.ActionRolePolicies, diags = types.MapValueFrom(ctx, types.StringType, rolePolicies)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

// request converts a fully known configuration into a builder request.
func (m serviceRolePolicyModel) request(ctx context.Context) (policy.Request, diag.Diagnostics) {
	var diags diag.Diagnostics
	req := policy.Request{
		Partition:    m.Partition.ValueString(),
		Region:       m.Region.ValueString(),
		AccountID:    m.AccountID.ValueString(),
		PipelineName: m.PipelineName.ValueString(),

		SplitForManagedPolicies: m.Split.ValueBool(),
	}
	if req.Partition == "" {
		req.Partition = policy.DefaultPartition
	}
	diags.Append(m.ActionProviders.ElementsAs(ctx, &req.ActionProviders, false)...)
	diags.Append(m.PassRoleARNs.ElementsAs(ctx, &req.PassRoleARNs, false)...)
	var actions []pipelineActionModel
	diags.Append(m.PipelineActions.ElementsAs(ctx, &actions, false)...)
	for _, a := range actions {
		action := a.action()
		diags.Append(a.Configuration.ElementsAs(ctx, &action.Configuration, false)...)
		req.PipelineActions = append(req.PipelineActions, action)
	}
	var stores []artifactStoreModel
	diags.Append(m.ArtifactStores.ElementsAs(ctx, &stores, false)...)
	for _, s := range stores {
		req.ArtifactStores = append(req.ArtifactStores, policy.ArtifactStore{
			Location:        s.Location.ValueString(),
			EncryptionKeyID: s.EncryptionKeyID.ValueString(),
			Region:          s.Region.ValueString(),
		})
	}
	return req, diags
}

// action reads a pipeline action's fields other than its configuration.
func (m pipelineActionModel) action() policy.PipelineAction {
	return policy.PipelineAction{
		Name: m.Name.ValueString(), Category: m.Category.ValueString(), Owner: m.Owner.ValueString(),
		Provider: m.Provider.ValueString(), Region: m.Region.ValueString(), RoleARN: m.RoleARN.ValueString(),
	}
}

// documentsJSON renders the policy's documents; a policy left whole is the
// document already rendered for json.
func documentsJSON(result policy.Result) []string {
	if len(result.Documents) == 1 {
		return []string{result.Rendered.JSON}
	}
	documents := make([]string, len(result.Documents))
	for i, doc := range result.Documents {
		documents[i] = doc.JSON()
	}
	return documents
}
