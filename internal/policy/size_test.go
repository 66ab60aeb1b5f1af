package policy

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// worstCaseRequest is a realistic worst case: every action type three times,
// each naming its own resources in every key that scopes a grant.
func worstCaseRequest() Request {
	req := goldenContext()
	req.PipelineName = "everything-pipeline"
	for _, at := range catalog.All() {
		for i := 1; i <= 3; i++ {
			config := map[string]string{}
			for _, k := range at.ConfigKeys {
				config[k.Name] = sampleConfigValue(k, i)
			}
			req.PipelineActions = append(req.PipelineActions, PipelineAction{
				Name: fmt.Sprintf("%s%d", at.Provider, i), Category: at.Category, Owner: at.Owner, Provider: at.Provider, Configuration: config,
			})
		}
	}
	return req
}

func TestWorstCaseSize(t *testing.T) {
	result := assemble(worstCaseRequest())
	t.Logf("worst case: %d statements, %d characters", len(result.Document.Statement), result.Document.Size())
}

func TestSplitFitsManagedPolicies(t *testing.T) {
	doc := assemble(worstCaseRequest()).Document
	parts := doc.Split(ManagedPolicyLimit)
	t.Logf("worst case of %d characters splits into %d managed policies", doc.Size(), len(parts))
	var statements int
	for i, p := range parts {
		if p.Size() > ManagedPolicyLimit {
			t.Errorf("part %d has %d characters", i, p.Size())
		}
		statements += len(p.Statement)
	}
	if statements != len(doc.Statement) || len(parts) < 2 {
		t.Errorf("%d parts with %d statements; want the %d statements in several parts", len(parts), statements, len(doc.Statement))
	}
	if got := Build(goldenContext("CodeBuild")).Document; len(got.Split(ManagedPolicyLimit)) != 1 {
		t.Error("a policy that fits stays one document")
	}
}

func TestSplitDividesOversizedStatements(t *testing.T) {
	var stores []ArtifactStore
	for i := 0; i < 300; i++ {
		stores = append(stores, ArtifactStore{Location: fmt.Sprintf("artifact-bucket-%03d", i)})
	}
	doc := assemble(Request{ActionProviders: []string{"CodeBuild"}, ArtifactStores: stores}).Document
	for i, p := range doc.Split(ManagedPolicyLimit) {
		if p.Size() > ManagedPolicyLimit {
			t.Errorf("part %d has %d characters", i, p.Size())
		}
	}
}

func TestWorstCaseSaysWhatToDo(t *testing.T) {
	req := worstCaseRequest()
	result := Build(req)
	parts := len(assemble(req).Document.Split(ManagedPolicyLimit))
	advice := fmt.Sprintf("Set SplitForManagedPolicies = true: Documents then holds %d documents", parts)
	if !HasError(result.Problems) || parts < 3 || !strings.Contains(result.Problems[len(result.Problems)-1].Detail.String(), advice) {
		t.Fatalf("want an error that says how to split into %d parts, got %+v", parts, result.Problems)
	}
	req.SplitForManagedPolicies = true
	result = Build(req)
	if HasError(result.Problems) || len(result.Documents) != parts {
		t.Fatalf("split: %d documents, problems %+v", len(result.Documents), result.Problems)
	}
}

func TestSizeOfCountsCharactersNotBytes(t *testing.T) {
	for text, want := range map[string]int{`{"a":"b"}`: 9, "{\"a\":\"b c\"}": 10, "{\"é\":\"\u00a0x\"}": 9, "\t\n\v\f\r ": 0} {
		if got := sizeOf(text); got != want {
			t.Errorf("sizeOf(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestEstimatedSizeIsAnUpperBound(t *testing.T) {
	for _, req := range []Request{worstCaseRequest(), goldenContext("CodeBuild"), realisticPipelines["connection_codebuild_ecs_bluegreen"]} {
		doc := assemble(req).Document
		if got, est := len(doc.MinifiedJSON()), doc.estimatedSize(); got > est || est > got+got/5 {
			t.Errorf("estimated %d for a document of %d bytes", est, got)
		}
	}
}
