package iameval

import (
	"encoding/json"
	"os"
	"testing"
)

// FuzzParse checks that no document makes Parse, or the evaluation of what it
// accepts, panic. The seeds are the corpus's policies.
func FuzzParse(f *testing.F) {
	var cases struct {
		Cases []struct {
			Identity []json.RawMessage
			Resource json.RawMessage
		}
	}
	if data, err := os.ReadFile("testdata/corpus.json"); err == nil && json.Unmarshal(data, &cases) == nil {
		for i, c := range cases.Cases {
			if i%10 != 0 {
				continue // a sample keeps the seed corpus quick to run
			}
			for _, doc := range c.Identity {
				f.Add(string(doc))
			}
			if c.Resource != nil {
				f.Add(string(c.Resource))
			}
		}
	}
	f.Add(`{"Statement":{"Effect":"Allow","Action":"*","Resource":"arn:${a:${b}}:${*}::${x, 'y'}:*"}}`)
	req := Request{
		Principal: "arn:aws:sts::111122223333:assumed-role/r/s",
		Action:    "s3:GetObject",
		Resource:  "arn:aws:s3:::artifacts/a/b",
		Context:   map[string][]string{"aws:username": {"a"}, "aws:TagKeys": {"x", "y"}, "aws:SourceIp": {"10.0.0.1"}},
	}
	f.Fuzz(func(t *testing.T, doc string) {
		p, err := Parse(doc)
		if err != nil {
			return
		}
		policies := []Policy{p}
		EvaluateIdentity(policies, req)
		EvaluateResource(policies, req)
		Access(policies, policies, req, "")
		_ = CheckIdentity(p)
		_ = CheckResource(p)
	})
}
