package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// NewServer returns the protocol 6 server of the provider at the given
// version: the framework's, as providerserver.Serve would build it, inside
// server.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer { return serve(New(version)()) }
}

func serve(p provider.Provider) tfprotov6.ProviderServer {
	return server{ProviderServer: providerserver.NewProtocol6(p)(),
		reads: sync.OnceValue(func() map[string]stateReader { return stateReaders(p) })}
}

// server is the framework's server with two calls of its own, CallFunction
// and ReadDataSource.
type server struct {
	tfprotov6.ProviderServer
	// reads is gathered on the first read, so starting the provider computes nothing.
	reads func() map[string]stateReader
}

// stateReader is a data source that reads raw values: every dataSource is one.
type stateReader interface {
	stateType() tftypes.Type
	readState(config tftypes.Value) (tftypes.Value, diag.Diagnostics)
}

// stateReaders maps the full type name of each data source that reads raw
// values, and needs no provider data, to it.
func stateReaders(p provider.Provider) map[string]stateReader {
	ctx := context.Background()
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	readers := map[string]stateReader{}
	for _, newDataSource := range p.DataSources(ctx) {
		ds := newDataSource()
		reader, ok := ds.(stateReader)
		if _, configured := ds.(datasource.DataSourceWithConfigure); !ok || configured {
			continue // the framework's Read configures it first
		}
		var name datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: meta.TypeName}, &name)
		readers[name.TypeName] = reader
	}
	return readers
}

// msgpackNil is MessagePack's nil: a null of any type, dynamic included.
var msgpackNil = []byte{0xc0}

// CallFunction restores the null arguments of a function call that OpenTofu
// sends as values with no data (seen on 1.12), which the plugin framework
// rejects before the function runs. OpenTofu does so only for parameters that
// allow null; Terraform always sends the null, so it sees no difference.
func (s server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	for i, arg := range req.Arguments {
		if arg == nil || arg.MsgPack == nil && arg.JSON == nil {
			req.Arguments[i] = &tfprotov6.DynamicValue{MsgPack: msgpackNil}
		}
	}
	return s.ProviderServer.CallFunction(ctx, req)
}

// ReadDataSource decodes the configuration, reads it and encodes the state
// itself. The framework would walk both values against the schema, looking
// up every attribute of every value on the way (to reshape empty blocks and
// compare custom types, which these schemas do not have); with the
// `statements` output that walk cost more than the read (DESIGN.md,
// "Reading around the framework"). Anything it cannot decode goes to the
// framework, which reports it.
func (s server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	reader, ok := s.reads()[req.TypeName]
	if !ok || req.Config == nil {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	typ := reader.stateType()
	config, err := req.Config.Unmarshal(typ)
	if err != nil {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	state, diags := reader.readState(config)
	if diags.HasError() {
		state = config // as the framework answers an error
	}
	encoded, err := tfprotov6.NewDynamicValue(typ, state)
	if err != nil {
		diags.AddError("Unwritable state", "The provider built a state that does not fit its schema: "+err.Error()+
			". This is a bug in the provider; please report it.")
		encoded = tfprotov6.DynamicValue{MsgPack: msgpackNil}
	}
	return &tfprotov6.ReadDataSourceResponse{State: &encoded, Diagnostics: protocolDiagnostics(diags)}, nil
}

// protocolDiagnostics converts diagnostics as the framework does: severity,
// summary, detail and the attribute path.
func protocolDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	var out []*tfprotov6.Diagnostic
	for _, d := range diags {
		severity := tfprotov6.DiagnosticSeverityError
		if d.Severity() == diag.SeverityWarning {
			severity = tfprotov6.DiagnosticSeverityWarning
		}
		p := &tfprotov6.Diagnostic{Severity: severity, Summary: d.Summary(), Detail: d.Detail()}
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			p.Attribute = attributePathOf(withPath.Path())
		}
		out = append(out, p)
	}
	return out
}

// attributePathOf converts a framework path to the protocol's, step by step.
func attributePathOf(at path.Path) *tftypes.AttributePath {
	if len(at.Steps()) == 0 {
		return nil
	}
	out := tftypes.NewAttributePath()
	for _, step := range at.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			out = out.WithAttributeName(string(s))
		case path.PathStepElementKeyInt:
			out = out.WithElementKeyInt(int(s))
		case path.PathStepElementKeyString:
			out = out.WithElementKeyString(string(s))
		case path.PathStepElementKeyValue: // a set element
			v, err := s.ToTerraformValue(context.Background())
			if err != nil {
				return out // the set itself: the closest path that holds
			}
			out = out.WithElementKeyValue(v)
		}
	}
	return out
}
