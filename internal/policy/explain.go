package policy

import (
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
)

// Fields of the documents other than the role policies, so explanations can
// name the attribute that holds a statement.
var (
	FieldTrust           = NewField("Trust")
	FieldActionRoleTrust = NewField("ActionRoleTrust")
	FieldBucketPolicies  = NewField("BucketPolicies")
	FieldKeyPolicy       = NewField("KeyPolicy")
	FieldEventRoleTrust  = NewField("EventRoleTrust")
	FieldStatements      = NewField("Statements")
)

// Explained is one statement of one of a Result's documents and why it is
// there: the inputs that need it, the pages that show it is needed, and the
// catalog's note on why it is as narrow or as wide as it is.
type Explained struct {
	Policy    Path // the document: Path{FieldDocument}, Path{FieldRolePolicies, MapKey(role)}, ...
	Statement Statement
	NeededBy  []Origin
	Sources   []string
	Notes     []string
}

// Statements explains every statement of every document of the result, in
// the order of the documents' outputs.
func (r Result) Statements() []Explained {
	var out []Explained
	out = explainRendered(out, Path{FieldDocument}, r.Document, r.rendered)
	for _, role := range slices.Sorted(maps.Keys(r.RolePolicies)) {
		out = explainRendered(out, Path{FieldRolePolicies, MapKey(role)}, r.RolePolicies[role], r.renderedRoles[role])
	}
	if r.Roles.EventRole != nil {
		out = explainRendered(out, Path{FieldEventRole}, *r.Roles.EventRole, r.renderedEvent)
	}
	out = r.explainWritten(out, Path{FieldTrust}, &r.Roles.Trust, []Origin{{Path: Path{FieldServiceRoleARN}}})
	for _, role := range slices.Sorted(maps.Keys(r.Roles.ActionRoleTrust)) {
		doc := r.Roles.ActionRoleTrust[role]
		out = r.explainWritten(out, Path{FieldActionRoleTrust, MapKey(role)}, &doc, r.roleOrigins[role])
	}
	for _, bucket := range slices.Sorted(maps.Keys(r.Roles.BucketPolicies)) {
		doc := r.Roles.BucketPolicies[bucket]
		out = r.explainWritten(out, Path{FieldBucketPolicies, MapKey(bucket)}, &doc, nil)
	}
	out = r.explainWritten(out, Path{FieldKeyPolicy}, r.Roles.KeyPolicy, nil)
	return r.explainWritten(out, Path{FieldEventRoleTrust}, r.Roles.EventRoleTrust, r.eventOrigins)
}

// explainRendered explains a merged document by the rendered statements it
// was merged from: those of its Sid (or, for the unscoped statement, every
// unconditioned grant on "*") and condition that share an action with it.
func explainRendered(out []Explained, policy Path, doc Document, rendered []Statement) []Explained {
	for _, s := range doc.Statement {
		out = append(out, explainOne(policy, s, rendered))
	}
	return out
}

// Explain explains one statement of the service role's Document, or of a
// document merged from its statements, such as an audit's missing policy.
func (r Result) Explain(s Statement) Explained {
	return explainOne(Path{FieldDocument}, s, r.rendered)
}

func explainOne(policy Path, s Statement, rendered []Statement) Explained {
	e := Explained{Policy: policy, Statement: s}
	sid, condition := strings.TrimRight(s.Sid, "0123456789"), conditionKey(s.Condition)
	for i := range rendered {
		x := &rendered[i]
		if (x.Sid != sid && (sid != UnscopedSid || !isUnscoped(x))) || conditionKey(x.Condition) != condition ||
			!slices.ContainsFunc(x.Action, func(a string) bool { return slices.Contains(s.Action, a) }) {
			continue
		}
		e.add([]Origin{x.neededBy}, x)
	}
	return e
}

// explainWritten explains a document the builder writes itself: its
// statements cite the catalog's explanation and are needed by origins, or,
// for statements that name action roles as principals, by those roles'
// actions and rules; the service role's use of a key by the artifact stores.
func (r Result) explainWritten(out []Explained, policy Path, doc *Document, origins []Origin) []Explained {
	if doc == nil {
		return out
	}
	for _, s := range doc.Statement {
		e := Explained{Policy: policy, Statement: s}
		needed := origins
		if needed == nil {
			for _, principal := range s.Principal[principalAWS] {
				needed = append(needed, r.roleOrigins[principal]...)
				if _, isRole := r.roleOrigins[principal]; !isRole && isServiceRoleOrRoot(principal) {
					needed = append(needed, Origin{}) // the artifact stores
				}
			}
		}
		e.add(needed, &s)
		out = append(out, e)
	}
	return out
}

func isServiceRoleOrRoot(principal string) bool {
	parsed, err := arn.Parse(principal)
	return err == nil && parsed.Service == "iam"
}

// add records origins and the sources and note of the statement x.
func (e *Explained) add(origins []Origin, x *Statement) {
	for _, o := range origins {
		if !slices.ContainsFunc(e.NeededBy, func(n Origin) bool { return n.Path.String() == o.Path.String() && n.Type == o.Type }) {
			e.NeededBy = append(e.NeededBy, o)
		}
	}
	if x.why == nil {
		return
	}
	for _, source := range x.why.Sources {
		if !slices.Contains(e.Sources, source) {
			e.Sources = append(e.Sources, source)
		}
	}
	if x.why.Note != "" && !slices.Contains(e.Notes, x.why.Note) {
		e.Notes = append(e.Notes, x.why.Note)
	}
}
