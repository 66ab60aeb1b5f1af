package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestNullArguments calls the function as OpenTofu does with null arguments,
// sending values with no data: each call must answer as with real nulls.
func TestNullArguments(t *testing.T) {
	server := NewServer("test")()
	value := func(typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
		dv, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			t.Fatal(err)
		}
		return &dv
	}
	// call returns the policy, or the error text when the call fails.
	call := func(args ...*tfprotov6.DynamicValue) string {
		t.Helper()
		resp, err := server.CallFunction(t.Context(), &tfprotov6.CallFunctionRequest{Name: "service_role_policy", Arguments: args})
		if err != nil {
			t.Fatal(err)
		}
		if resp.Error != nil {
			return resp.Error.Text
		}
		v, err := resp.Result.Unmarshal(tftypes.String)
		var s string
		if err == nil {
			err = v.As(&s)
		}
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	list := tftypes.List{ElementType: tftypes.String}
	codeBuild := value(list, tftypes.NewValue(list, []tftypes.Value{tftypes.NewValue(tftypes.String, "CodeBuild")}))
	nullList := value(list, tftypes.NewValue(list, nil))
	nullOptions := value(tftypes.DynamicPseudoType, tftypes.NewValue(tftypes.DynamicPseudoType, nil))
	object := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"pipeline_name": tftypes.String}}
	options := value(tftypes.DynamicPseudoType, tftypes.NewValue(object, map[string]tftypes.Value{"pipeline_name": tftypes.NewValue(tftypes.String, "web")}))

	if got, want := call(codeBuild, &tfprotov6.DynamicValue{}), call(codeBuild, nullOptions); got != want || got != call(codeBuild) {
		t.Errorf("options with no data: got %q, want the policy without options %q", got, want)
	}
	// A null list of providers and no pipeline_actions: a pipeline without actions.
	if got, want := call(&tfprotov6.DynamicValue{}, options), call(nullList, options); got != want {
		t.Errorf("action_providers with no data: got %q, want %q", got, want)
	}
}

// TestAttributePathOf converts a path with every kind of step as the
// framework converts it for a diagnostic.
func TestAttributePathOf(t *testing.T) {
	at := path.Root("pipeline_actions").AtListIndex(2).AtName("configuration").AtMapKey("ProjectName")
	want := tftypes.NewAttributePath().WithAttributeName("pipeline_actions").WithElementKeyInt(2).
		WithAttributeName("configuration").WithElementKeyString("ProjectName")
	if got := attributePathOf(at); !got.Equal(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	set := path.Root("keys").AtSetValue(types.StringValue("a"))
	wantSet := tftypes.NewAttributePath().WithAttributeName("keys").WithElementKeyValue(tftypes.NewValue(tftypes.String, "a"))
	if got := attributePathOf(set); !got.Equal(wantSet) {
		t.Errorf("got %v, want %v", got, wantSet)
	}
	if got := attributePathOf(path.Empty()); got != nil {
		t.Errorf("the empty path: got %v, want none", got)
	}
}
