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
		"attribute":     {policy.Path{"account_id"}, path.Root("account_id")},
		"list element":  {policy.Path{"action_providers", 2}, path.Root("action_providers").AtListIndex(2)},
		"nested":        {policy.Path{"artifact_stores", 1, "location"}, path.Root("artifact_stores").AtListIndex(1).AtName("location")},
		"map key":       {policy.Path{"pipeline_actions", 0, "configuration", policy.MapKey("ProjectName")}, path.Root("pipeline_actions").AtListIndex(0).AtName("configuration").AtMapKey("ProjectName")},
	}
	for name, tc := range cases {
		if got := attributePath(tc.in); !got.Equal(tc.want) {
			t.Errorf("%s: got %s, want %s", name, got, tc.want)
		}
	}
}
