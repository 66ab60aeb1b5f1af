package policy

import (
	"strings"
)

// A pipeline may be described in one of three ways: pipeline_actions and
// pipeline_rules, the aws_codepipeline stage blocks (Stages), or a written
// pipeline definition (Definition: get-pipeline output, a create-pipeline
// input, a CloudFormation resource). The last two are read into the first
// here, before the one validation path runs; every path the checks report
// is then moved back into the description, in its own spelling.

// Fields of the described forms, and the codes of what can go wrong between
// them and the other inputs.
var (
	FieldPipelineDefinition = NewField("PipelineDefinition")
	FieldPipelineStages     = NewField("PipelineStages")

	CodeTwoDescriptions = NewCode("two_descriptions")
	CodeContradiction   = NewCode("contradicts_definition")
	CodeDeferredValue   = NewCode("deferred_value")
)

// Place is a step of a Path that stands for a place inside a description,
// spelled as the description spells it: "stages[2].actions[0].configuration.ProjectName".
type Place string

// described is the description a request was read from, if any.
type described struct {
	field Field
	desc  Description
}

// describe reads the request's description into its actions, rules and
// pipeline-wide values. Problems name the attribute at fault; d is nil when
// the request gives its actions directly or its description is not known yet.
func describe(req Request) (Request, *described, []Problem) {
	var given []Field
	for _, f := range []struct {
		field Field
		set   bool
	}{
		{FieldPipelineDefinition, req.Definition != ""},
		{FieldPipelineStages, req.Stages != nil},
		{FieldPipelineActions, len(req.PipelineActions) > 0},
		{FieldPipelineRules, len(req.PipelineRules) > 0},
	} {
		rulesWithActions := len(given) == 1 && given[0] == FieldPipelineActions && f.field == FieldPipelineRules
		if f.set && !rulesWithActions {
			given = append(given, f.field)
		}
	}
	if len(given) > 1 {
		return req, nil, []Problem{errorAt(CodeTwoDescriptions, Path{given[1]}, "Two descriptions of the pipeline", say(
			"%s and %s both describe the pipeline's actions. Give one of them: %s (with %s), %s or %s; "+
				"%s may still add action types.", given[0], given[1], FieldPipelineActions, FieldPipelineRules,
			FieldPipelineStages, FieldPipelineDefinition, FieldActionProviders))}
	}
	var desc Description
	var fault *DefinitionFault
	var field Field
	switch {
	case req.Definition != "" && isKnown(req, FieldPipelineDefinition):
		field = FieldPipelineDefinition
		desc, fault = ReadDefinition(req.Definition)
	case req.Stages != nil && isKnown(req, FieldPipelineStages):
		field = FieldPipelineStages
		desc, fault = ReadStages(req.Stages)
	default:
		return req, nil, nil
	}
	if fault != nil {
		p := fault.Problem()
		p.Path = Path{field}
		return req, nil, []Problem{p}
	}
	d := &described{field: field, desc: desc}
	req.PipelineActions, req.PipelineRules = desc.Actions, desc.Rules
	return d.fill(req)
}

func isKnown(req Request, f Field) bool {
	for _, u := range req.Unknown {
		if (Path{f}).Within(u) {
			return false
		}
	}
	return true
}

// fill takes the pipeline-wide values the description holds: the request
// fills what it lacks, and a value given in both must agree.
func (d *described) fill(req Request) (Request, *described, []Problem) {
	var problems []Problem
	for _, v := range []struct {
		field Field
		into  *string
		value string
	}{
		{FieldPipelineName, &req.PipelineName, d.desc.PipelineName},
		{FieldServiceRoleARN, &req.ServiceRoleARN, d.desc.ServiceRoleARN},
		{FieldPartition, &req.Partition, d.desc.Partition},
		{FieldRegion, &req.Region, d.desc.Region},
		{FieldAccountID, &req.AccountID, d.desc.AccountID},
	} {
		switch {
		case v.value == "":
		case *v.into == "":
			*v.into = v.value
		case *v.into != v.value:
			problems = append(problems, errorAt(CodeContradiction, Path{v.field}, "Contradicts the pipeline definition", say(
				"%s is %q, but %s says %q. Leave %s out to take the definition's value, or correct one of them.",
				v.field, *v.into, d.at(Path{v.field}), v.value, v.field)))
		}
	}
	switch {
	case len(d.desc.ArtifactStores) == 0:
	case len(req.ArtifactStores) == 0:
		req.ArtifactStores = d.desc.ArtifactStores
	default:
		problems = append(problems, errorAt(CodeContradiction, Path{FieldArtifactStores}, "Contradicts the pipeline definition", say(
			"%s and %s both give the artifact stores. Leave %s out: the definition's stores are used.",
			FieldArtifactStores, d.field, FieldArtifactStores)))
	}
	for _, v := range d.desc.Deferred {
		if v.Placeholder != "" {
			continue
		}
		problems = append(problems, warningAt(CodeDeferredValue, Path{d.field, Place(v.At)}, "Value resolved when the stack deploys", say(
			"%s is the CloudFormation function %s, which only deploying the stack resolves, so the policy is built "+
				"as if it were not set. Give the deployed pipeline instead (aws codepipeline get-pipeline output), "+
				"where every value is resolved.", Path{d.field, Place(v.At)}, v.Intrinsic)))
	}
	return req, d, problems
}

// at is where a request path lies in the description, or the path itself.
func (d *described) at(p Path) Path {
	if d == nil {
		return p
	}
	if place, ok := d.desc.Locate(p); ok {
		return Path{d.field, Place(place)}
	}
	return p
}

// text moves every path a text mentions into the description.
func (d *described) text(t Text) Text {
	if d == nil || t == nil {
		return t
	}
	out := make(Text, len(t))
	for i, part := range t {
		if p, ok := part.(Path); ok {
			part = d.at(p)
		}
		out[i] = part
	}
	return out
}

// problems moves the problems' paths into the description; a problem that
// lands inside it starts by saying where.
func (d *described) problems(problems []Problem) []Problem {
	if d == nil {
		return problems
	}
	for i, p := range problems {
		at := d.at(p.Path)
		if len(at) == 2 && at[0] == d.field && len(p.Path) > 0 && p.Path[0] != d.field {
			p.Detail = append(Text{at, ": "}, p.Detail...)
		}
		p.Path, p.Detail = at, d.text(p.Detail)
		problems[i] = p
	}
	return problems
}

// origin moves an origin into the description.
func (d *described) origin(o Origin) Origin {
	if d != nil && o.Path != nil {
		o.Path = d.at(o.Path)
	}
	return o
}

// placeText renders a Place after its attribute: a list index follows it
// directly (pipeline_stages[0].action[1]), a key after a colon
// (pipeline_definition: stages[0].actions[1]).
func placeText(p Place) string {
	if strings.HasPrefix(string(p), "[") {
		return string(p)
	}
	return ": " + string(p)
}
