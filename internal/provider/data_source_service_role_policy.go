package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

var _ datasource.DataSourceWithValidateConfig = (*serviceRolePolicyDataSource)(nil)

// NewServiceRolePolicyDataSource returns the codepipeline_service_role_policy data source.
func NewServiceRolePolicyDataSource() datasource.DataSource { return &serviceRolePolicyDataSource{} }

type serviceRolePolicyDataSource struct{}

type serviceRolePolicyModel struct {
	ActionProviders types.List   `tfsdk:"action_providers"`
	ArtifactStores  types.List   `tfsdk:"artifact_stores"`
	Partition       types.String `tfsdk:"partition"`
	Region          types.String `tfsdk:"region"`
	AccountID       types.String `tfsdk:"account_id"`
	JSON            types.String `tfsdk:"json"`
	MinifiedJSON    types.String `tfsdk:"minified_json"`
	IAMActions      types.List   `tfsdk:"iam_actions"`
	PolicySize      types.Int64  `tfsdk:"policy_size"`
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
			"only used for actions IAM cannot limit to a resource.",
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
		},
	}
}

// ValidateConfig checks what single-attribute validators cannot see.
func (d *serviceRolePolicyDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var config serviceRolePolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !config.ActionProviders.IsUnknown() && len(config.ActionProviders.Elements()) == 0 {
		appendProblems(&resp.Diagnostics, []policy.Problem{*policy.NoActions()})
	}
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
	data.JSON = types.StringValue(result.Document.JSON())
	data.MinifiedJSON = types.StringValue(result.Document.MinifiedJSON())
	data.IAMActions = actions
	data.PolicySize = types.Int64Value(int64(result.Document.Size()))
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

// request converts a fully known configuration into a builder request.
func (m serviceRolePolicyModel) request(ctx context.Context) (policy.Request, diag.Diagnostics) {
	var diags diag.Diagnostics
	req := policy.Request{
		Partition: m.Partition.ValueString(),
		Region:    m.Region.ValueString(),
		AccountID: m.AccountID.ValueString(),
	}
	if req.Partition == "" {
		req.Partition = policy.DefaultPartition
	}
	diags.Append(m.ActionProviders.ElementsAs(ctx, &req.ActionProviders, false)...)
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
