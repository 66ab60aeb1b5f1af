package benchmark

import (
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy/policytest"
	codepipeline "github.com/pipelinepolicy/terraform-provider-codepipeline/internal/provider"
)

const typeName = "codepipeline_service_role_policy"

// Package-level sinks keep the compiler from discarding the measured work.
var (
	sinkRead  *tfprotov6.ReadDataSourceResponse
	sinkBuild policy.Result
)

// configValue writes the fields of req that policytest.Typical uses as the data
// source's configuration, every other attribute null, as Terraform sends it.
func configValue(t tftypes.Object, req policy.Request) tftypes.Value {
	str := func(s string) tftypes.Value {
		if s == "" {
			return tftypes.NewValue(tftypes.String, nil)
		}
		return tftypes.NewValue(tftypes.String, s)
	}
	list := func(t tftypes.Type, elems []tftypes.Value) tftypes.Value {
		if elems == nil {
			return tftypes.NewValue(t, nil)
		}
		return tftypes.NewValue(t, elems)
	}
	var passRoles []tftypes.Value
	for _, arn := range req.PassRoleARNs {
		passRoles = append(passRoles, str(arn))
	}
	storesType, storeType := nestedList(t, "artifact_stores")
	var stores []tftypes.Value
	for _, s := range req.ArtifactStores {
		stores = append(stores, object(storeType, map[string]tftypes.Value{
			"location": str(s.Location), "encryption_key_id": str(s.EncryptionKeyID), "region": str(s.Region),
		}))
	}
	actionsType, actionType := nestedList(t, "pipeline_actions")
	var actions []tftypes.Value
	for _, a := range req.PipelineActions {
		configuration := map[string]tftypes.Value{}
		for k, v := range a.Configuration {
			configuration[k] = str(v)
		}
		actions = append(actions, object(actionType, map[string]tftypes.Value{
			"name": str(a.Name), "category": str(a.Category), "provider": str(a.Provider),
			"owner": str(a.Owner), "region": str(a.Region), "role_arn": str(a.RoleARN),
			"configuration": tftypes.NewValue(actionType.AttributeTypes["configuration"], configuration),
		}))
	}
	return object(t, map[string]tftypes.Value{
		"pipeline_name":    str(req.PipelineName),
		"region":           str(req.Region),
		"account_id":       str(req.AccountID),
		"pass_role_arns":   list(t.AttributeTypes["pass_role_arns"], passRoles),
		"artifact_stores":  list(storesType, stores),
		"pipeline_actions": list(actionsType, actions),
	})
}

// nestedList returns the type of a list nested attribute and of its objects.
func nestedList(t tftypes.Object, name string) (tftypes.List, tftypes.Object) {
	list, ok := t.AttributeTypes[name].(tftypes.List)
	if !ok {
		panic(name + " is not a list")
	}
	object, ok := list.ElementType.(tftypes.Object)
	if !ok {
		panic(name + " is not a list of objects")
	}
	return list, object
}

// object is an object of type t with the given attributes, the others null.
func object(t tftypes.Object, attrs map[string]tftypes.Value) tftypes.Value {
	all := make(map[string]tftypes.Value, len(t.AttributeTypes))
	for name, at := range t.AttributeTypes {
		all[name] = tftypes.NewValue(at, nil)
		if v, ok := attrs[name]; ok {
			all[name] = v
		}
	}
	return tftypes.NewValue(t, all)
}

// server starts a provider as Terraform does before reading data sources:
// schema, then configuration. It returns the server and the data source's
// configuration for req, encoded as Terraform sends it.
func server(b testing.TB, newServer func() tfprotov6.ProviderServer, req policy.Request) (tfprotov6.ProviderServer, *tfprotov6.DynamicValue) {
	ctx := b.Context()
	s := newServer()
	schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || hasError(schemas.Diagnostics) {
		b.Fatalf("GetProviderSchema: %v %v", err, schemas.Diagnostics)
	}
	typ, ok := schemas.DataSourceSchemas[typeName].ValueType().(tftypes.Object)
	if !ok {
		b.Fatalf("%s has no object schema", typeName)
	}
	providerConfig, err := tfprotov6.NewDynamicValue(tftypes.Object{}, tftypes.NewValue(tftypes.Object{}, map[string]tftypes.Value{}))
	if err != nil {
		b.Fatal(err)
	}
	configured, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.8.5", Config: &providerConfig})
	if err != nil || hasError(configured.Diagnostics) {
		b.Fatalf("ConfigureProvider: %v %v", err, configured.Diagnostics)
	}
	config, err := tfprotov6.NewDynamicValue(typ, configValue(typ, req))
	if err != nil {
		b.Fatal(err)
	}
	return s, &config
}

// read validates and reads the configuration once, as Terraform's plan does
// for each data source.
func read(b testing.TB, s tfprotov6.ProviderServer, config *tfprotov6.DynamicValue) *tfprotov6.ReadDataSourceResponse {
	ctx := b.Context()
	validated, err := s.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: typeName, Config: config})
	if err != nil || hasError(validated.Diagnostics) {
		b.Fatalf("ValidateDataResourceConfig: %v %v", err, validated.Diagnostics)
	}
	resp, err := s.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: config})
	if err != nil || hasError(resp.Diagnostics) {
		b.Fatalf("ReadDataSource: %v %v", err, resp.Diagnostics)
	}
	return resp
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// stateJSON returns the json attribute of a read's state, "" when null.
func stateJSON(b testing.TB, s tfprotov6.ProviderServer, resp *tfprotov6.ReadDataSourceResponse) string {
	schemas, err := s.GetProviderSchema(b.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	state, err := resp.State.Unmarshal(schemas.DataSourceSchemas[typeName].ValueType())
	if err != nil {
		b.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	var json string
	if err := state.As(&attrs); err != nil {
		b.Fatal(err)
	}
	if err := attrs["json"].As(&json); err != nil {
		b.Fatal(err)
	}
	return json
}

// TestRead checks what the benchmarks measure: the real read returns the
// builder's policy, the stub's returns none, and neither reports an error.
func TestRead(t *testing.T) {
	req := policytest.Typical()
	s, config := server(t, codepipeline.NewServer("test"), req)
	if got, want := stateJSON(t, s, read(t, s, config)), policy.Build(req).Rendered.JSON; got != want {
		t.Errorf("the read's json differs from the builder's:\n%s\nwant:\n%s", got, want)
	}
	s, config = server(t, providerserver.NewProtocol6(NewStub()), req)
	if got := stateJSON(t, s, read(t, s, config)); got != "" {
		t.Errorf("the stub computed json: %s", got)
	}
}

// BenchmarkReadReal is one data source's validation and read through the
// provider's server as the binary serves it, as a plan makes them.
// Read BenchmarkReadReal ÷ (BenchmarkReadStub + BenchmarkReadBuild) as the
// provider layer's overhead: 1 would mean it costs nothing beyond the
// framework's own work and the policy.
func BenchmarkReadReal(b *testing.B) {
	s, config := server(b, codepipeline.NewServer("bench"), policytest.Typical())
	b.ReportAllocs()
	for b.Loop() {
		sinkRead = read(b, s, config)
	}
}

// BenchmarkReadStub is the same through the do-nothing provider.
func BenchmarkReadStub(b *testing.B) {
	s, config := server(b, providerserver.NewProtocol6(NewStub()), policytest.Typical())
	b.ReportAllocs()
	for b.Loop() {
		sinkRead = read(b, s, config)
	}
}

// BenchmarkReadBuild is the policy alone: what the real read must add to
// the stub's.
func BenchmarkReadBuild(b *testing.B) {
	req := policytest.Typical()
	if p := policy.Build(req).Problems; policy.HasError(p) {
		b.Fatalf("the request fails: %+v", p)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkBuild = policy.Build(req)
	}
}

// TestMain quiets the framework's logs as the provider binaries do.
func TestMain(m *testing.M) {
	codepipeline.QuietFrameworkLogs()
	os.Exit(m.Run())
}
