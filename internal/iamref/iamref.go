// Package iamref holds the extract of the AWS Service Authorization Reference
// that the catalog is tested against (iam-reference.json, written by `make
// iam-reference`) and decides whether a policy resource can name an ARN of a
// resource type. Tests use it; the provider does not.
package iamref

import (
	_ "embed"
	"encoding/json"
	"regexp"
	"strings"
	"sync"
)

// Reference is the extract: per service, its actions with the resource types
// they are authorized against, the ARN format of each type, and condition keys.
type Reference struct {
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

//go:embed iam-reference.json
var extract []byte

// Load reads the extract.
var Load = sync.OnceValues(func() (*Reference, error) {
	var ref Reference
	if err := json.Unmarshal(extract, &ref); err != nil {
		return nil, err
	}
	return &ref, nil
})

func (r *Reference) String() string { return r.Source.Package + " " + r.Source.Version }

// ResourceFormats returns the ARN formats of the resource types the action
// accepts; known is false when the reference lacks the action.
func (r *Reference) ResourceFormats(action string) (formats []string, known bool) {
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

var (
	arnVariable = regexp.MustCompile(`\$\{[^}]*\}`)
	// Condition keys are written both as aws:ResourceTag/${TagKey} and s3:RequestObjectTag/<key>.
	keyVariable = regexp.MustCompile(`\$\{[^}]*\}|<[^>]*>`)
)

// KeyMatches reports whether a condition key used in a policy (with * and ?
// as wildcards) can be one the reference lists, compared without case.
func KeyMatches(used, listed string) bool {
	return patternsIntersect(globTokens(strings.ToLower(used)), formatTokens(strings.ToLower(listed), keyVariable, nil))
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

// MatchesFormat reports whether a policy resource (with * and ? as
// wildcards) can name an ARN of the reference's format, compared field by
// field: a "*" in the region field cannot span into the account. A format's
// ${Account} may be empty: AWS-owned resources such as the SSM document
// AWS-RunShellScript have none.
func MatchesFormat(arn, format string) bool {
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
	return typeLiteral(a[5], f[5])
}

// typeLiteral reports whether a policy resource field leaves the format's
// resource type as literal text: IAM reads no wildcard in the resource type
// ("autoScalingGroup:", "loadbalancer/"), so "*Name/x" or "load*/x" names
// nothing. A field that is "*" alone stands for every resource.
func typeLiteral(field, format string) bool {
	if field == "*" {
		return true
	}
	prefix := format
	if loc := arnVariable.FindStringIndex(format); loc != nil {
		prefix = format[:loc[0]]
	}
	return !strings.ContainsAny(field[:min(len(field), len(prefix))], "*?")
}
