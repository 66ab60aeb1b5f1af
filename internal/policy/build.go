package policy

import (
	"maps"
	"slices"
	"strings"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// IAM quotas on policy size, in characters without whitespace.
const (
	ManagedPolicyLimit = 6144  // one customer managed policy
	InlinePolicyLimit  = 10240 // all inline policies of one role together
)

// Result is a built policy and what the builder noticed on the way.
type Result struct {
	// Pipeline is the request the result is built from, with a pipeline
	// definition or stages read into its actions, rules and other parts.
	Pipeline Request
	// Document is the service role's policy; Rendered is its JSON.
	Document Document
	Rendered Rendered
	// Documents is Document split into managed-policy-sized parts when the
	// request asks for it, or Document alone.
	Documents []Document
	// RolePolicies holds, per action role ARN, the policy that role needs for
	// the actions and rules that declare it.
	RolePolicies map[string]Document
	// ManagedPolicyARNs are the AWS managed policies to attach to the service
	// role in place of statements, with UseAWSManagedPolicies; sorted.
	ManagedPolicyARNs []string
	// Roles are the pipeline's other IAM documents.
	Roles Roles
	// Unscoped lists the statements that more input would narrow.
	Unscoped []Unscoped
	// Advice holds what is true of every plan of this configuration, such
	// as a grant another role needs: no change to the inputs ends it, so it
	// is not a warning.
	Advice   []Problem
	Problems []Problem
	// rendered are the service role's statements before merging, each
	// knowing what it is rendered for; NeededBy reads them.
	rendered []Statement
	// renderedRoles and renderedEvent are the same for the action roles'
	// policies and the event role's; roleOrigins names the actions and rules
	// of each action role, eventOrigins the sources that need the event role.
	renderedRoles map[string][]Statement
	renderedEvent []Statement
	roleOrigins   map[string][]Origin
	eventOrigins  []Origin
}

// Unscoped is a part of a statement that is wider than it would be with more
// input, and the input that would narrow it.
type Unscoped struct {
	// Policy points at the document that holds the statement: the service
	// role's Document, a RolePolicies entry or the EventRole.
	Policy    Path
	Sid       string
	Actions   []string
	Resources []string
	Reason    Text
}

// Build validates the request and renders its policies. When Problems holds an
// error, the documents are empty.
func Build(req Request) Result {
	p, problems := prepare(req)
	if HasError(problems) {
		return Result{Problems: problems}
	}
	result := p.assemble()
	result.Rendered = result.Document.Render()
	result.Pipeline = p.req
	result.Problems = append(problems, p.described.problems(p.sizeProblems(result))...)
	result.Advice = p.described.problems(p.advice())
	for i := range result.Unscoped {
		result.Unscoped[i].Reason = p.described.text(result.Unscoped[i].Reason)
	}
	if HasError(result.Problems) {
		return Result{Problems: result.Problems}
	}
	return result
}

// assemble renders the policies of a checked request, without judging them.
func (p *plan) assemble() Result {
	service, byRole := p.render()
	result := Result{Document: NewDocument(service), rendered: service, ManagedPolicyARNs: p.managedPolicyARNs()}
	result.Unscoped = unscoped(Path{FieldDocument}, service, result.Document)
	result.Documents = []Document{result.Document}
	if p.req.SplitForManagedPolicies {
		result.Documents = result.Document.Split(ManagedPolicyLimit)
	}
	if len(byRole) > 0 {
		result.RolePolicies = map[string]Document{}
		for _, role := range slices.Sorted(maps.Keys(byRole)) {
			doc := NewDocument(byRole[role])
			result.RolePolicies[role] = doc
			result.renderedRoles = byRole
			result.Unscoped = append(result.Unscoped, unscoped(Path{FieldRolePolicies, MapKey(role)}, byRole[role], doc)...)
		}
	}
	for i := range p.steps {
		if s := &p.steps[i]; s.roleARN != "" {
			if result.roleOrigins == nil {
				result.roleOrigins = map[string][]Origin{}
			}
			result.roleOrigins[s.roleARN] = append(result.roleOrigins[s.roleARN], s.origin)
		}
	}
	result.Roles = p.roles(&result)
	return result
}

// render fills the catalog's templates for every step, before merging: the
// service role's statements, and those of each action role.
func (p *plan) render() (service []Statement, byRole map[string][]Statement) {
	pipeline := scope{pipeline: p.pipeline, pipelineUnset: p.unset}
	size := len(catalog.ArtifactStore())
	for i := range p.steps {
		size += len(p.steps[i].actionType.Statements)
	}
	service = append(make([]Statement, 0, size), render(pipeline, catalog.ArtifactStore(), nil)...)
	byRole = map[string][]Statement{}
	for i := range p.steps {
		s := &p.steps[i]
		granted := render(scope{own: s.values, pipeline: p.pipeline, ownUnset: s.unset, pipelineUnset: p.unset},
			p.statementsOf(s), s)
		if s.roleARN == "" {
			service = append(service, granted...)
			continue
		}
		// Each step assumes its own role, so an audit can name who needs which role.
		role := values{}
		role.set(catalog.ActionRoleArn, s.roleARN)
		service = append(service, render(scope{own: role, pipeline: p.pipeline}, catalog.ActionRoles(), s)...)
		if byRole[s.roleARN] == nil {
			byRole[s.roleARN] = render(pipeline, catalog.ArtifactStore(), nil)
		}
		byRole[s.roleARN] = append(byRole[s.roleARN], granted...)
	}
	return service, byRole
}

// statementsOf are the statements a step's action type grants: all of them,
// or with UseAWSManagedPolicies those its managed alternative does not
// replace.
func (p *plan) statementsOf(s *step) []catalog.Statement {
	m := s.actionType.Managed
	if m == nil || !p.req.UseAWSManagedPolicies {
		return s.actionType.Statements
	}
	var kept []catalog.Statement
	for _, t := range s.actionType.Statements {
		if !slices.Contains(m.Replaces, t.Sid) {
			kept = append(kept, t)
		}
	}
	return kept
}

// managedPolicyARNs are the ARNs of the managed alternatives in use.
func (p *plan) managedPolicyARNs() []string {
	if !p.req.UseAWSManagedPolicies {
		return nil
	}
	var arns []string
	for i := range p.steps {
		if m := p.steps[i].actionType.Managed; m != nil && (p.steps[i].roleARN == "") {
			arns = append(arns, "arn:"+p.pipeline.partition()+":iam::aws:policy/"+m.Policy)
		}
	}
	return sortedUnique(arns)
}

// NewDocument merges statements into a policy document that grants exactly
// their (action, resource, condition) triples, as Build merges its own.
func NewDocument(statements []Statement) Document {
	return Document{Version: Version, Statement: merge(statements)}
}

// NeededBy names what needs statement s of the service role's Document to
// grant action on resource: the pipeline's actions and rules and its
// artifact stores, in the order of the request.
func (r Result) NeededBy(s Statement, action, resource string) []Origin {
	sid, condition := strings.TrimRight(s.Sid, "0123456789"), conditionKey(s.Condition)
	var out []Origin
	for i := range r.rendered {
		x := &r.rendered[i]
		if x.Sid != sid && (sid != UnscopedSid || !isUnscoped(x)) || conditionKey(x.Condition) != condition ||
			!slices.Contains(x.Action, action) || resource != "*" && !slices.Contains(x.Resource, resource) {
			continue
		}
		if !slices.ContainsFunc(out, func(o Origin) bool { return o.Path.String() == x.neededBy.Path.String() }) {
			out = append(out, x.neededBy)
		}
	}
	return out
}

// render fills the templates of statements for one step (nil: the pipeline's
// own statements), noting what each rendered statement leaves wider than it
// could be.
func render(v scope, templates []catalog.Statement, s *step) []Statement {
	rendered := make([]Statement, 0, len(templates))
	for i := range templates {
		t := &templates[i]
		granted, why := s.grants(t.Only)
		if !granted || slices.ContainsFunc(t.Needs, func(source string) bool { return len(v.get(source)) == 0 }) {
			continue
		}
		var resources []string
		var wider []widening
		for _, r := range t.Resources {
			for _, txt := range v.renderResource(r) {
				resources = append(resources, txt.value)
				for _, reason := range txt.reasons {
					wider = append(wider, widening{txt.value, reason})
				}
			}
		}
		if len(resources) == 0 {
			continue
		}
		condition, reasons := v.renderCondition(t.Condition)
		if len(reasons) > 0 || len(why) > 0 {
			for _, reason := range compactReasons(append(reasons, why)) {
				wider = append(wider, widening{"", reason})
			}
		}
		var origin Origin
		if s != nil {
			origin = s.origin
		}
		rendered = append(rendered, Statement{
			Sid: t.Sid, Effect: "Allow", Action: t.Actions, Resource: resources, Condition: condition, wider: wider,
			neededBy: origin, why: t,
		})
	}
	return rendered
}

// grants reports whether a statement limited by o is needed for the step and,
// when it is only granted because a value is not known, why. The pipeline's
// own statements (a nil step) have no options.
func (s *step) grants(o *catalog.Option) (bool, Text) {
	if o == nil || s == nil {
		return true, nil
	}
	if s.config == nil { // only the provider is known
		return !o.Explicit, s.unset[o.Key]
	}
	value, set := s.config[o.Key]
	switch {
	case set && isRuntimeVariable(value):
		return true, s.unset[o.Key]
	case len(o.Values) == 0:
		return set, nil
	case !set && o.Default == "":
		return true, s.unset[o.Key] // a required setting left out: grant what any value needs
	case !set:
		value = o.Default
	}
	return slices.ContainsFunc(o.Values, func(v string) bool { return strings.EqualFold(v, value) }), nil
}

// unscoped maps the widenings of rendered statements onto the merged
// document, one entry per merged statement and reason.
func unscoped(policy Path, rendered []Statement, doc Document) []Unscoped {
	type group struct {
		sid                string
		reason             Text
		actions, resources []string
	}
	var groups []*group
	find := func(sid string, reason Text) *group {
		for _, g := range groups {
			if g.sid == sid && g.reason.String() == reason.String() {
				return g
			}
		}
		g := &group{sid: sid, reason: reason}
		groups = append(groups, g)
		return g
	}
	for _, s := range rendered {
		for _, w := range s.wider {
			g := find(s.Sid, w.reason)
			g.actions = append(g.actions, s.Action...)
			if w.resource == "" {
				g.resources = append(g.resources, s.Resource...)
			} else {
				g.resources = append(g.resources, w.resource)
			}
		}
	}
	var out []Unscoped
	for _, g := range groups {
		for _, m := range doc.Statement {
			if strings.TrimRight(m.Sid, "0123456789") != g.sid && m.Sid != UnscopedSid {
				continue
			}
			actions, resources := intersect(m.Action, g.actions), intersect(m.Resource, g.resources)
			if len(actions) > 0 && len(resources) > 0 {
				out = append(out, Unscoped{Policy: policy, Sid: m.Sid, Actions: actions, Resources: resources, Reason: g.reason})
			}
		}
	}
	slices.SortFunc(out, func(a, b Unscoped) int {
		return strings.Compare(a.Sid+"\x00"+a.Reason.String(), b.Sid+"\x00"+b.Reason.String())
	})
	return out
}

// intersect returns the sorted items of sorted that also appear in other.
func intersect(sorted, other []string) []string {
	var out []string
	for _, item := range sorted {
		if slices.Contains(other, item) {
			out = append(out, item)
		}
	}
	return out
}

// unscopedAdvice sums up the unscoped statements in one warning.
func unscopedAdvice(list []Unscoped) []Problem {
	if len(list) == 0 {
		return nil
	}
	var reasons []Text
	for _, u := range list {
		if !slices.ContainsFunc(reasons, func(r Text) bool { return r.String() == u.Reason.String() }) {
			reasons = append(reasons, u.Reason)
		}
	}
	const shown = 5
	detail := say("%d statement parts grant wider resources than this configuration could: see the %s "+
		"attribute for each. Give the missing input to narrow them:", len(list), FieldUnscoped)
	for _, r := range reasons[:min(shown, len(reasons))] {
		detail = detail.Then(plain("\n  - "), r)
	}
	if len(reasons) > shown {
		detail = detail.Then(say("\n  - and %d more", len(reasons)-shown))
	}
	return []Problem{warningAt(CodeUnscoped, nil, "Policy is not fully scoped", detail)}
}
