package policy_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy/policytest"
)

// TestEveryStatementIsExplained: on the realistic pipelines and on every
// action and rule type alone, each statement of each document is explained
// exactly once, needed by at least one input, with at least one https page.
func TestEveryStatementIsExplained(t *testing.T) {
	requests := policytest.Realistic()
	for _, at := range slices.Concat(catalog.All(), catalog.Rules()) {
		req := policy.Request{Region: "eu-west-1", AccountID: "111122223333", ActionProviders: []string{"CodeBuild"}}
		if at.Category == catalog.RuleCategory {
			req.PipelineRules = []policy.PipelineRule{{Provider: at.Provider, Commands: []string{"true"}}}
		} else {
			req.ActionProviders = []string{at.Key()}
		}
		requests[at.Key()] = req
	}
	explained := 0
	for _, name := range slices.Sorted(maps.Keys(requests)) {
		result := policy.Build(requests[name])
		if policy.HasError(result.Problems) {
			t.Fatalf("%s: %v", name, result.Problems)
		}
		statements := result.Statements()
		if want := countStatements(result); len(statements) != want {
			t.Errorf("%s: %d statements explained, the documents hold %d", name, len(statements), want)
		}
		for _, e := range statements {
			explained++
			where := name + " " + e.Policy.String() + " " + e.Statement.Sid
			if len(e.NeededBy) == 0 {
				t.Errorf("%s: needed by nothing", where)
			}
			if !slices.ContainsFunc(e.Sources, func(s string) bool { return strings.HasPrefix(s, "https://") }) {
				t.Errorf("%s: no https source among %q", where, e.Sources)
			}
		}
	}
	t.Logf("%d statements of %d pipelines explained", explained, len(requests))
}

func countStatements(r policy.Result) int {
	n := len(r.Document.Statement) + len(r.Roles.Trust.Statement)
	for _, docs := range []map[string]policy.Document{r.RolePolicies, r.Roles.ActionRoleTrust, r.Roles.BucketPolicies} {
		for _, d := range docs {
			n += len(d.Statement)
		}
	}
	for _, d := range []*policy.Document{r.Roles.KeyPolicy, r.Roles.EventRole, r.Roles.EventRoleTrust} {
		if d != nil {
			n += len(d.Statement)
		}
	}
	return n
}
