package policy

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden policies under policytest/testdata/golden")

// sharedTestdata holds the test data policytest shares with other packages.
const sharedTestdata = "policytest/testdata"

// goldenContext is the pipeline every golden policy is built for.
func goldenContext(providers ...string) Request {
	return Request{
		ActionProviders: providers,
		ArtifactStores: []ArtifactStore{{
			Location:        "codepipeline-artifacts-example",
			EncryptionKeyID: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		}},
		Region:    "eu-west-1",
		AccountID: "111122223333",
	}
}

// TestGoldenPolicies renders one policy per action type; the files under
// policytest/testdata/golden are reviewed by eye and rewritten with -update.
func TestGoldenPolicies(t *testing.T) {
	for _, at := range catalog.All() {
		t.Run(at.Category+"_"+at.Provider, func(t *testing.T) {
			result := Build(goldenContext(at.Key()))
			if HasError(result.Problems) {
				t.Fatalf("unexpected problems: %+v", result.Problems)
			}
			assertGolden(t, at.Category+"_"+at.Provider+".json", result.Document.JSON())
		})
	}
}

// TestGoldenRulePolicies renders one policy per stage-condition rule type,
// configured with valid values, next to a source that grants nothing.
func TestGoldenRulePolicies(t *testing.T) {
	for _, rt := range catalog.Rules() {
		t.Run(rt.Provider, func(t *testing.T) {
			req := goldenContext("Source/GitHub")
			rule := PipelineRule{Name: "Gate", Provider: rt.Provider, Configuration: map[string]string{}}
			for _, k := range rt.ConfigKeys {
				if k.Required {
					rule.Configuration[k.Name] = sampleConfigValue(k, 1)
				}
			}
			req.PipelineRules = []PipelineRule{rule}
			result := Build(req)
			if HasError(result.Problems) {
				t.Fatalf("unexpected problems: %+v", result.Problems)
			}
			assertGolden(t, "Rule_"+rt.Provider+".json", result.Document.JSON())
		})
	}
}

func TestGoldenUnscopedPolicy(t *testing.T) {
	result := Build(Request{ActionProviders: []string{"CodeStarSourceConnection", "CodeBuild", "Deploy/ECS"}})
	assertGolden(t, "unscoped_connection_codebuild_ecs.json", result.Document.JSON())
}

func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join(sharedTestdata, "golden", name)
	if *update {
		if err := os.WriteFile(file, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/policy -update to create it)", err)
	}
	if got != strings.TrimSuffix(string(want), "\n") {
		t.Errorf("policy differs from %s (review, then rerun with -update):\n%s", file, got)
	}
}
