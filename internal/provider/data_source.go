package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// dataSource is a data source declared by its attributes: it reads its
// inputs into an In, checks it with validate, builds an R from it with run,
// and writes its outputs from the R. Every data source of the provider is one.
type dataSource[In, R any] struct {
	spec *dataSourceSpec[In, R]
	// record sees every problem reported, for tests; nil otherwise.
	record func(policy.Problem)
}

// dataSourceSpec is what a data source is, shared by its instances.
type dataSourceSpec[In, R any] struct {
	typeName    string // after the provider's type name: "_service_role_policy"
	description string
	inputs      []input[In]
	outputs     []output[R]
	// unknown hands the paths of values not known yet to the request.
	unknown  func(in *In, paths []policy.Path)
	validate func(in In) []policy.Problem
	// run builds the result; an error among its problems leaves no state.
	run func(in In) (R, []policy.Problem)
	// schema is built once from the inputs and outputs, and so is its type.
	schema    func() schema.Schema
	stateType func() tftypes.Type
}

var _ datasource.DataSourceWithValidateConfig = dataSource[any, any]{}

func newSpec[In, R any](s dataSourceSpec[In, R]) *dataSourceSpec[In, R] {
	s.schema = sync.OnceValue(func() schema.Schema {
		attrs := map[string]schema.Attribute{}
		for _, in := range s.inputs {
			attrs[in.name] = in.schema
		}
		for _, out := range s.outputs {
			attrs[out.name] = out.schema
		}
		return schema.Schema{MarkdownDescription: s.description, Attributes: attrs}
	})
	s.stateType = sync.OnceValue(func() tftypes.Type { return s.schema().Type().TerraformType(context.Background()) })
	return &s
}

func (d dataSource[In, R]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + d.spec.typeName
}

func (d dataSource[In, R]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.schema()
}

// request reads the configuration's inputs.
func (d dataSource[In, R]) request(config tftypes.Value) (In, map[string]tftypes.Value, error) {
	var attrs map[string]tftypes.Value
	if err := config.As(&attrs); err != nil {
		var zero In
		return zero, nil, err
	}
	r := reader{}
	in := read(&r, attrs, d.spec.inputs)
	if d.spec.unknown != nil {
		d.spec.unknown(&in, r.unknown)
	}
	return in, attrs, nil
}

// ValidateConfig reports the errors of the configuration's known values;
// warnings come once, from Read.
func (d dataSource[In, R]) ValidateConfig(_ context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	in, _, err := d.request(req.Config.Raw)
	if err != nil {
		resp.Diagnostics.AddError("Unreadable configuration", err.Error())
		return
	}
	appendProblems(&resp.Diagnostics, d.spec.validate(in), false, d.record)
}

func (d dataSource[In, R]) Read(_ context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	state, diags := d.readState(req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if !diags.HasError() {
		resp.State.Raw = state
	}
}

// readState is the read itself, on raw values: the state for a
// configuration, or the diagnostics that leave none. Read and the server's
// direct reads (server.go) both call it.
func (d dataSource[In, R]) readState(config tftypes.Value) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	in, attrs, err := d.request(config)
	if err != nil {
		diags.AddError("Unreadable configuration", err.Error())
		return tftypes.Value{}, diags
	}
	result, problems := d.spec.run(in)
	appendProblems(&diags, problems, true, d.record)
	if diags.HasError() {
		return tftypes.Value{}, diags
	}
	// Terraform sends the configuration as the schema's whole object, computed
	// attributes included, so its type is the state's.
	state := make(map[string]tftypes.Value, len(attrs))
	for name, v := range attrs {
		state[name] = v
	}
	for _, i := range d.spec.inputs {
		if i.computed != nil && attrs[i.name].IsNull() {
			state[i.name] = i.computed(&in)
		}
	}
	for _, out := range d.spec.outputs {
		state[out.name] = out.write(&result)
	}
	return tftypes.NewValue(config.Type(), state), diags
}

// stateType is the type of the data source's configuration and state.
func (d dataSource[In, R]) stateType() tftypes.Type { return d.spec.stateType() }

// specView is a data source's attributes, whatever it reads and writes.
type specView struct {
	inputs  []input[any]
	outputs []declared
}

func (s *dataSourceSpec[In, R]) view() specView {
	var v specView
	for _, in := range s.inputs {
		v.inputs = append(v.inputs, erase(in))
	}
	for _, out := range s.outputs {
		v.outputs = append(v.outputs, declared{out.name, out.field})
	}
	return v
}
