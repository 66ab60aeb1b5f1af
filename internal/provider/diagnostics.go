package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// appendProblems reports the builder's problems as diagnostics on their
// attributes; without warnings, only the errors (validation runs before
// every plan, and warnings are reported once, by Read).
func appendProblems(diags *diag.Diagnostics, problems []policy.Problem, warnings bool, record func(policy.Problem)) {
	for _, p := range problems {
		if p.Warning && !warnings {
			continue
		}
		if record != nil {
			record(p)
		}
		at, detail := attributePath(p.Path), p.Detail.Format(fieldName)
		switch {
		case at.Equal(path.Empty()) && p.Warning:
			diags.AddWarning(p.Summary, detail)
		case at.Equal(path.Empty()):
			diags.AddError(p.Summary, detail)
		case p.Warning:
			diags.AddAttributeWarning(at, p.Summary, detail)
		default:
			diags.AddAttributeError(at, p.Summary, detail)
		}
	}
}

// attributePath converts a builder path to a framework path.
func attributePath(steps policy.Path) path.Path {
	at := path.Empty()
	for _, step := range steps {
		switch s := step.(type) {
		case policy.Field:
			if len(at.Steps()) == 0 {
				at = path.Root(fieldName(s))
			} else {
				at = at.AtName(fieldName(s))
			}
		case int:
			at = at.AtListIndex(s)
		case policy.MapKey:
			at = at.AtMapKey(string(s))
		}
	}
	return at
}

// fieldName is the attribute name of a policy field.
func fieldName(f policy.Field) string {
	if name, ok := fieldNames()[f]; ok {
		return name
	}
	return fmt.Sprintf("<%s>", string(f)) // a field no attribute declares: TestEveryFieldHasOneName fails
}

// fieldNames maps every field the attributes declare to its name, gathered
// from every data source's inputs and outputs.
func fieldNames() map[policy.Field]string { return fieldNamesOnce.get(newFieldNames) }

var fieldNamesOnce once[map[policy.Field]string]

func newFieldNames() map[policy.Field]string {
	names := map[policy.Field]string{}
	for _, a := range declaredAttributes() {
		if a.field != "" {
			names[a.field] = a.name
		}
	}
	return names
}

// declared is an attribute's name and field, wherever it is declared.
type declared struct {
	name  string
	field policy.Field
}

// declaredAttributes lists the name and field of every input (nested ones
// included) and output of every data source.
func declaredAttributes() []declared {
	var out []declared
	var inputs func(list []input[any])
	inputs = func(list []input[any]) {
		for _, in := range list {
			out = append(out, declared{in.name, in.field})
			inputs(in.nested)
		}
	}
	for _, spec := range specs() {
		inputs(spec.inputs)
		out = append(out, spec.outputs...)
	}
	return out
}
