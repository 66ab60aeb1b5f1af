package policy

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// compactStatement is a Statement as IAM reads it: a list of one value may be
// that value.
type compactStatement struct {
	Sid       string                    `json:"Sid"`
	Effect    string                    `json:"Effect"`
	Principal map[string]any            `json:"Principal,omitempty"`
	Action    any                       `json:"Action"`
	Resource  any                       `json:"Resource,omitempty"`
	Condition map[string]map[string]any `json:"Condition,omitempty"`
}

// oneOrMany is a list of one value as that value, other lists as they are.
func oneOrMany(values []string) any {
	if len(values) == 1 {
		return values[0]
	}
	return values
}

func compactLists(m map[string][]string) map[string]any {
	if m == nil {
		return nil
	}
	out := map[string]any{}
	for k, v := range m {
		out[k] = oneOrMany(v)
	}
	return out
}

func compact(d Document) any {
	statements := []compactStatement(nil)
	if d.Statement != nil {
		statements = []compactStatement{}
	}
	for _, s := range d.Statement {
		c := compactStatement{Sid: s.Sid, Effect: s.Effect, Principal: compactLists(s.Principal), Action: oneOrMany(s.Action)}
		if len(s.Resource) > 0 {
			c.Resource = oneOrMany(s.Resource)
		}
		if s.Condition != nil {
			c.Condition = map[string]map[string]any{}
			for operator, entries := range s.Condition {
				c.Condition[operator] = compactLists(entries)
			}
		}
		statements = append(statements, c)
	}
	return struct {
		Version   string             `json:"Version"`
		Statement []compactStatement `json:"Statement"`
	}{d.Version, statements}
}

// stdlibForms are the minified and indented forms encoding/json gives a
// document with its lists of one value written as that value: the forms
// encode must give byte for byte.
func stdlibForms(t *testing.T, d Document) (string, string) {
	t.Helper()
	var minified bytes.Buffer
	enc := json.NewEncoder(&minified)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(compact(d)); err != nil {
		t.Fatal(err)
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, bytes.TrimSuffix(minified.Bytes(), []byte("\n")), "", "  "); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(minified.String(), "\n"), indented.String()
}

// TestEncodeMatchesEncodingJSON compares the encoder with encoding/json on
// every realistic and golden policy, the other documents, and random
// documents whose strings hold every kind of character JSON escapes.
func TestEncodeMatchesEncodingJSON(t *testing.T) {
	var docs []Document
	for _, req := range realisticPipelines {
		r := Build(req)
		docs = append(docs, r.Document, r.Roles.Trust)
		for _, d := range r.RolePolicies {
			docs = append(docs, d)
		}
	}
	for _, key := range everyProvider() {
		docs = append(docs, Build(goldenContext(key)).Document)
	}
	cross := Build(crossAccountRequest())
	for _, d := range []*Document{cross.Roles.KeyPolicy, cross.Roles.EventRole, cross.Roles.EventRoleTrust} {
		docs = append(docs, *d)
	}
	for _, d := range cross.Roles.BucketPolicies {
		docs = append(docs, d)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		docs = append(docs, randomDocument(rng))
	}
	docs = append(docs, Document{Version: Version}, Document{Version: Version, Statement: []Statement{{Sid: "Empty", Effect: "Allow"}}},
		Document{Version: Version, Statement: []Statement{{Sid: "EmptyLists", Effect: "Allow", Action: []string{},
			Principal: map[string][]string{"AWS": nil}, Condition: map[string]map[string][]string{"Null": {}}}}})
	for i, d := range docs {
		minified, indented := stdlibForms(t, d)
		gotMin, gotInd := d.encode(true)
		if gotMin != minified || gotInd != indented {
			t.Fatalf("document %d:\nencode:\n%s\n%s\nencoding/json:\n%s\n%s", i, gotMin, gotInd, minified, indented)
		}
		if alone, _ := d.encode(false); alone != minified {
			t.Fatalf("document %d: minified alone differs: %s", i, alone)
		}
	}
}

// randomDocument has statements of random strings: plain, quoted, escaped,
// control characters, HTML, non-ASCII, the line separators JSON escapes, and
// invalid UTF-8.
func randomDocument(rng *rand.Rand) Document {
	pieces := []string{"arn:aws:s3:::bucket/*", `"`, `\`, "\n", "\t", "\b", "\f", "\r", "\x00", "\x1f", "<&>", "é", "日本",
		"\u2028", "\u2029", "\xff", "\xe2\x80", " ", "${*}", "#{v.x}"}
	str := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	list := func() []string {
		if rng.IntN(5) == 0 {
			return nil
		}
		out := make([]string, rng.IntN(3))
		for i := range out {
			out[i] = str()
		}
		return out
	}
	d := Document{Version: str()}
	for range rng.IntN(4) {
		s := Statement{Sid: str(), Effect: str(), Action: list(), Resource: list()}
		if rng.IntN(2) == 0 {
			s.Principal = map[string][]string{str(): list(), str(): list()}
		}
		if rng.IntN(2) == 0 {
			s.Condition = map[string]map[string][]string{str(): {str(): list(), str(): list()}, str(): {str(): list()}}
		}
		d.Statement = append(d.Statement, s)
	}
	return d
}
