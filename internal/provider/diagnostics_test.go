package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

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

// TestCheckStringReportsAtTheElement checks that a list element's problem is
// reported on that element, and that unknown values are left for later.
func TestCheckStringReportsAtTheElement(t *testing.T) {
	at := path.Root("action_providers").AtListIndex(3)
	resp := &validator.StringResponse{}
	validActionProvider.ValidateString(context.Background(), validator.StringRequest{Path: at, ConfigValue: types.StringValue("Codebuild")}, resp)
	if len(resp.Diagnostics) != 1 {
		t.Fatalf("want one diagnostic, got %v", resp.Diagnostics)
	}
	if d, ok := resp.Diagnostics[0].(interface{ Path() path.Path }); !ok || !d.Path().Equal(at) {
		t.Errorf("diagnostic not on %s: %v", at, resp.Diagnostics[0])
	}

	resp = &validator.StringResponse{}
	validActionProvider.ValidateString(context.Background(), validator.StringRequest{Path: at, ConfigValue: types.StringUnknown()}, resp)
	if len(resp.Diagnostics) != 0 {
		t.Errorf("unknown values must not be judged yet: %v", resp.Diagnostics)
	}
}
