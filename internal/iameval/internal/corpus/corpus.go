// Package corpus builds the cases on which internal/iameval is compared with
// the reference simulator: policies and requests chosen to cover every
// operator, matching rule and principal form, built deterministically so that
// testdata/corpus.json is the same on every run.
package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Request is the request of a case; ResourceAccount owns the resource.
type Request struct {
	Principal       string              `json:"principal"`
	Action          string              `json:"action"`
	Resource        string              `json:"resource"`
	ResourceAccount string              `json:"resourceAccount"`
	Context         map[string][]string `json:"context,omitempty"`
}

// Case is one request against identity policies and, optionally, a
// resource policy.
type Case struct {
	Name     string            `json:"name"`
	Identity []json.RawMessage `json:"identity"`
	Resource json.RawMessage   `json:"resource,omitempty"`
	Request  Request           `json:"request"`
	// Disagreement is set on the few cases where the reference departs from
	// the AWS documentation: the tests hold the evaluator to AWS there.
	Disagreement *Disagreement `json:"disagreement,omitempty"`
}

// Disagreement says why the reference is not followed, and what AWS decides.
type Disagreement struct {
	Reason string    `json:"reason"`
	AWS    Decisions `json:"aws"`
}

// Decisions are the three decisions of a case, as Decision.String spells them.
type Decisions struct {
	Identity string `json:"identity"`
	Resource string `json:"resource,omitempty"`
	Access   string `json:"access"`
}

// Accounts, callers and resources the cases share.
const (
	accountA = "111122223333"
	accountB = "444455556666"
	roleA    = "arn:aws:iam::111122223333:role/pipeline-role"
	sessionA = "arn:aws:sts::111122223333:assumed-role/pipeline-role/build-42"
	userA    = "arn:aws:iam::111122223333:user/alice"
	roleB    = "arn:aws:iam::444455556666:role/deployer"
	sessionB = "arn:aws:sts::444455556666:assumed-role/deployer/deploy-7"
	service  = "codepipeline.amazonaws.com"
	object   = "arn:aws:s3:::artifacts/build/app.zip"
	bucket   = "arn:aws:s3:::artifacts"
	project  = "arn:aws:codebuild:us-east-1:111122223333:project/build-app"
	keyARN   = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	target   = "arn:aws:iam::111122223333:role/target-role"
)

// Build returns every case, in a fixed order, with unique names.
func Build() []Case {
	var b builder
	b.conditions()
	b.setOperators()
	b.actions()
	b.resources()
	b.variables()
	b.precedence()
	b.principals()
	b.trust()
	b.session()
	b.disagreements()
	for name := range disagreementFor {
		if !b.names[name] {
			panic("disagreement for a case that does not exist: " + name)
		}
	}
	return b.cases
}

// Marshal writes the corpus one case a line, so that a change shows as the
// cases it changes.
func Marshal(cases []Case) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("{\n  \"cases\": [\n")
	for i, c := range cases {
		line, err := json.Marshal(c)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.Name, err)
		}
		buf.WriteString("    ")
		buf.Write(line)
		if i < len(cases)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("  ]\n}\n")
	return buf.Bytes(), nil
}

type builder struct {
	cases []Case
	names map[string]bool
}

func (b *builder) add(c Case) {
	if b.names == nil {
		b.names = map[string]bool{}
	}
	if b.names[c.Name] {
		panic("duplicate case name " + c.Name)
	}
	b.names[c.Name] = true
	if d, ok := disagreementFor[c.Name]; ok {
		c.Disagreement = &d
	}
	if c.Identity == nil {
		c.Identity = []json.RawMessage{}
	}
	b.cases = append(b.cases, c)
}

// identity adds a case with identity policies only, called by the pipeline
// role on a resource of its own account.
func (b *builder) identity(name, action, resource string, ctx map[string][]string, policies ...json.RawMessage) {
	b.add(Case{
		Name:     name,
		Identity: policies,
		Request:  Request{Principal: roleA, Action: action, Resource: resource, ResourceAccount: accountA, Context: ctx},
	})
}

// statement is one policy statement; doc wraps statements in a 2012-10-17 policy.
type statement map[string]any

func doc(statements ...statement) json.RawMessage {
	return docVersion("2012-10-17", statements...)
}

func docVersion(version string, statements ...statement) json.RawMessage {
	d := map[string]any{"Statement": statements}
	if version != "" {
		d["Version"] = version
	}
	raw, err := json.Marshal(d)
	if err != nil {
		panic(err)
	}
	return raw
}

func allow(action, resource any) statement {
	return statement{"Effect": "Allow", "Action": action, "Resource": resource}
}

func deny(action, resource any) statement {
	return statement{"Effect": "Deny", "Action": action, "Resource": resource}
}

func (s statement) with(key string, value any) statement {
	out := statement{}
	for k, v := range s {
		out[k] = v
	}
	out[key] = value
	return out
}

func (s statement) when(operator, key string, values any) statement {
	return s.with("Condition", map[string]any{operator: map[string]any{key: values}})
}

// ctx builds a request context of single-valued keys from key, value pairs.
func ctx(pairs ...string) map[string][]string {
	out := map[string][]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		out[pairs[i]] = []string{pairs[i+1]}
	}
	return out
}

// show writes a policy value as JSON, for case names.
func show(v any) string {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(raw)
}
