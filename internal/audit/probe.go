package audit

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// A probe is one request to the evaluator that stands for a grant of the
// built policy: the grant's resource with its wildcards filled in, and one
// value of each of its condition keys.

// prober makes the probes of grants, with stand-ins that no text of the
// existing documents can match except through a wildcard.
type prober struct {
	principal string // the service role's ARN; "" when the account is unknown
	account   string
	fresh     rune // a character no document contains
	long      int  // longer than any string of the documents
}

// placeholderRole stands for the service role when the request does not name it.
const placeholderRole = "codepipeline-service-role"

func newProber(req policy.Request, policies []iameval.Policy) prober {
	p := prober{principal: req.ServiceRoleARN, account: req.AccountID, long: 2}
	if parsed, err := arn.Parse(p.principal); err == nil {
		p.account = parsed.AccountID
	} else if p.account != "" {
		p.principal = "arn:" + cmp.Or(req.Partition, policy.DefaultPartition) + ":iam::" + p.account + ":role/" + placeholderRole
	}
	used := map[rune]bool{}
	for _, s := range documentStrings(policies) {
		p.long = max(p.long, utf8.RuneCountInString(s)+1)
		for _, r := range s {
			used[r] = true
		}
	}
	// Private-use characters appear in no ARN, name or condition value a service makes.
	for p.fresh = '\uE000'; used[p.fresh]; p.fresh++ {
	}
	return p
}

// documentStrings returns every string of the documents a probe is matched against.
func documentStrings(policies []iameval.Policy) []string {
	var out []string
	for _, p := range policies {
		for _, s := range p.Statements {
			out = slices.Concat(out, s.Action, s.NotAction, s.Resource, s.NotResource)
			for _, keys := range s.Condition {
				for key, values := range keys {
					out = append(append(out, key), values...)
				}
			}
		}
	}
	return out
}

// probes returns the requests that stand for granting action on resource
// under condition: one per combination of condition values and, for a
// resource with wildcards, per stand-in length.
func (p prober) probes(action, resource string, condition map[string]map[string][]string) []iameval.Request {
	resources := []string{resource} // "*": actions without resource types are requested on "*"
	if resource != "*" && hasWildcard(resource) {
		resources = []string{p.fill(resource, 1), p.fill(resource, p.long)}
	}
	var out []iameval.Request
	for _, r := range resources {
		for _, ctx := range p.contexts(condition) {
			out = append(out, iameval.Request{Principal: p.principal, Action: action, Resource: r, Context: ctx})
		}
	}
	return out
}

// contexts returns one request context per combination of the condition's
// values, each satisfying it, plus the principal's keys.
func (p prober) contexts(condition map[string]map[string][]string) []map[string][]string {
	base := map[string][]string{}
	if p.principal != "" {
		base["aws:PrincipalArn"] = []string{p.principal}
		base["aws:PrincipalAccount"] = []string{p.account}
	}
	contexts := []map[string][]string{base}
	for _, operator := range slices.Sorted(maps.Keys(condition)) {
		if strings.Contains(strings.ToLower(operator), "not") {
			continue // a negated operator holds when its key is absent
		}
		like := strings.HasSuffix(strings.ToLower(strings.TrimSuffix(operator, "IfExists")), "like")
		for _, key := range slices.Sorted(maps.Keys(condition[operator])) {
			var next []map[string][]string
			for _, ctx := range contexts {
				for _, value := range p.values(condition[operator][key], like) {
					c := maps.Clone(ctx)
					c[key] = []string{value}
					next = append(next, c)
				}
			}
			contexts = next
		}
	}
	return contexts
}

// values returns the request values that stand for a condition's values:
// under a ...Like operator, each pattern's stand-ins.
func (p prober) values(values []string, like bool) []string {
	if !like {
		return values
	}
	var out []string
	for _, v := range values {
		out = append(out, p.fill(v, 1), p.fill(v, p.long))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// fill replaces each '*' of a pattern with run fresh characters and each '?'
// with one; the escapes ${*}, ${?} and ${$} become the characters themselves.
func (p prober) fill(pattern string, run int) string {
	var b strings.Builder
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case isEscape(pattern[i:]):
			b.WriteByte(pattern[i+2])
			i += 3
		case c == '*':
			b.WriteString(strings.Repeat(string(p.fresh), run))
		case c == '?':
			b.WriteRune(p.fresh)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isEscape reports whether s starts with ${*}, ${?} or ${$}, the way IAM
// writes those characters literally.
func isEscape(s string) bool {
	return len(s) >= 4 && s[:2] == "${" && strings.ContainsRune("*?$", rune(s[2])) && s[3] == '}'
}

// hasWildcard reports whether a resource of the built policy stands for more
// than one resource.
func hasWildcard(pattern string) bool {
	for i := 0; i < len(pattern); i++ {
		if isEscape(pattern[i:]) {
			i += 3
		} else if pattern[i] == '*' || pattern[i] == '?' {
			return true
		}
	}
	return false
}
