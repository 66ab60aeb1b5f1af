package policy

import "fmt"

// places remembers where each part of a description is, in its form's
// spelling, so a problem about the request can point into the description.
type places struct {
	form     *form
	root     string // the pipeline declaration
	arn      string // get-pipeline's metadata.pipelineArn, when read
	storesAt string // the artifact store or stores
	actions  []partPlace
	rules    []partPlace
	stores   []storePlace
}

// partPlace is where an action or rule is, where its type's fields are, and
// where each of its environment variables is.
type partPlace struct {
	at, typeAt string
	vars       []string
}

type storePlace struct{ at, regionAt string }

// Locate translates the path of an input of a request made from the
// description (Actions as PipelineActions and Rules as PipelineRules, in
// order, ArtifactStores as they are) into its place in the description, in
// the description's own spelling:
//
//	stages[2].actions[0].configuration.ProjectName              a pipeline declaration
//	pipeline.stages[2].actions[0].configuration.ProjectName     under get-pipeline's or create-pipeline's "pipeline"
//	Properties.Stages[1].Actions[0].Configuration.ProjectName   a CloudFormation resource ("Stages[1]..." for its Properties)
//	[0].action[1].configuration.ProjectName                     Terraform's stages
//	artifactStores.eu-west-1.location                           a regional artifact store
//
// A configuration key need not be in the description: its place is where it
// would go. ok is false for inputs the description does not hold (pass role
// ARNs, an index past the end, the pipeline's name in Terraform's stages).
func (d Description) Locate(p Path) (string, bool) {
	pl := d.places
	if pl.form == nil || len(p) == 0 {
		return "", false
	}
	f := pl.form
	switch p[0] {
	case FieldPipelineName:
		return placeIf(joinPlace(pl.root, f.fields[FieldName]), f.topLevel && len(p) == 1)
	case FieldServiceRoleARN:
		return placeIf(joinPlace(pl.root, f.fields[FieldRoleARN]), f.topLevel && len(p) == 1)
	case FieldPartition, FieldRegion, FieldAccountID:
		return placeIf(pl.arn, pl.arn != "" && len(p) == 1)
	case FieldPipelineActions:
		return pl.part(pl.actions, p[1:])
	case FieldPipelineRules:
		return pl.part(pl.rules, p[1:])
	case FieldArtifactStores:
		return pl.store(p[1:])
	}
	return "", false
}

// part locates rest within the action or rule it starts with.
func (pl places) part(parts []partPlace, rest Path) (string, bool) {
	f := pl.form
	if len(rest) == 0 {
		return placeIf(joinPlace(pl.root, f.stages), f.topLevel)
	}
	i, ok := rest[0].(int)
	if !ok || i < 0 || i >= len(parts) {
		return "", false
	}
	pp := parts[i]
	if len(rest) == 1 {
		return pp.at, true
	}
	field, _ := rest[1].(Field)
	name, ok := f.fields[field]
	if !ok {
		return "", false
	}
	switch field {
	case FieldCategory, FieldOwner, FieldProvider, FieldVersion:
		return placeIf(joinPlace(pp.typeAt, name), len(rest) == 2)
	case FieldEnvironmentVariables:
		return f.variable(joinPlace(pp.at, name), pp.vars, rest[2:])
	case FieldConfiguration, FieldCommands:
		return placeBelow(joinPlace(pp.at, name), rest[2:])
	}
	return placeIf(joinPlace(pp.at, name), len(rest) == 2)
}

// placeIf is at where ok, and nothing elsewhere.
func placeIf(at string, ok bool) (string, bool) {
	if !ok {
		return "", false
	}
	return at, true
}

// placeBelow locates a configuration key or a command's index under at.
func placeBelow(at string, rest Path) (string, bool) {
	if len(rest) == 0 {
		return at, true
	}
	if len(rest) > 1 {
		return "", false
	}
	switch step := rest[0].(type) {
	case MapKey:
		return joinPlace(at, string(step)), true
	case int:
		return placeIf(fmt.Sprintf("%s[%d]", at, step), step >= 0)
	}
	return "", false
}

// variable locates rest within an action's environment variables at at.
func (f *form) variable(at string, vars []string, rest Path) (string, bool) {
	if len(rest) == 0 {
		return at, true
	}
	j, ok := rest[0].(int)
	if !ok || j < 0 || j >= len(vars) {
		return "", false
	}
	if len(rest) == 1 {
		return vars[j], true
	}
	switch field, _ := rest[1].(Field); field {
	case FieldName, FieldValue, FieldType:
		return placeIf(joinPlace(vars[j], f.fields[field]), len(rest) == 2)
	}
	return "", false
}

// store locates rest within the artifact stores.
func (pl places) store(rest Path) (string, bool) {
	f := pl.form
	if !f.topLevel {
		return "", false
	}
	if len(rest) == 0 {
		return pl.storesAt, true
	}
	i, ok := rest[0].(int)
	if !ok || i < 0 || i >= len(pl.stores) || len(rest) > 2 {
		return "", false
	}
	s := pl.stores[i]
	if len(rest) == 1 {
		return s.at, true
	}
	switch rest[1] {
	case FieldLocation:
		return joinPlace(s.at, f.fields[FieldLocation]), true
	case FieldEncryptionKeyID:
		return joinPlace(joinPlace(s.at, f.encryptionKey), f.keyID), true
	case FieldRegion:
		return s.regionAt, true
	}
	return "", false
}
