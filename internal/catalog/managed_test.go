package catalog_test

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// TestManagedAlternativesAllowWhatTheyReplace audits the pinned version of
// each managed alternative as if it were the role's only policy, for a
// pipeline that uses the action type fully described: no call of a
// statement the managed policy replaces may be missing, so choosing it
// loses nothing. Statements it covers but does not replace are logged, so
// the list can be reviewed.
func TestManagedAlternativesAllowWhatTheyReplace(t *testing.T) {
	var data struct {
		Policies map[string]struct {
			Version  string
			Document json.RawMessage
		}
	}
	b, err := os.ReadFile("testdata/managed-policies.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	for _, at := range catalog.All() {
		if at.Managed == nil {
			continue
		}
		pinned, ok := data.Policies[at.Managed.Policy]
		if !ok {
			t.Fatalf("testdata/managed-policies.json has no %s; run make managed-policies", at.Managed.Policy)
		}
		config := map[string]string{}
		for _, k := range at.ConfigKeys {
			if k.Naming != nil {
				config[k.Name] = k.Naming.Example
			}
		}
		req := policy.Request{Region: "us-east-1", AccountID: "111122223333", PipelineName: "p",
			ArtifactStores:  []policy.ArtifactStore{{Location: "artifacts"}},
			PassRoleARNs:    []string{"arn:aws:iam::111122223333:role/aws-elasticbeanstalk-service-role"},
			PipelineActions: []policy.PipelineAction{{Category: at.Category, Provider: at.Provider, Configuration: config}}}
		result := audit.Audit(audit.Request{Pipeline: req, Documents: []string{string(pinned.Document)}})
		uncovered := map[string]bool{}
		for _, m := range result.Missing {
			uncovered[m.Sid] = true
		}
		for _, s := range at.Statements {
			replaced := slices.Contains(at.Managed.Replaces, s.Sid)
			switch {
			case replaced && uncovered[s.Sid]:
				t.Errorf("%s %s does not allow every call of %s, which it replaces", at.Managed.Policy, pinned.Version, s.Sid)
			case !replaced && !uncovered[s.Sid]:
				t.Logf("%s also allows every call of %s, which stays inline", at.Managed.Policy, s.Sid)
			}
		}
		for _, sid := range at.Managed.Replaces {
			if !slices.ContainsFunc(at.Statements, func(s catalog.Statement) bool { return s.Sid == sid }) {
				t.Errorf("%s replaces %s, which is not one of its statements", at.Key(), sid)
			}
		}
	}
}
