package policy

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// everyProvider selects every action type of the catalog once.
func everyProvider() []string {
	var keys []string
	for _, at := range catalog.All() {
		keys = append(keys, at.Key())
	}
	return keys
}

// TestSeedDocumentIsTheFloor checks that for each service of the seed document
// the policy of its provider grants every action the document lists.
func TestSeedDocumentIsTheFloor(t *testing.T) {
	raw, err := os.ReadFile("testdata/seed_statements.json")
	if err != nil {
		t.Fatal(err)
	}
	var seed struct{ Services map[string][]string }
	if err := json.Unmarshal(raw, &seed); err != nil {
		t.Fatal(err)
	}
	if len(seed.Services) != 13 {
		t.Fatalf("the seed document covers 13 services, testdata has %d", len(seed.Services))
	}
	for provider, actions := range seed.Services {
		result := Build(Request{ActionProviders: []string{provider}})
		granted := result.Document.Actions()
		for _, action := range actions {
			if !slices.Contains(granted, action) {
				t.Errorf("%s: the seed document lists %s, the policy does not grant it", provider, action)
			}
		}
	}
}

// TestOutputIgnoresOrderAndRepeats builds the same selection in many orders,
// with repeats and with bare and qualified names mixed, and expects the same bytes.
func TestOutputIgnoresOrderAndRepeats(t *testing.T) {
	base := []string{"S3", "CodeCommit", "CodeBuild", "Deploy/ECS", "CloudFormation", "StepFunctions", "Manual"}
	req := goldenContext(base...)
	req.ArtifactStores = append(req.ArtifactStores, ArtifactStore{Location: "second-region-artifacts", Region: "us-east-1"})
	want := Build(req).Document.JSON()

	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		shuffled := append(slices.Clone(base), base[rng.IntN(len(base))], "Build/CodeBuild", "Test/CodeBuild", "Source/S3", "Deploy/S3")
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		r := req
		r.ActionProviders = shuffled
		r.ArtifactStores = slices.Clone(req.ArtifactStores)
		rng.Shuffle(len(r.ArtifactStores), func(a, b int) { r.ArtifactStores[a], r.ArtifactStores[b] = r.ArtifactStores[b], r.ArtifactStores[a] })
		if got := Build(r).Document.JSON(); got != want {
			t.Fatalf("order %v gave a different policy:\n%s\nwant:\n%s", shuffled, got, want)
		}
	}
}

var (
	sidPattern    = regexp.MustCompile(`^[A-Za-z0-9]+$`)
	actionPattern = regexp.MustCompile(`^[a-z0-9-]+:[A-Za-z0-9]+$`)
)

// TestPolicyInvariants checks, for every action type alone and all together,
// what a reviewer relies on in every policy.
func TestPolicyInvariants(t *testing.T) {
	selections := [][]string{everyProvider()}
	for _, key := range everyProvider() {
		selections = append(selections, []string{key})
	}
	for _, selection := range selections {
		for _, req := range []Request{goldenContext(selection...), {ActionProviders: selection}} {
			doc := Build(req).Document
			if len(selection) > 1 {
				// All action types together exceed the inline quota; the document is
				// still built before the size check and must be just as sound.
				doc = assemble(req).Document
			}
			assertInvariants(t, selection, doc)
		}
	}
}

func assertInvariants(t *testing.T, selection []string, doc Document) {
	t.Helper()
	if !strings.HasPrefix(doc.MinifiedJSON(), `{"Version":"2012-10-17","Statement":[`) {
		t.Errorf("%v: document must start with Version: %.60s", selection, doc.MinifiedJSON())
	}
	sids := map[string]bool{}
	for _, s := range doc.Statement {
		if !sidPattern.MatchString(s.Sid) || sids[s.Sid] {
			t.Errorf("%v: Sid %q is not a unique alphanumeric Sid", selection, s.Sid)
		}
		sids[s.Sid] = true
		for _, a := range s.Action {
			if !actionPattern.MatchString(a) {
				t.Errorf("%v: %s grants %q, which is not one exact IAM action", selection, s.Sid, a)
			}
		}
		if slices.Contains(s.Action, "iam:PassRole") {
			services := s.Condition["StringEquals"]["iam:PassedToService"]
			if len(services) == 0 || len(s.Action) != 1 {
				t.Errorf("%v: %s grants iam:PassRole without limiting iam:PassedToService", selection, s.Sid)
			}
		}
		if !slices.IsSorted(s.Action) || !slices.IsSorted(s.Resource) || len(s.Resource) == 0 {
			t.Errorf("%v: %s must have sorted actions and sorted, non-empty resources", selection, s.Sid)
		}
		for _, r := range s.Resource {
			if strings.Contains(r, "${") {
				t.Errorf("%v: %s has an unfilled placeholder in %q", selection, s.Sid, r)
			}
		}
	}
}

// TestMergeKeepsExactGrants checks that merging never grants an action on a
// resource that no catalog statement paired it with.
func TestMergeKeepsExactGrants(t *testing.T) {
	req := goldenContext(everyProvider()...)
	p, _ := prepare(req)
	rendered, _ := p.render()
	pairs := func(statements []Statement) map[string]bool {
		set := map[string]bool{}
		for _, s := range statements {
			for _, a := range s.Action {
				for _, r := range s.Resource {
					set[a+" "+r+" "+conditionKey(s.Condition)] = true
				}
			}
		}
		return set
	}
	before, after := pairs(rendered), pairs(merge(rendered))
	for p := range after {
		if !before[p] {
			t.Errorf("merged policy grants %s, which no statement asked for", p)
		}
	}
	for p := range before {
		if !after[p] && !strings.Contains(p, " * ") {
			// A pair may only disappear when "*" for the same action covers it.
			t.Errorf("merged policy lost %s", p)
		}
	}
}
