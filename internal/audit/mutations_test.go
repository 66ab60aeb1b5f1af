package audit

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy/policytest"
)

const mutationCases = 400

// TestMutationsAgreeWithEvaluator mutates the built policies of the
// realistic pipelines the way hand-written roles differ from them (dropped
// statements and actions, service wildcards, NotAction, NotResource, Deny
// statements on all or part of a grant with or without an Allow, conditions
// on keys the audit supplies and on others) and checks every needed grant
// against the evaluator on concrete requests of its own: a grant the audit
// finds allowed is allowed, one it finds missing is not, and one that some
// Deny denies is missing with DeniedBy set. Adding missing_policy_json then
// completes the role exactly when no Deny is in the way.
func TestMutationsAgreeWithEvaluator(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 115))
	pipelines := realisticPipelines(t)
	kinds := map[string]int{}
	grants, blocked := 0, 0
	for i := range mutationCases {
		p := pipelines[rng.IntN(len(pipelines))]
		w := newWorld(rng, p)
		for n := 1 + rng.IntN(3); n > 0; n-- {
			m := mutations[rng.IntN(len(mutations))]
			if m.apply(w) {
				w.applied = append(w.applied, m.name)
				kinds[m.name]++
			}
		}
		name := fmt.Sprintf("case %d (%s, role %q: %s)", i, p.name, w.req.ServiceRoleARN, strings.Join(w.applied, ", "))
		result := Audit(Request{Pipeline: w.req, Documents: w.documents(), Now: testNow})
		if policy.HasError(result.Problems) {
			t.Fatalf("%s: %+v", name, result.Problems)
		}
		grants += checkAgainstEvaluator(t, name, w, p.built, result)
		if checkAttaching(t, name, w, result) {
			blocked++
		}
	}
	t.Logf("%d mutated roles of %d realistic pipelines, %d grants checked against the evaluator; %d roles with a grant "+
		"a Deny blocks, which missing_policy_json alone does not complete; mutations applied: %v",
		mutationCases, len(pipelines), grants, blocked, kinds)
}

// pipelineCase is a realistic pipeline with its built policy.
type pipelineCase struct {
	name  string
	req   policy.Request
	built policy.Result
}

func realisticPipelines(t *testing.T) []pipelineCase {
	var out []pipelineCase
	realistic := policytest.Realistic()
	for _, name := range slices.Sorted(maps.Keys(realistic)) {
		req := realistic[name]
		built := policy.Build(req)
		if policy.HasError(built.Problems) {
			t.Fatalf("%s: %+v", name, built.Problems)
		}
		out = append(out, pipelineCase{name, req, built})
	}
	return out
}

// stmt is a statement of a hand-written document, with the elements the
// built policy never uses.
type stmt struct {
	Sid         string                         `json:"Sid,omitempty"`
	Effect      string                         `json:"Effect"`
	Action      []string                       `json:"Action,omitempty"`
	NotAction   []string                       `json:"NotAction,omitempty"`
	Resource    []string                       `json:"Resource,omitempty"`
	NotResource []string                       `json:"NotResource,omitempty"`
	Condition   map[string]map[string][]string `json:"Condition,omitempty"`
}

// world is one mutated role: its statements, split over documents, and
// the grants of the built policy a mutation aimed at.
type world struct {
	rng        *rand.Rand
	req        policy.Request
	grants     []grant
	statements []stmt
	split      int // statements before this index go to the first document
	applied    []string
}

func newWorld(rng *rand.Rand, p pipelineCase) *world {
	w := &world{rng: rng, req: p.req, grants: grantsOf(p.built.Document)}
	if rng.IntN(2) == 0 {
		w.req.ServiceRoleARN = "arn:aws:iam::" + p.req.AccountID + ":role/service-role/pipeline"
	}
	for _, s := range p.built.Document.Statement {
		w.statements = append(w.statements, stmt{Sid: s.Sid, Effect: s.Effect, Action: slices.Clone(s.Action),
			Resource: slices.Clone(s.Resource), Condition: cloneCondition(s.Condition)})
	}
	w.split = rng.IntN(len(w.statements) + 1)
	return w
}

func (w *world) documents() []string {
	var out []string
	for _, part := range [][]stmt{w.statements[:min(w.split, len(w.statements))], w.statements[min(w.split, len(w.statements)):]} {
		if len(part) > 0 {
			b, _ := json.Marshal(map[string]any{"Version": policy.Version, "Statement": part})
			out = append(out, string(b))
		}
	}
	if len(out) == 0 {
		out = []string{doc(allow(`"sns:Publish"`, `"*"`))} // the role grants nothing the pipeline needs
	}
	return out
}

// statementAt returns the statement a reference points at.
func (w *world) statementAt(ref StatementRef) (stmt, bool) {
	first, i := min(w.split, len(w.statements)), ref.Statement
	if ref.Document == 1 || first == 0 {
		i += first
	}
	if i >= len(w.statements) {
		return stmt{}, false
	}
	return w.statements[i], true
}

func (w *world) pick() grant { return w.grants[w.rng.IntN(len(w.grants))] }

// pickWildcard returns a random grant whose resource narrow can carve, if
// the built policy has one.
func (w *world) pickWildcard() (grant, bool) {
	var wild []grant
	for _, g := range w.grants {
		if narrow(g.resource) != "" {
			wild = append(wild, g)
		}
	}
	if len(wild) == 0 {
		return grant{}, false
	}
	return wild[w.rng.IntN(len(wild))], true
}

// allowing returns the index of a random Allow statement, or -1.
func (w *world) allowing() int {
	var allows []int
	for i, s := range w.statements {
		if s.Effect == "Allow" && len(s.Action) > 0 {
			allows = append(allows, i)
		}
	}
	if len(allows) == 0 {
		return -1
	}
	return allows[w.rng.IntN(len(allows))]
}

func (w *world) add(s stmt) {
	if w.rng.IntN(2) == 0 {
		s.Sid = fmt.Sprintf("Added%d", len(w.statements))
	}
	w.statements = append(w.statements, s)
}

// withhold removes an action from every Allow statement that names it.
func (w *world) withhold(action string) {
	for i, s := range w.statements {
		if s.Effect == "Allow" {
			w.statements[i].Action = slices.DeleteFunc(s.Action, func(a string) bool { return a == action })
		}
	}
	w.statements = slices.DeleteFunc(w.statements, func(s stmt) bool { return len(s.Action) == 0 && s.NotAction == nil })
}

// narrow names part of what a wildcard resource stands for: its last '*'
// becomes "prod-*". It returns "" for a resource without one.
func narrow(resource string) string {
	i := strings.LastIndex(resource, "*")
	if i < 0 || resource == "*" || strings.Contains(resource, "${") {
		return ""
	}
	return resource[:i] + "prod-*" + resource[i+1:]
}

func service(action string) string { s, _, _ := strings.Cut(action, ":"); return s }

func cloneCondition(c map[string]map[string][]string) map[string]map[string][]string {
	if c == nil {
		return nil
	}
	out := map[string]map[string][]string{}
	for op, keys := range c {
		out[op] = maps.Clone(keys)
	}
	return out
}

// mutation changes a world; apply reports whether it could.
type mutation struct {
	name  string
	apply func(w *world) bool
}

var mutations = []mutation{
	{"drop statement", func(w *world) bool {
		if len(w.statements) == 0 {
			return false
		}
		i := w.rng.IntN(len(w.statements))
		w.statements = slices.Delete(w.statements, i, i+1)
		return true
	}},
	{"drop action", func(w *world) bool { w.withhold(w.pick().action); return true }},
	{"service wildcard", func(w *world) bool {
		i := w.allowing()
		if i < 0 {
			return false
		}
		s := &w.statements[i]
		var wild []string
		for _, a := range s.Action {
			wild = append(wild, service(a)+":*")
		}
		slices.Sort(wild)
		s.Action = slices.Compact(wild)
		return true
	}},
	{"NotAction", func(w *world) bool {
		i := w.allowing()
		if i < 0 {
			return false
		}
		s := &w.statements[i]
		s.NotAction = []string{s.Action[w.rng.IntN(len(s.Action))]}
		if w.rng.IntN(2) == 0 {
			s.NotAction = []string{service(s.NotAction[0]) + ":DeleteEverything"}
		}
		s.Action = nil
		return true
	}},
	{"NotResource", func(w *world) bool {
		g, ok := w.pickWildcard()
		if !ok {
			return false
		}
		w.withhold(g.action)
		w.add(stmt{Effect: "Allow", Action: []string{g.action}, NotResource: []string{narrow(g.resource)}})
		return true
	}},
	{"narrow resource", func(w *world) bool {
		i := w.allowing()
		if i < 0 {
			return false
		}
		for j, r := range w.statements[i].Resource {
			if n := narrow(r); n != "" {
				w.statements[i].Resource[j] = n
				return true
			}
		}
		return false
	}},
	{"Deny all of a grant", func(w *world) bool {
		g := w.pick()
		w.add(stmt{Effect: "Deny", Action: []string{g.action}, Resource: []string{g.resource}})
		return true
	}},
	{"Deny part of a grant", func(w *world) bool { return denyPart(w, false) }},
	{"Deny part of a missing grant", func(w *world) bool { return denyPart(w, true) }},
	{"Deny outside part of a grant", func(w *world) bool {
		g, ok := w.pickWildcard()
		if !ok {
			return false
		}
		w.add(stmt{Effect: "Deny", Action: []string{service(g.action) + ":*"}, NotResource: []string{narrow(g.resource)}})
		return true
	}},
	{"condition on a supplied key", func(w *world) bool { return condition(w, supplied(w.req)) }},
	{"condition on another key", func(w *world) bool { return condition(w, unsupplied) }},
	{"conditioned Deny", func(w *world) bool {
		g := w.pick()
		keys := supplied(w.req)
		if w.rng.IntN(3) == 0 {
			keys = unsupplied
		}
		c := keys[w.rng.IntN(len(keys))]
		w.add(stmt{Effect: "Deny", Action: []string{service(g.action) + ":*"}, Resource: []string{"*"},
			Condition: map[string]map[string][]string{c.operator: {c.key: c.values}}})
		return true
	}},
}

// denyPart denies part of a wildcard grant, and withholds the grant's
// Allow when missing is set.
func denyPart(w *world, missing bool) bool {
	g, ok := w.pickWildcard()
	if !ok {
		return false
	}
	part := narrow(g.resource)
	action := g.action
	if w.rng.IntN(3) == 0 {
		action = service(action) + ":*"
	}
	if missing {
		w.withhold(g.action)
	}
	w.add(stmt{Effect: "Deny", Action: []string{action}, Resource: []string{part}})
	return true
}

// condition adds a condition to a random statement.
func condition(w *world, keys []keyCondition) bool {
	if len(w.statements) == 0 {
		return false
	}
	s := &w.statements[w.rng.IntN(len(w.statements))]
	c := keys[w.rng.IntN(len(keys))]
	if s.Condition == nil {
		s.Condition = map[string]map[string][]string{}
	}
	if s.Condition[c.operator] == nil {
		s.Condition[c.operator] = map[string][]string{}
	}
	s.Condition[c.operator][c.key] = c.values
	return true
}

// keyCondition is a condition on one key.
type keyCondition struct {
	operator, key string
	values        []string
}

// supplied are conditions on the keys the audit supplies, some that hold
// for the service role's requests and some that do not. The region
// conditions name every region of the pipeline or none, so they hold the
// same for every call whichever region it is made in.
func supplied(req policy.Request) []keyCondition {
	regions := []string{req.Region}
	for _, s := range req.ArtifactStores {
		regions = append(regions, s.Region)
	}
	for _, a := range req.PipelineActions {
		regions = append(regions, a.Region)
	}
	for _, r := range req.PipelineRules {
		regions = append(regions, r.Region)
	}
	regions = slices.DeleteFunc(regions, func(r string) bool { return r == "" })
	return []keyCondition{
		{"Bool", "aws:SecureTransport", []string{"true"}},
		{"Bool", "aws:SecureTransport", []string{"false"}},
		{"ArnLike", "aws:PrincipalArn", []string{"arn:aws:iam::*:role/service-role/*"}},
		{"ArnEquals", "aws:PrincipalArn", []string{"arn:aws:iam::" + req.AccountID + ":role/service-role/pipeline"}},
		{"ArnLike", "aws:PrincipalArn", []string{"arn:aws:iam::*:role/other"}},
		{"StringEquals", "aws:PrincipalAccount", []string{req.AccountID}},
		{"StringEquals", "aws:PrincipalAccount", []string{"999988887777"}},
		{"StringEquals", "aws:PrincipalType", []string{"AssumedRole"}},
		{"StringEquals", "aws:PrincipalType", []string{"User"}},
		{"StringEquals", "aws:RequestedRegion", regions},
		{"StringEquals", "aws:RequestedRegion", []string{"ap-south-2"}},
		{"StringNotEquals", "aws:RequestedRegion", regions},
		{"DateLessThan", "aws:CurrentTime", []string{"2030-01-01T00:00:00Z"}},
		{"DateGreaterThan", "aws:CurrentTime", []string{"2030-01-01T00:00:00Z"}},
		{"DateGreaterThan", "aws:CurrentTime", []string{"2020-01-01T00:00:00Z"}},
		{"NumericLessThan", "aws:EpochTime", []string{"1900000000"}},
		{"NumericLessThan", "aws:EpochTime", []string{"1700000000"}},
	}
}

// unsupplied are conditions on keys the audit leaves out: a plain operator
// fails, a negated or IfExists one holds.
var unsupplied = []keyCondition{
	{"IpAddress", "aws:SourceIp", []string{"10.0.0.0/8"}},
	{"NotIpAddress", "aws:SourceIp", []string{"10.0.0.0/8"}},
	{"StringNotEquals", "aws:SourceVpc", []string{"vpc-1234"}},
	{"StringEquals", "aws:PrincipalTag/team", []string{"build"}},
	{"BoolIfExists", "aws:MultiFactorAuthPresent", []string{"true"}},
}

// checkAgainstEvaluator judges every grant of the built policy on concrete
// requests: its resource with each wildcard filled in, in the region its
// resource names (else the pipeline's), with each value of its condition,
// and the keys every request of the role's session carries. It returns the
// number of grants checked.
func checkAgainstEvaluator(t *testing.T, name string, w *world, built policy.Result, result Result) int {
	t.Helper()
	policies, err := iameval.ParseAll(w.documents())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	missing, checked := map[grant]Missing{}, 0
	for _, m := range result.Missing {
		missing[grant{sid: catalogSid(m.Sid), action: m.Action, resource: m.Resource}] = m
	}
	for _, s := range built.Document.Statement {
		for _, action := range s.Action {
			for _, resource := range s.Resource {
				m, isMissing := missing[grant{sid: catalogSid(s.Sid), action: action, resource: resource}]
				decisions := decideSamples(policies, w.req, action, resource, s.Condition, w.carving())
				checkGrant(t, fmt.Sprintf("%s: %s on %s", name, action, resource), w, decisions, m, isMissing)
				checked++
			}
		}
	}
	return checked
}

func checkGrant(t *testing.T, name string, w *world, decisions []iameval.Decision, m Missing, isMissing bool) {
	t.Helper()
	allowed := !slices.ContainsFunc(decisions, func(d iameval.Decision) bool { return d != iameval.Allowed })
	explicit := slices.Contains(decisions, iameval.ExplicitDeny)
	switch {
	case allowed == isMissing:
		t.Fatalf("%s: the evaluator decides %v, the audit reports missing %v (%s)", name, decisions, isMissing, m.Reason())
	case explicit != (m.DeniedBy != nil):
		t.Fatalf("%s: the evaluator decides %v, the audit names the Deny %v: %s", name, decisions, m.DeniedBy, m.Reason())
	case m.DeniedBy != nil:
		if s, ok := w.statementAt(*m.DeniedBy); !ok || s.Effect != "Deny" {
			t.Fatalf("%s: DeniedBy %+v is not a Deny statement: %+v", name, *m.DeniedBy, s)
		}
	}
}

// decideSamples evaluates the concrete requests of a grant: its resource
// with each wildcard filled in, and one that also matches each pattern that
// may carve part of it out.
func decideSamples(policies []iameval.Policy, req policy.Request, action, resource string,
	condition map[string]map[string][]string, carving []string) []iameval.Decision {
	samples := []string{fillWith(resource, "a"), fillWith(resource, "prod-1")}
	for _, pattern := range carving {
		if s, ok := witness([]rune(resource), []rune(pattern)); ok && resource != "*" {
			samples = append(samples, s)
		}
	}
	var out []iameval.Decision
	for i, r := range slices.Compact(samples) {
		for _, ctx := range sampleContexts(req, resource, condition, []string{"a", "prod-1"}[min(i, 1)]) {
			out = append(out, iameval.EvaluateIdentity(policies, iameval.Request{Action: action, Resource: r, Context: ctx}))
		}
	}
	return out
}

// carving returns the resource patterns that may leave out part of a
// wildcard of the built policy: a Deny's, a NotResource's, and the narrowed
// resources of Allow statements.
func (w *world) carving() []string {
	var out []string
	for _, s := range w.statements {
		out = append(out, s.NotResource...)
		if s.Effect == "Deny" || slices.ContainsFunc(s.Resource, func(r string) bool { return strings.Contains(r, "prod-") }) {
			out = append(out, s.Resource...)
		}
	}
	return out
}

// witness returns a string both glob patterns match, if there is one; a
// character both wildcards may read is 'a'.
func witness(ours, theirs []rune) (string, bool) {
	if len(ours) == 0 && len(theirs) == 0 {
		return "", true
	}
	if len(ours) > 0 && ours[0] == '*' {
		if s, ok := witness(ours[1:], theirs); ok {
			return s, true
		}
	}
	if len(theirs) > 0 && theirs[0] == '*' {
		if s, ok := witness(ours, theirs[1:]); ok {
			return s, true
		}
	}
	if len(ours) == 0 || len(theirs) == 0 {
		return "", false
	}
	c, ok := common(ours[0], theirs[0])
	if !ok {
		return "", false
	}
	s, ok := witness(rest(ours), rest(theirs))
	return string(c) + s, ok
}

// common is a character two pattern characters both accept.
func common(a, b rune) (rune, bool) {
	wild := func(r rune) bool { return r == '*' || r == '?' }
	switch {
	case wild(a) && wild(b):
		return 'a', true
	case wild(a):
		return b, true
	case wild(b) || a == b:
		return a, true
	}
	return 0, false
}

// rest is a pattern after reading one character: a star may read more.
func rest(p []rune) []rune {
	if p[0] == '*' {
		return p
	}
	return p[1:]
}

// fillWith replaces each wildcard of a pattern with text.
func fillWith(pattern, text string) string {
	pattern = strings.NewReplacer("${*}", "\x00", "${?}", "\x01", "${$}", "$").Replace(pattern)
	pattern = strings.NewReplacer("*", text, "?", "a").Replace(pattern)
	return strings.NewReplacer("\x00", "*", "\x01", "?").Replace(pattern)
}

// sampleContexts returns a context per combination of the condition's
// values, with the keys AWS documents for every request of a role session.
func sampleContexts(req policy.Request, resource string, condition map[string]map[string][]string, filler string) []map[string][]string {
	base := map[string][]string{"aws:SecureTransport": {"true"}, "aws:PrincipalType": {"AssumedRole"},
		"aws:CurrentTime": {"2026-01-15T09:00:00Z"}, "aws:EpochTime": {"1768467600"}}
	if req.AccountID != "" {
		base["aws:PrincipalAccount"] = []string{req.AccountID}
	}
	if req.ServiceRoleARN != "" {
		base["aws:PrincipalArn"] = []string{req.ServiceRoleARN}
	}
	base["aws:RequestedRegion"] = []string{req.Region}
	if fields := strings.Split(resource, ":"); len(fields) > 3 && fields[3] != "" && !strings.ContainsAny(fields[3], "*?") {
		base["aws:RequestedRegion"] = []string{fields[3]}
	}
	contexts := []map[string][]string{base}
	for operator, keys := range condition { // the built policy uses no negated operator
		for key, values := range keys {
			var next []map[string][]string
			for _, ctx := range contexts {
				for _, v := range values {
					if strings.HasSuffix(operator, "Like") {
						v = fillWith(v, filler)
					}
					c := maps.Clone(ctx)
					c[key] = []string{v}
					next = append(next, c)
				}
			}
			contexts = next
		}
	}
	return contexts
}

// checkAttaching audits again with missing_policy_json added: the role is
// then complete exactly when no Deny blocks a missing grant. It reports
// whether the role stays incomplete.
func checkAttaching(t *testing.T, name string, w *world, result Result) bool {
	t.Helper()
	if result.Complete {
		return false
	}
	blocked := slices.ContainsFunc(result.Missing, func(m Missing) bool { return m.DeniedBy != nil })
	again := Audit(Request{Pipeline: w.req, Documents: append(w.documents(), result.MissingPolicy.JSON()), Now: testNow})
	if again.Complete == blocked {
		t.Fatalf("%s: after adding missing_policy_json complete is %v, but a Deny blocks a grant: %v\nmissing then: %+v",
			name, again.Complete, blocked, again.Missing)
	}
	for _, m := range again.Missing {
		if m.DeniedBy == nil {
			t.Fatalf("%s: after adding missing_policy_json, %s on %s is missing with no Deny in the way: %s", name, m.Action, m.Resource, m.Reason())
		}
	}
	return blocked
}
