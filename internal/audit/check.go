package audit

import (
	"encoding/json"
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

func newChecker(req Request, pipeline policy.Request, policies []iameval.Policy) checker {
	c := checker{prober: newProber(pipeline, req.Now, policies), policies: policies}
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
				neededBy := func() []policy.Origin { return built.NeededBy(s, action, resource) }
				verdict := c.judge(action, resource, s.Condition, c.regions(resource, neededBy))
				if verdict.allowed {
					continue
				}
				found[grantKey(sid, s.Condition, action, resource)] = Missing{Action: action, Resource: resource,
					NeededBy: neededBy(), Sources: built.Explain(s).Sources, Why: verdict.why, DeniedBy: verdict.deniedBy}
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
// condition in the regions and, when they do not, says why if there is more
// to say than that nothing allows it. A Deny is looked for first, whether or
// not anything allows the grant: while it stands, granting more does not help.
func (c checker) judge(action, resource string, condition map[string]map[string][]string, regions []string) verdict {
	probes := c.probes(action, resource, condition, regions)
	decisions, deny := c.decide(probes)
	if deny != nil {
		return *deny
	}
	wildcard := c.carving && resource != "*" && hasWildcard(resource)
	if wildcard {
		if v, found := c.partlyDenied(resource, probes); found {
			return v
		}
	}
	var denied []iameval.Request
	for i, probe := range probes {
		switch {
		case decisions[i] != iameval.Allowed:
			denied = append(denied, probe)
		case wildcard:
			if v := c.outsideNotResource(resource, probe); !v.allowed {
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
	if note := conditionNote(variedKeys(condition, regions), denied); note != "" {
		return verdict{why: policy.Text{note}}
	}
	return verdict{why: policy.Text{"allowed for only some of the resources " + resource + " stands for"}}
}

// decide evaluates the probes; a probe the documents deny explicitly ends
// it with the Deny that does.
func (c checker) decide(probes []iameval.Request) ([]iameval.Decision, *verdict) {
	decisions := make([]iameval.Decision, len(probes))
	for i, probe := range probes {
		if decisions[i] = iameval.EvaluateIdentity(c.policies, probe); decisions[i] == iameval.ExplicitDeny {
			ref := c.denial(probe)
			return nil, &verdict{why: append(policy.Text{"denied by "}, ref.Text()...), deniedBy: &ref}
		}
	}
	return decisions, nil
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

// partlyDenied finds a Deny that names some of the resources a wildcard of
// ours stands for, although it denies none of the probes.
func (c checker) partlyDenied(resource string, probes []iameval.Request) (verdict, bool) {
	for i, p := range c.policies {
		for j, s := range p.Statements {
			if s.Effect != "Deny" || !overlapsAny(resource, s.Resource) ||
				!slices.ContainsFunc(probes, func(probe iameval.Request) bool { return holdsForAnyResource(p, s, probe) }) {
				continue
			}
			ref := StatementRef{Document: i, Statement: j, Sid: s.Sid}
			return verdict{deniedBy: &ref, why: append(append(policy.Text{"partly denied by "}, ref.Text()...),
				", which names some of the resources "+resource+" stands for")}, true
		}
	}
	return verdict{}, false
}

// outsideNotResource checks an allowed probe for a wildcard resource: Allow
// statements that leave some of the resources out with NotResource make
// the grant incomplete although the probe itself is allowed.
func (c checker) outsideNotResource(resource string, probe iameval.Request) verdict {
	var partial *StatementRef
	for i, p := range c.policies {
		for j, s := range p.Statements {
			switch {
			case s.Effect != "Allow" || iameval.EvaluateIdentity(single(p, s), probe) != iameval.Allowed:
			case !overlapsAny(resource, s.NotResource):
				return verdict{allowed: true} // it allows the whole wildcard
			case partial == nil:
				partial = &StatementRef{Document: i, Statement: j, Sid: s.Sid}
			}
		}
	}
	if partial == nil {
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

// variedKeys returns the keys whose value differs between the probes of a
// grant: those with several values under a condition operator that is not a
// ...Like (whose request values are stand-ins, not the policy's), and
// aws:RequestedRegion when the grant is made in several regions.
func variedKeys(condition map[string]map[string][]string, regions []string) []string {
	var keys []string
	for operator, byKey := range condition {
		for key, values := range byKey {
			if len(values) > 1 && !strings.Contains(strings.ToLower(operator), "like") {
				keys = append(keys, key)
			}
		}
	}
	if len(regions) > 1 {
		keys = append(keys, requestedRegion)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// conditionNote names the values of the keys of the denied probes, for a
// grant the role allows for some values of a key but not others.
func conditionNote(keys []string, denied []iameval.Request) string {
	var parts []string
	for _, key := range keys {
		var values []string
		for _, probe := range denied {
			if v := probe.Context[key]; len(v) == 1 {
				values = append(values, strconv.Quote(v[0]))
			}
		}
		if len(values) > 0 {
			slices.Sort(values)
			parts = append(parts, key+" "+strings.Join(slices.Compact(values), " or "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "not allowed for " + strings.Join(parts, " and ")
}
