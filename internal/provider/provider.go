// Package provider adapts the policy builder to Terraform: schema, validation
// and Read. It holds no permission knowledge of its own.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

var _ provider.ProviderWithFunctions = (*codePipelineProvider)(nil)

// codePipelineProvider needs no configuration and no credentials: it only computes.
type codePipelineProvider struct {
	// version is set on release, "dev" in local builds and "test" in tests.
	version string
	// record sees every problem the data sources and the function report,
	// for tests; nil otherwise.
	record func(policy.Problem)
}

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &codePipelineProvider{version: version} }
}

func (p *codePipelineProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "codepipeline"
	resp.Version = p.version
}

func (p *codePipelineProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Computes least-privilege IAM policies for AWS CodePipeline service roles from the " +
			"actions and stage-condition rules a pipeline uses, the trust, bucket, key and change-detection " +
			"documents around them, and audits of existing roles. It makes no AWS calls and needs no configuration " +
			"or credentials.",
	}
}

func (p *codePipelineProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *codePipelineProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		func() datasource.DataSource {
			return dataSource[policy.Request, built]{spec: policySpec(), record: p.record}
		},
		func() datasource.DataSource {
			return dataSource[audit.Request, audit.Result]{spec: auditSpec(), record: p.record}
		},
		func() datasource.DataSource {
			return dataSource[typeFilter, []policy.ActionType]{spec: actionTypesSpec(), record: p.record}
		},
	}
}

// specs are the data sources' declarations, for what derives from all of them.
func specs() []specView {
	return []specView{policySpec().view(), auditSpec().view(), actionTypesSpec().view()}
}

// Functions needs Terraform 1.8 or later; older versions ignore them.
func (p *codePipelineProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{func() function.Function { return serviceRolePolicyFunction{record: p.record} }}
}

func (p *codePipelineProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}
