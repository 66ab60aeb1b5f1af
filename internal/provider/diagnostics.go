package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// appendErrors reports the builder's errors only: validation runs before
// every plan, and warnings are reported once, by Read.
func appendErrors(diags *diag.Diagnostics, problems []policy.Problem) {
	for _, p := range problems {
		if !p.Warning {
			appendProblemAt(diags, attributePath(p.Path), p)
		}
	}
}

// appendProblems reports the builder's problems as diagnostics on their attributes.
func appendProblems(diags *diag.Diagnostics, problems []policy.Problem) {
	for _, p := range problems {
		appendProblemAt(diags, attributePath(p.Path), p)
	}
}

func appendProblemAt(diags *diag.Diagnostics, at path.Path, p policy.Problem) {
	switch {
	case at.Equal(path.Empty()) && p.Warning:
		diags.AddWarning(p.Summary, p.Detail)
	case at.Equal(path.Empty()):
		diags.AddError(p.Summary, p.Detail)
	case p.Warning:
		diags.AddAttributeWarning(at, p.Summary, p.Detail)
	default:
		diags.AddAttributeError(at, p.Summary, p.Detail)
	}
}

// attributePath converts a builder path to a framework path.
func attributePath(steps policy.Path) path.Path {
	if len(steps) == 0 {
		return path.Empty()
	}
	first, _ := steps[0].(string)
	at := path.Root(first)
	for _, step := range steps[1:] {
		switch s := step.(type) {
		case string:
			at = at.AtName(s)
		case int:
			at = at.AtListIndex(s)
		case policy.MapKey:
			at = at.AtMapKey(string(s))
		}
	}
	return at
}
