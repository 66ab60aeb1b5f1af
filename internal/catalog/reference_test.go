package catalog

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
)

// iamReference is testdata/iam-reference.json, the AWS Service Authorization
// Reference for the catalog's services; regenerate it with go generate.
type iamReference struct {
	Source struct {
		Package string `json:"package"`
		Version string `json:"version"`
	} `json:"source"`
	GlobalConditionKeys []string `json:"globalConditionKeys"`
	Services            map[string]struct {
		Actions map[string]struct {
			ResourceTypes []struct {
				Name     string `json:"name"`
				Required bool   `json:"required"`
			} `json:"resourceTypes"`
			ConditionKeys []string `json:"conditionKeys"`
		} `json:"actions"`
		ResourceTypes map[string]string `json:"resourceTypes"`
		ConditionKeys []string          `json:"conditionKeys"`
	} `json:"services"`
}

var loadReference = sync.OnceValues(func() (*iamReference, error) {
	b, err := os.ReadFile("testdata/iam-reference.json")
	if err != nil {
		return nil, err
	}
	var ref iamReference
	if err := json.Unmarshal(b, &ref); err != nil {
		return nil, err
	}
	return &ref, nil
})

func reference(t *testing.T) *iamReference {
	t.Helper()
	ref, err := loadReference()
	if err != nil {
		t.Fatalf("reading the IAM reference: %v", err)
	}
	return ref
}

func (r *iamReference) String() string { return r.Source.Package + " " + r.Source.Version }

// resourceFormats returns the ARN formats of the resource types the action
// accepts; known is false when the reference lacks the action.
func (r *iamReference) resourceFormats(action string) (formats []string, known bool) {
	service, name, _ := strings.Cut(action, ":")
	a, ok := r.Services[service].Actions[name]
	if !ok {
		return nil, false
	}
	for _, rt := range a.ResourceTypes {
		formats = append(formats, r.Services[service].ResourceTypes[rt.Name])
	}
	return formats, true
}

func TestActionsExistInReference(t *testing.T) {
	ref := reference(t)
	checked := map[string]bool{}
	statements(func(where string, s Statement) {
		for _, action := range s.Actions {
			checked[action] = true
			service, name, _ := strings.Cut(action, ":")
			svc, ok := ref.Services[service]
			if !ok {
				t.Errorf("%s: service %q of %s is not in %s; regenerate it (go generate)", where, service, action, ref)
				continue
			}
			if _, ok := svc.Actions[name]; ok {
				continue
			}
			hint := ""
			for known := range svc.Actions {
				if strings.EqualFold(known, name) {
					hint = fmt.Sprintf("; the reference spells it %s:%s", service, known)
				}
			}
			t.Errorf("%s: %s is not an IAM action in %s%s", where, action, ref, hint)
		}
	})
	t.Logf("checked %d distinct IAM actions against %s", len(checked), ref)
}

// The check asks whether a resource template, filled with sample values, and
// the reference's ARN format of a resource type can name one common ARN. Both
// are patterns over the six colon-separated ARN fields, compared field by
// field as IAM compares them. In the filled template "*" matches any run of
// characters (possibly empty) and "?" one character, as in a policy; in the
// format each ${Variable} matches one or more characters, except ${Account},
// which may be empty because AWS-owned resources such as the SSM document
// AWS-RunShellScript have ARNs without an account. Deciding that two such
// patterns intersect is exact (see patternsIntersect), so no sampling of "*"
// is involved.

var (
	// refPlaceholder matches catalog placeholders such as ${ProjectName} and
	// ${RoleArn.Account}.
	refPlaceholder = regexp.MustCompile(`\$\{([A-Za-z0-9]+)(?:\.([A-Za-z]+))?\}`)
	// arnVariable and keyVariable match the reference's variables; condition
	// keys are written both as aws:ResourceTag/${TagKey} and s3:RequestObjectTag/<key>.
	arnVariable = regexp.MustCompile(`\$\{[^}]*\}`)
	keyVariable = regexp.MustCompile(`\$\{[^}]*\}|<[^>]*>`)

	// sampleValues fill placeholders; any other one becomes "example". A
	// placeholder that stands for a whole ARN needs an entry here.
	sampleValues = map[string]string{
		"Partition":           "aws",
		"Region":              "us-east-1",
		"Account":             "111122223333",
		"ThisPipelineName":    "my-pipeline",
		"ArtifactKeyArn":      sampleKeyArn,
		"KMSEncryptionKeyARN": sampleKeyArn,
		"ActionRoleArn":       "arn:aws:iam::111122223333:role/example",
	}
)

const sampleKeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

// fill replaces each placeholder by a sample value. A field of an ARN-valued
// source (${RoleArn.Account}) takes the sample of that field.
func fill(template string) string {
	return refPlaceholder.ReplaceAllStringFunc(template, func(p string) string {
		m := refPlaceholder.FindStringSubmatch(p)
		name := m[1]
		if m[2] != "" {
			name = m[2]
		}
		if v, ok := sampleValues[name]; ok {
			return v
		}
		return "example"
	})
}

// A token is one element of a pattern: a literal byte, any one byte, or any
// run of bytes (possibly empty).
type token struct {
	kind byte // 'c' literal, '?' one byte, '*' any run
	c    byte
}

// globTokens reads a policy resource or condition key, where only * and ? are special.
func globTokens(s string) []token {
	var ts []token
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '?':
			ts = append(ts, token{kind: s[i]})
		default:
			ts = append(ts, token{kind: 'c', c: s[i]})
		}
	}
	return ts
}

// formatTokens reads a reference format: a variable is one byte and then any
// run, or only any run when optional says it may be empty.
func formatTokens(s string, variable *regexp.Regexp, optional func(string) bool) []token {
	var ts []token
	last := 0
	for _, loc := range variable.FindAllStringIndex(s, -1) {
		for i := last; i < loc[0]; i++ {
			ts = append(ts, token{kind: 'c', c: s[i]})
		}
		if optional == nil || !optional(s[loc[0]:loc[1]]) {
			ts = append(ts, token{kind: '?'})
		}
		ts = append(ts, token{kind: '*'})
		last = loc[1]
	}
	for i := last; i < len(s); i++ {
		ts = append(ts, token{kind: 'c', c: s[i]})
	}
	return ts
}

// patternsIntersect reports whether some string matches both patterns. It
// searches the product of the two automata: state (i, j) means a common
// prefix brought a to token i and b to token j.
func patternsIntersect(a, b []token) bool {
	type state struct{ i, j int }
	seen := map[state]bool{}
	stack := []state{{0, 0}}
	push := func(s state) {
		if !seen[s] {
			seen[s] = true
			stack = append(stack, s)
		}
	}
	// advance is the next token after consuming a byte: a run stays put.
	advance := func(ts []token, i int) int {
		if ts[i].kind == '*' {
			return i
		}
		return i + 1
	}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s.i == len(a) && s.j == len(b) {
			return true
		}
		if s.i < len(a) && a[s.i].kind == '*' {
			push(state{s.i + 1, s.j}) // the run ends here
		}
		if s.j < len(b) && b[s.j].kind == '*' {
			push(state{s.i, s.j + 1})
		}
		if s.i < len(a) && s.j < len(b) {
			ta, tb := a[s.i], b[s.j]
			if ta.kind != 'c' || tb.kind != 'c' || ta.c == tb.c {
				push(state{advance(a, s.i), advance(b, s.j)})
			}
		}
	}
	return false
}

// arnMatchesFormat compares a filled resource template with an ARN format
// field by field: a "*" in the region field cannot span into the account.
func arnMatchesFormat(arn, format string) bool {
	a, f := strings.SplitN(arn, ":", 6), strings.SplitN(format, ":", 6)
	if len(a) != 6 || len(f) != 6 {
		return false
	}
	accountMayBeEmpty := func(v string) bool { return v == "${Account}" }
	for i := range a {
		if !patternsIntersect(globTokens(a[i]), formatTokens(f[i], arnVariable, accountMayBeEmpty)) {
			return false
		}
	}
	return true
}

// beyondReference are (action, service of the ARN) pairs the reference does
// not list but an AWS page requires, with the page's reason.
var beyondReference = map[string]string{
	"codeconnections:UseConnection codestar-connections": "the CodestarConnectionSource page requires both actions on the connection's ARN whatever its prefix",
	"codestar-connections:UseConnection codeconnections": "the CodestarConnectionSource page requires both actions on the connection's ARN whatever its prefix",
}

func TestResourcesMatchReference(t *testing.T) {
	ref := reference(t)
	pairs := map[string]bool{}
	statements(func(where string, s Statement) {
		for _, action := range s.Actions {
			formats, known := ref.resourceFormats(action)
			if !known {
				continue // TestActionsExistInReference reports it.
			}
			for _, template := range s.Resources {
				if template == "*" {
					continue // TestWildcardResourceIsJustified checks it.
				}
				pairs[action+" "+template] = true
				if len(formats) == 0 {
					t.Errorf("%s: %s has no resource types in %s, so it is only granted on \"*\", not on %s",
						where, action, ref, template)
					continue
				}
				arn, matched := fill(template), false
				if parts := strings.SplitN(arn, ":", 4); len(parts) == 4 && beyondReference[action+" "+parts[2]] != "" {
					continue
				}
				for _, f := range formats {
					matched = matched || arnMatchesFormat(arn, f)
				}
				if !strings.HasPrefix(arn, "arn:") {
					t.Errorf("%s: %s on %s: the template is no ARN once filled (%s); give the placeholder a sample ARN in sampleValues",
						where, action, template, arn)
				} else if !matched {
					sort.Strings(formats)
					t.Errorf("%s: %s on %s (sample %s) matches none of its resource types in %s:\n\t%s",
						where, action, template, arn, ref, strings.Join(formats, "\n\t"))
				}
			}
		}
	})
	t.Logf("checked %d distinct (action, resource template) pairs against %s", len(pairs), ref)
}

func TestWildcardResourceIsJustified(t *testing.T) {
	ref := reference(t)
	statements(func(where string, s Statement) {
		wildcard := false
		for _, r := range s.Resources {
			wildcard = wildcard || r == "*"
		}
		if !wildcard || s.Note != "" {
			return
		}
		for _, action := range s.Actions {
			if formats, _ := ref.resourceFormats(action); len(formats) > 0 {
				t.Errorf("%s: grants %s on \"*\" without a note, but %s gives it resource types", where, action, ref)
			}
		}
	})
}

// TestConditionKeysInReference compares without case, as IAM does for
// condition key names. A placeholder in a key (aws:ResourceTag/${InstanceTagKey})
// is filled and matched against the reference's variable keys.
func TestConditionKeysInReference(t *testing.T) {
	ref := reference(t)
	statements(func(where string, s Statement) {
		for _, keys := range s.Condition {
			for key := range keys {
				service, _, _ := strings.Cut(key, ":")
				var known []string
				if service == "aws" {
					// Global keys, and the aws: keys the services list for their actions.
					known = append(known, ref.GlobalConditionKeys...)
					for _, action := range s.Actions {
						svc, _, _ := strings.Cut(action, ":")
						known = append(known, ref.Services[svc].ConditionKeys...)
					}
				} else if svc, ok := ref.Services[service]; ok {
					known = svc.ConditionKeys
				} else {
					t.Errorf("%s: service %q of condition key %s is not in %s; regenerate it (go generate)", where, service, key, ref)
					continue
				}
				used, found := globTokens(strings.ToLower(fill(key))), false
				for _, k := range known {
					found = found || patternsIntersect(used, formatTokens(strings.ToLower(k), keyVariable, nil))
				}
				if !found {
					t.Errorf("%s: condition key %s is not in %s", where, key, ref)
				}
			}
		}
	})
}

// TestPatternsIntersect pins the matcher on the catalog's kinds of templates.
func TestPatternsIntersect(t *testing.T) {
	for _, c := range []struct {
		arn, format string
		want        bool
	}{
		{"arn:aws:ecs:*:*:task/*/*", "arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}", true},
		{"arn:aws:ecs:*:*:task/*", "arn:${Partition}:ecs:${Region}:${Account}:task-definition/${Family}:${Revision}", false},
		{"arn:aws:logs:us-east-1:1:log-group:/aws/codepipeline/x:*", "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}", true},
		{"arn:aws:devicefarm:us-east-1:*:devicepool:*", "arn:${Partition}:devicefarm:${Region}:${Account}:devicepool:${ResourceId}", true},
		{"arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}", true},
		{"arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:${Partition}:ssm:${Region}:${Account}:document/", false},
		{"arn:aws:s3:::bucket", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", false},
		{"arn:aws:s3:::bucket/*", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", true},
		{"arn:aws:s3:::bucket/", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", false},
		{"arn:aws:iam::1:role/r", "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", true},
		{"arn:aws:iam:us-east-1:1:role/r", "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", false},
		{"arn:aws:sns:us-east-1:1:*", "arn:${Partition}:sns:${Region}:${Account}:${TopicName}", true},
		{"arn:aws:sns:us-east-1:*", "arn:${Partition}:sns:${Region}:${Account}:${TopicName}", false},
	} {
		if got := arnMatchesFormat(c.arn, c.format); got != c.want {
			t.Errorf("arnMatchesFormat(%s, %s) = %v, want %v", c.arn, c.format, got, c.want)
		}
	}
}
