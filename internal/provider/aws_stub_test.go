package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit/audittest"
)

// The audit examples read a role's policies with the AWS provider, which
// cannot be installed offline. awsStub stands in for it in tests: the same
// names and attributes, answering with AWS's default service-role policy of
// 2019 for any inline role policy and a connections policy for any managed
// policy, and keeping aws_iam_role_policy resources in state only.

// stubRolePolicy is the inline policy every role has in the stub.
func stubRolePolicy() string { return string(audittest.Load("2019").Policy) }

const stubManagedPolicy = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ` +
	`"Action": ["codestar-connections:UseConnection", "codeconnections:UseConnection"], "Resource": "*"}]}`

type awsStub struct{}

func (awsStub) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "aws"
}
func (awsStub) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (awsStub) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}
func (awsStub) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		func() datasource.DataSource { return stubRolePolicyData{} },
		func() datasource.DataSource { return stubPolicyData{} },
	}
}
func (awsStub) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return stubRolePolicyResource{} }}
}
func (awsStub) Functions(context.Context) []func() function.Function { return nil }

type rolePolicyModel struct {
	ID     types.String `tfsdk:"id"`
	Role   types.String `tfsdk:"role"`
	Name   types.String `tfsdk:"name"`
	Policy types.String `tfsdk:"policy"`
}

// stubRolePolicyData is data "aws_iam_role_policy".
type stubRolePolicyData struct{}

func (stubRolePolicyData) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "aws_iam_role_policy"
}
func (stubRolePolicyData) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{Attributes: map[string]dschema.Attribute{
		"id": dschema.StringAttribute{Computed: true}, "policy": dschema.StringAttribute{Computed: true},
		"role": dschema.StringAttribute{Required: true}, "name": dschema.StringAttribute{Required: true},
	}}
}
func (stubRolePolicyData) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m rolePolicyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	m.ID = types.StringValue(m.Role.ValueString() + ":" + m.Name.ValueString())
	m.Policy = types.StringValue(stubRolePolicy())
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// stubPolicyData is data "aws_iam_policy".
type stubPolicyData struct{}

type policyModel struct {
	ID     types.String `tfsdk:"id"`
	Name   types.String `tfsdk:"name"`
	Policy types.String `tfsdk:"policy"`
}

func (stubPolicyData) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "aws_iam_policy"
}
func (stubPolicyData) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{Attributes: map[string]dschema.Attribute{
		"id": dschema.StringAttribute{Computed: true}, "policy": dschema.StringAttribute{Computed: true},
		"name": dschema.StringAttribute{Required: true},
	}}
}
func (stubPolicyData) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m policyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	m.ID = types.StringValue("arn:aws:iam::111122223333:policy/" + m.Name.ValueString())
	m.Policy = types.StringValue(stubManagedPolicy)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// stubRolePolicyResource is resource "aws_iam_role_policy", kept in state only.
type stubRolePolicyResource struct{}

func (stubRolePolicyResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "aws_iam_role_policy"
}
func (stubRolePolicyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = rschema.Schema{Attributes: map[string]rschema.Attribute{
		"id": rschema.StringAttribute{Computed: true}, "policy": rschema.StringAttribute{Required: true},
		"role": rschema.StringAttribute{Required: true}, "name": rschema.StringAttribute{Required: true},
	}}
}
func (stubRolePolicyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m rolePolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.ID = types.StringValue(m.Role.ValueString() + ":" + m.Name.ValueString())
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
func (stubRolePolicyResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}
func (stubRolePolicyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m rolePolicyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.ID = types.StringValue(m.Role.ValueString() + ":" + m.Name.ValueString())
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
func (stubRolePolicyResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
