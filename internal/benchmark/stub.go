// Package benchmark measures what the provider layer adds to a plan: a
// do-nothing provider with the same schema is the floor the real provider is
// compared with, through the framework's server here and through the
// Terraform CLI in plan.sh.
package benchmark

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	codepipeline "github.com/pipelinepolicy/terraform-provider-codepipeline/internal/provider"
)

// NewStub returns a provider named like the real one whose
// codepipeline_service_role_policy data source has the real schema, no
// ValidateConfig and a Read that does nothing: the framework then returns the
// configuration as the state, computed attributes null. What it costs is what
// any framework provider with this schema costs.
func NewStub() provider.Provider { return stubProvider{} }

type stubProvider struct{}

func (stubProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "codepipeline"
	resp.Version = "stub"
}

func (stubProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (stubProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (stubProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{func() datasource.DataSource { return stubDataSource{} }}
}

func (stubProvider) Resources(context.Context) []func() resource.Resource { return nil }

func (stubProvider) Functions(context.Context) []func() function.Function { return nil }

type stubDataSource struct{}

func (stubDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_role_policy"
}

// Schema is the real data source's, asked of the real data source, so the two
// cannot drift apart.
func (stubDataSource) Schema(ctx context.Context, req datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	codepipeline.NewServiceRolePolicyDataSource().Schema(ctx, req, resp)
}

func (stubDataSource) Read(context.Context, datasource.ReadRequest, *datasource.ReadResponse) {}
