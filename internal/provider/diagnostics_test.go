package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

func TestAttributePath(t *testing.T) {
	cases := map[string]struct {
		in   policy.Path
		want path.Path
	}{
		"whole request": {nil, path.Empty()},
		"attribute":     {policy.Path{policy.FieldAccountID}, path.Root("account_id")},
		"list element":  {policy.Path{policy.FieldActionProviders, 2}, path.Root("action_providers").AtListIndex(2)},
		"nested":        {policy.Path{policy.FieldArtifactStores, 1, policy.FieldLocation}, path.Root("artifact_stores").AtListIndex(1).AtName("location")},
		"map key": {policy.Path{policy.FieldPipelineActions, 0, policy.FieldConfiguration, policy.MapKey("ProjectName")},
			path.Root("pipeline_actions").AtListIndex(0).AtName("configuration").AtMapKey("ProjectName")},
	}
	for name, tc := range cases {
		if got := attributePath(tc.in); !got.Equal(tc.want) {
			t.Errorf("%s: got %s, want %s", name, got, tc.want)
		}
	}
}

// TestEveryFieldHasOneName checks that every field the pure packages can
// point at or mention is declared by an attribute, and that no two
// declarations give one field two names: messages then always say what the
// user wrote.
func TestEveryFieldHasOneName(t *testing.T) {
	named := map[policy.Field]string{}
	for _, a := range declaredAttributes() {
		if a.field == "" {
			continue
		}
		if other, ok := named[a.field]; ok && other != a.name {
			t.Errorf("%s is declared as both %q and %q", a.field, other, a.name)
		}
		named[a.field] = a.name
	}
	for _, f := range policy.Fields() {
		if _, ok := named[f]; !ok {
			t.Errorf("no attribute declares %s", f)
		}
	}
}
