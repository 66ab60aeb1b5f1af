package audit

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// checker judges the grants of the built policy against the documents.
type checker struct {
	prober
	policies []iameval.Policy
	// carving is true when a Deny or a NotResource could leave out part of
	// what a wildcard of ours stands for.
	carving bool
}

func newChecker(req policy.Request, policies []iameval.Policy) checker {
	c := checker{prober: newProber(req, policies), policies: policies}
	for _, p := range policies {
		c.carving = c.carving || slices.ContainsFunc(p.Statements, func(s iameval.Statement) bool {
			return s.Effect == "Deny" || s.NotResource != nil
		})
	}
	return c
}

// missing judges every grant of the built policy and gathers those the
// documents do not allow into a policy of their own.
func (c checker) missing(built policy.Result) Result {
	found := map[string]Missing{}
	var grants []policy.Statement
	for _, s := range built.Document.Statement {
		sid := catalogSid(s.Sid)
		for _, action := range s.Action {
			for _, resource := range s.Resource {
				verdict := c.judge(action, resource, s.Condition)
				if verdict.allowed {
					continue
				}
				found[grantKey(sid, s.Condition, action, resource)] = Missing{Action: action, Resource: resource,
					NeededBy: built.NeededBy(s, action, resource), Why: verdict.why, DeniedBy: verdict.deniedBy}
				grants = append(grants, policy.Statement{Sid: sid, Effect: "Allow", Action: []string{action},
					Resource: []string{resource}, Condition: s.Condition})
			}
		}
	}
	if len(grants) == 0 {
		return Result{Complete: true}
	}
	doc := policy.NewDocument(grants)
	result := Result{MissingPolicy: &doc}
	for _, s := range doc.Statement {
		sid := catalogSid(s.Sid)
		for _, action := range s.Action {
			for _, resource := range s.Resource {
				m := found[grantKey(sid, s.Condition, action, resource)]
				m.Sid = s.Sid
				result.Missing = append(result.Missing, m)
			}
		}
	}
	return result
}

// catalogSid is a statement's Sid without the number merging adds to a
// repeated one: catalog Sids never end in a digit.
func catalogSid(sid string) string { return strings.TrimRight(sid, "0123456789") }

func grantKey(sid string, condition map[string]map[string][]string, action, resource string) string {
	cond, _ := json.Marshal(condition) // map keys are sorted: a canonical form
	return strings.Join([]string{sid, string(cond), action, resource}, "\x00")
}

// verdict is what the documents make of one grant: allowed, or why not.
type verdict struct {
	allowed  bool
	why      policy.Text
	deniedBy *StatementRef
}

// judge decides whether the documents allow action on resource under
// condition and, when they do not, says why if there is more to say than
// that nothing allows it.
func (c checker) judge(action, resource string, condition map[string]map[string][]string) verdict {
	probes := c.probes(action, resource, condition)
	var denied []iameval.Request
	for _, probe := range probes {
		switch iameval.EvaluateIdentity(c.policies, probe) {
		case iameval.ExplicitDeny:
			ref := c.denial(probe)
			return verdict{why: append(policy.Text{"denied by "}, ref.Text()...), deniedBy: &ref}
		case iameval.ImplicitDeny:
			denied = append(denied, probe)
			continue
		}
		if c.carving && resource != "*" && hasWildcard(resource) {
			if v := c.carvedOut(resource, probe); !v.allowed {
				return v
			}
		}
	}
	switch {
	case len(denied) == 0:
		return verdict{allowed: true}
	case len(denied) == len(probes):
		return verdict{} // nothing allows it
	}
	if note := conditionNote(condition, denied); note != "" {
		return verdict{why: policy.Text{note}}
	}
	return verdict{why: policy.Text{"allowed for only some of the resources " + resource + " stands for"}}
}

// denial points at the first statement that denies the probe.
func (c checker) denial(probe iameval.Request) StatementRef {
	for i, p := range c.policies {
		for j, s := range p.Statements {
			if s.Effect == "Deny" && iameval.EvaluateIdentity(single(p, s), probe) == iameval.ExplicitDeny {
				return StatementRef{Document: i, Statement: j, Sid: s.Sid}
			}
		}
	}
	panic("audit: an explicit deny without a Deny statement")
}

// carvedOut checks an allowed probe for a wildcard resource: a Deny that
// names some of the resources the wildcard stands for, or Allow statements
// that leave some of them out with NotResource, make the grant incomplete
// although the probe itself is allowed.
func (c checker) carvedOut(resource string, probe iameval.Request) verdict {
	whole := false
	var partial *StatementRef
	for i, p := range c.policies {
		for j, s := range p.Statements {
			switch {
			case s.Effect == "Deny" && overlapsAny(resource, s.Resource) && holdsForAnyResource(p, s, probe):
				ref := StatementRef{Document: i, Statement: j, Sid: s.Sid}
				return verdict{deniedBy: &ref, why: append(append(policy.Text{"partly denied by "}, ref.Text()...),
					", which names some of the resources "+resource+" stands for")}
			case s.Effect != "Allow" || iameval.EvaluateIdentity(single(p, s), probe) != iameval.Allowed:
			case overlapsAny(resource, s.NotResource):
				if partial == nil {
					partial = &StatementRef{Document: i, Statement: j, Sid: s.Sid}
				}
			default:
				whole = true
			}
		}
	}
	if whole || partial == nil {
		return verdict{allowed: true}
	}
	return verdict{why: append(partial.Text(), " allows it only outside its NotResource, which names some of the resources "+
		resource+" stands for")}
}

// holdsForAnyResource reports whether the statement's actions and condition
// apply to the probe, whatever its Resource says.
func holdsForAnyResource(p iameval.Policy, s iameval.Statement, probe iameval.Request) bool {
	allow := iameval.Statement{Effect: "Allow", Action: s.Action, NotAction: s.NotAction, Resource: []string{"*"}, Condition: s.Condition}
	probe.Resource = "*"
	return iameval.EvaluateIdentity(single(p, allow), probe) == iameval.Allowed
}

func single(p iameval.Policy, s iameval.Statement) []iameval.Policy {
	return []iameval.Policy{{Version: p.Version, Statements: []iameval.Statement{s}}}
}

func overlapsAny(ours string, theirs []string) bool {
	return slices.ContainsFunc(theirs, func(t string) bool { return overlaps(ours, t) })
}

// conditionNote names the condition values of the denied probes, for a
// grant the role allows for some values of a condition key but not others.
func conditionNote(condition map[string]map[string][]string, denied []iameval.Request) string {
	var parts []string
	for _, operator := range slices.Sorted(maps.Keys(condition)) {
		if strings.Contains(strings.ToLower(operator), "like") {
			continue // its request values are stand-ins, not the policy's
		}
		for _, key := range slices.Sorted(maps.Keys(condition[operator])) {
			if len(condition[operator][key]) < 2 {
				continue
			}
			var values []string
			for _, probe := range denied {
				if v := probe.Context[key]; len(v) == 1 {
					values = append(values, strconv.Quote(v[0]))
				}
			}
			if len(values) == 0 {
				continue
			}
			slices.Sort(values)
			parts = append(parts, key+" "+strings.Join(slices.Compact(values), " or "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "not allowed for " + strings.Join(parts, " and ")
}
