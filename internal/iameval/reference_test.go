package iameval

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval/internal/corpus"
)

// expectedFile is testdata/expected.json: the decisions of the reference
// simulator on each corpus case, written by `make iam-simulate`.
type expectedFile struct {
	Source struct {
		Package  string            `json:"package"`
		Versions map[string]string `json:"versions"`
	} `json:"source"`
	Cases []struct {
		Name string `json:"name"`
		corpus.Decisions
	} `json:"cases"`
}

func readJSON(t *testing.T, path string, v any) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}

// TestCorpusIsCurrent fails when the generator changed without the corpus
// being written again.
func TestCorpusIsCurrent(t *testing.T) {
	want, err := corpus.Marshal(corpus.Build())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("testdata/corpus.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("testdata/corpus.json differs from what the generator builds: run 'make iam-simulate'")
	}
}

// TestMatchesReference evaluates every corpus case and compares the
// decisions with the reference simulator's, or with AWS's where the corpus
// records a disagreement with the reference.
func TestMatchesReference(t *testing.T) {
	var cases struct{ Cases []corpus.Case }
	readJSON(t, "testdata/corpus.json", &cases)
	var expected expectedFile
	readJSON(t, "testdata/expected.json", &expected)
	if len(expected.Cases) != len(cases.Cases) {
		t.Fatalf("expected.json has %d cases, corpus.json %d: run 'make iam-simulate'", len(expected.Cases), len(cases.Cases))
	}
	compared, agreed := 0, 0
	for i, c := range cases.Cases {
		ref := expected.Cases[i]
		if ref.Name != c.Name {
			t.Fatalf("case %d is %q in corpus.json and %q in expected.json: run 'make iam-simulate'", i, c.Name, ref.Name)
		}
		got := decide(t, c)
		want := ref.Decisions
		if c.Disagreement != nil {
			if want == c.Disagreement.AWS {
				t.Errorf("%s: the reference now agrees with AWS (%+v): drop the disagreement", c.Name, want)
			}
			want = c.Disagreement.AWS
		} else {
			compared++
		}
		if got != want {
			t.Errorf("%s:\n  got  %+v\n  want %+v", c.Name, got, want)
		} else if c.Disagreement == nil {
			agreed++
		}
	}
	t.Logf("%d of %d cases compared with %s agree; %d held to AWS where the reference departs from it",
		agreed, compared, expected.Source.Package, len(cases.Cases)-compared)
}

func decide(t *testing.T, c corpus.Case) corpus.Decisions {
	t.Helper()
	docs := make([]string, len(c.Identity))
	for i, raw := range c.Identity {
		docs[i] = string(raw)
	}
	identity, err := ParseAll(docs)
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	var resource []Policy
	if c.Resource != nil {
		p, err := Parse(string(c.Resource))
		if err != nil {
			t.Fatalf("%s: resource policy: %v", c.Name, err)
		}
		resource = []Policy{p}
	}
	req := Request{Principal: c.Request.Principal, Action: c.Request.Action, Resource: c.Request.Resource, Context: c.Request.Context}
	d := corpus.Decisions{
		Identity: EvaluateIdentity(identity, req).String(),
		Access:   Access(identity, resource, req, c.Request.ResourceAccount).String(),
	}
	if resource != nil {
		d.Resource = EvaluateResource(resource, req).String()
	}
	return d
}
