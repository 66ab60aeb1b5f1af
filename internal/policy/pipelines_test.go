package policy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realisticPipelines are policytest's realistic pipelines, read from its
// file: this package's tests cannot import policytest, which imports it.
var realisticPipelines = func() map[string]Request {
	b, err := os.ReadFile(filepath.Join(sharedTestdata, "realistic.json"))
	if err != nil {
		panic(err)
	}
	var pipelines map[string]Request
	if err := json.Unmarshal(b, &pipelines); err != nil {
		panic(err)
	}
	return pipelines
}()

func TestGoldenRealisticPipelines(t *testing.T) {
	for name, req := range realisticPipelines {
		t.Run(name, func(t *testing.T) {
			result := Build(req)
			if HasError(result.Problems) {
				t.Fatalf("unexpected problems: %+v", result.Problems)
			}
			assertGolden(t, "pipeline_"+name+".json", result.Document.JSON())
			for role, doc := range result.RolePolicies {
				assertGolden(t, "pipeline_"+name+"_role_"+role[strings.LastIndex(role, "/")+1:]+".json", doc.JSON())
			}
		})
	}
}
