package provider

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy/policytest"
)

// TestRealisticPipelines plans policytest's realistic pipelines, written as
// HCL from their one copy, and expects the builder's documents and the
// explanation of every statement.
func TestRealisticPipelines(t *testing.T) {
	requests := policytest.Realistic()
	var config strings.Builder
	var checks []statecheck.StateCheck
	for _, name := range slices.Sorted(maps.Keys(requests)) {
		req := requests[name]
		config.WriteString(dataSourceHCL(t, name, req))
		result := policy.Build(req)
		address := "data.codepipeline_service_role_policy." + name
		roles := map[string]knownvalue.Check{}
		for role, doc := range result.RolePolicies {
			roles[role] = knownvalue.StringExact(doc.JSON())
		}
		checks = append(checks,
			statecheck.ExpectKnownValue(address, tfjsonpath.New("json"), knownvalue.StringExact(result.Rendered.JSON)),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("action_role_policies"), knownvalue.MapExact(roles)),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("statements"), knownvalue.ListSizeExact(len(result.Statements()))),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("statements").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"policy":    knownvalue.StringExact("json"),
				"needed_by": knownvalue.ListSizeExact(len(result.Statements()[0].NeededBy)),
				"sources":   knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact(result.Statements()[0].Sources[0])}),
			})))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps:                    []resource.TestStep{{Config: config.String(), ConfigStateChecks: checks}},
	})
}

// dataSourceHCL writes a request as a data source block: its Go-keyed JSON
// with every field renamed to its attribute, configuration keys as given.
func dataSourceHCL(t *testing.T, name string, req policy.Request) string {
	t.Helper()
	raw, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	var decoded map[string]any
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatal(err)
	}
	file := hclwrite.NewEmptyFile()
	block := file.Body().AppendNewBlock("data", []string{"codepipeline_service_role_policy", name}).Body()
	for _, field := range slices.Sorted(maps.Keys(decoded)) {
		value := attributeValues(decoded[field])
		if isZero(value) {
			continue
		}
		encoded, _ := json.Marshal(value)
		typ, err := ctyjson.ImpliedType(encoded)
		if err != nil {
			t.Fatal(err)
		}
		v, err := ctyjson.Unmarshal(encoded, typ)
		if err != nil {
			t.Fatal(err)
		}
		block.SetAttributeValue(fieldName(policy.Field(field)), v)
	}
	return string(file.Bytes()) + "\n"
}

// attributeValues renames the fields of objects to attribute names, leaving
// the keys of configuration maps alone, and drops zero values.
func attributeValues(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = attributeValues(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if isZero(e) {
				continue
			}
			if k == string(policy.FieldConfiguration) {
				out[fieldName(policy.Field(k))] = e
				continue
			}
			out[fieldName(policy.Field(k))] = attributeValues(e)
		}
		return out
	}
	return v
}

func isZero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}
