package audit

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
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
	req       policy.Request
	principal string              // the service role's ARN; "" when not given
	session   map[string][]string // the keys every request of the role's session carries that a document names
	regional  bool                // a document names aws:RequestedRegion
	fresh     rune                // a character no document contains
	long      int                 // longer than any string of the documents
}

func newProber(req policy.Request, now time.Time, policies []iameval.Policy) prober {
	p := prober{req: req, session: sessionContext(req, now), long: 2}
	if _, err := arn.Parse(req.ServiceRoleARN); err == nil {
		p.principal = req.ServiceRoleARN
	}
	used := map[rune]bool{}
	texts := documentStrings(policies)
	for _, s := range texts {
		p.long = max(p.long, utf8.RuneCountInString(s)+1)
		for _, r := range s {
			used[r] = true
		}
	}
	// A key no document names, in a condition or a variable, cannot change a
	// decision: leaving it out keeps every request small.
	named := strings.ToLower(strings.Join(texts, "\x00"))
	maps.DeleteFunc(p.session, func(key string, _ []string) bool { return !strings.Contains(named, strings.ToLower(key)) })
	p.regional = strings.Contains(named, strings.ToLower(requestedRegion))
	// Private-use characters appear in no ARN, name or condition value a service makes.
	for p.fresh = '\uE000'; used[p.fresh]; p.fresh++ {
	}
	return p
}

// sessionContext returns the keys AWS puts in every request the service
// role's session makes, with the values the inputs tell: a key whose value
// is not known (the role's ARN, the account, the time) is left out.
func sessionContext(req policy.Request, now time.Time) map[string][]string {
	ctx := map[string][]string{"aws:SecureTransport": {"true"}, "aws:PrincipalType": {"AssumedRole"}}
	account := req.AccountID
	if role, err := arn.Parse(req.ServiceRoleARN); err == nil {
		ctx["aws:PrincipalArn"] = []string{req.ServiceRoleARN} // a session's aws:PrincipalArn is its role's ARN
		account = role.AccountID
	}
	if account != "" {
		ctx["aws:PrincipalAccount"] = []string{account}
	}
	if !now.IsZero() {
		ctx["aws:CurrentTime"] = []string{now.UTC().Format(time.RFC3339)}
		ctx["aws:EpochTime"] = []string{strconv.FormatInt(now.Unix(), 10)}
	}
	return ctx
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
// under condition in the given regions: one per region and combination of
// condition values and, for a resource with wildcards, per stand-in length.
func (p prober) probes(action, resource string, condition map[string]map[string][]string, regions []string) []iameval.Request {
	resources := []string{resource} // "*": actions without resource types are requested on "*"
	if resource != "*" && hasWildcard(resource) {
		resources = []string{p.fill(resource, 1), p.fill(resource, p.long)}
	}
	var out []iameval.Request
	for _, r := range resources {
		for _, ctx := range p.contexts(condition, regions) {
			out = append(out, iameval.Request{Principal: p.principal, Action: action, Resource: r, Context: ctx})
		}
	}
	return out
}

// contexts returns one request context per region and combination of the
// condition's values, each satisfying it, with the session's keys.
func (p prober) contexts(condition map[string]map[string][]string, regions []string) []map[string][]string {
	contexts := []map[string][]string{p.session}
	if len(regions) > 0 {
		contexts = nil
		for _, region := range regions {
			c := maps.Clone(p.session)
			c[requestedRegion] = []string{region}
			contexts = append(contexts, c)
		}
	}
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
