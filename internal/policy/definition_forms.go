package policy

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// form is how one way of writing a pipeline spells it; one walk reads, and
// Locate names places in, all three.
type form struct {
	stages, actions string
	// actionType and ruleType hold an action's or rule's category, owner,
	// provider and version; "" where they sit on the action itself.
	actionType, ruleType string
	gates                []string // a stage's entry, success and failure conditions
	conditions, rules    string
	artifactStore        string
	artifactStores       string
	encryptionKey, keyID string
	// fields spells the fields of actions, rules, environment variables and
	// artifact stores; a field the form does not have is missing.
	fields map[Field]string
	// topLevel: the form holds the pipeline's name, role and artifact stores.
	topLevel bool
	// blocks: Terraform's, where a list of blocks may be one object and a
	// single block a list of one.
	blocks bool
	// intrinsics: CloudFormation's, where any value may be an intrinsic
	// function, a configuration a JSON string, and ArtifactStores is a list of
	// {Region, ArtifactStore} rather than a map by region.
	intrinsics bool
	whole      string // the description as a whole, in messages
}

// where names a place for a message.
func (f *form) where(at string) string { return cmp.Or(at, f.whole) }

var apiForm = form{
	stages: "stages", actions: "actions", actionType: "actionTypeId", ruleType: "ruleTypeId",
	gates: []string{"beforeEntry", "onSuccess", "onFailure"}, conditions: "conditions", rules: "rules",
	artifactStore: "artifactStore", artifactStores: "artifactStores", encryptionKey: "encryptionKey", keyID: "id",
	fields: map[Field]string{
		FieldName: "name", FieldCategory: "category", FieldOwner: "owner", FieldProvider: "provider", FieldVersion: "version",
		FieldConfiguration: "configuration", FieldEnvironmentVariables: "environmentVariables", FieldCommands: "commands",
		FieldRoleARN: "roleArn", FieldRegion: "region", FieldValue: "value", FieldType: "type", FieldLocation: "location",
	},
	topLevel: true, whole: "The definition",
}

var cloudFormationForm = form{
	stages: "Stages", actions: "Actions", actionType: "ActionTypeId", ruleType: "RuleTypeId",
	gates: []string{"BeforeEntry", "OnSuccess", "OnFailure"}, conditions: "Conditions", rules: "Rules",
	artifactStore: "ArtifactStore", artifactStores: "ArtifactStores", encryptionKey: "EncryptionKey", keyID: "Id",
	fields: map[Field]string{
		FieldName: "Name", FieldCategory: "Category", FieldOwner: "Owner", FieldProvider: "Provider", FieldVersion: "Version",
		FieldConfiguration: "Configuration", FieldEnvironmentVariables: "EnvironmentVariables", FieldCommands: "Commands",
		FieldRoleARN: "RoleArn", FieldRegion: "Region", FieldValue: "Value", FieldType: "Type", FieldLocation: "Location",
	},
	topLevel: true, intrinsics: true, whole: "The definition",
}

// terraformForm is the stage blocks of aws_codepipeline: the value read is
// the stage list itself, and environment variables are no attribute of it.
var terraformForm = form{
	actions: "action", ruleType: "rule_type_id",
	gates: []string{"before_entry", "on_success", "on_failure"}, conditions: "condition", rules: "rule",
	fields: map[Field]string{
		FieldName: "name", FieldCategory: "category", FieldOwner: "owner", FieldProvider: "provider", FieldVersion: "version",
		FieldConfiguration: "configuration", FieldCommands: "commands", FieldRoleARN: "role_arn", FieldRegion: "region",
	},
	blocks: true, whole: "The stage list",
}

// Paths an intrinsic function in place of a stage, action or rule stands for:
// its index is not known, so the whole list is.
var (
	actionsPath = Path{FieldPipelineActions}
	rulesPath   = Path{FieldPipelineRules}
)

// pipeline reads a pipeline declaration.
func (r *reader) pipeline(p node) {
	p = r.object(p)
	f := r.form.fields
	r.d.PipelineName = cmp.Or(r.text(p.get(f[FieldName]), Path{FieldPipelineName}), r.d.PipelineName)
	r.d.ServiceRoleARN = r.text(p.get(f[FieldRoleARN]), Path{FieldServiceRoleARN})
	r.stores(p)
	r.stages(p.get(r.form.stages))
}

// stages reads the stages' actions and the rules of their conditions, in order.
func (r *reader) stages(n node) {
	for _, s := range r.items(n, actionsPath, rulesPath) {
		s = r.object(s)
		for _, a := range r.items(s.get(r.form.actions), actionsPath) {
			r.action(r.object(a))
		}
		for _, gate := range r.form.gates {
			r.gate(s.get(gate))
		}
	}
}

// gate reads the rules of a stage's entry, success or failure conditions.
func (r *reader) gate(n node) {
	for _, g := range r.blocks(n, rulesPath) {
		for _, c := range r.items(g.get(r.form.conditions), rulesPath) {
			for _, rule := range r.items(r.object(c).get(r.form.rules), rulesPath) {
				r.rule(r.object(rule))
			}
		}
	}
}

func (r *reader) action(n node) {
	path := Path{FieldPipelineActions, len(r.d.Actions)}
	f := r.form.fields
	t := n
	if r.form.actionType != "" {
		t = r.block(n.get(r.form.actionType), path)
	}
	a := PipelineAction{
		Name:          r.variable(n.get(f[FieldName]), path.Child(FieldName)),
		Category:      r.text(t.get(f[FieldCategory]), path.Child(FieldCategory)),
		Owner:         r.owner(t.get(f[FieldOwner]), path.Child(FieldOwner)),
		Provider:      r.text(t.get(f[FieldProvider]), path.Child(FieldProvider)),
		Configuration: r.configuration(n.get(f[FieldConfiguration]), path.Child(FieldConfiguration)),
		Region:        r.text(n.get(f[FieldRegion]), path.Child(FieldRegion)),
		RoleARN:       r.text(n.get(f[FieldRoleARN]), path.Child(FieldRoleARN)),
	}
	var vars []string
	if key, ok := f[FieldEnvironmentVariables]; ok {
		a.EnvironmentVariables, vars = r.environment(n.get(key), path.Child(FieldEnvironmentVariables))
	}
	r.d.Actions = append(r.d.Actions, a)
	r.d.places.actions = append(r.d.places.actions, partPlace{at: n.at, typeAt: t.at, vars: vars})
}

// owner reads an action's owner, "AWS" when not given.
func (r *reader) owner(n node, path Path) string {
	if r.absent(n.v) {
		return "AWS"
	}
	return r.text(n, path)
}

func (r *reader) rule(n node) {
	path := Path{FieldPipelineRules, len(r.d.Rules)}
	f := r.form.fields
	t := r.block(n.get(r.form.ruleType), path)
	rule := PipelineRule{
		Name:          r.variable(n.get(f[FieldName]), path.Child(FieldName)),
		Provider:      r.text(t.get(f[FieldProvider]), path.Child(FieldProvider)),
		Owner:         r.text(t.get(f[FieldOwner]), path.Child(FieldOwner)),
		Version:       r.text(t.get(f[FieldVersion]), path.Child(FieldVersion)),
		Configuration: r.configuration(n.get(f[FieldConfiguration]), path.Child(FieldConfiguration)),
		Commands:      r.commands(n.get(f[FieldCommands]), path.Child(FieldCommands)),
		Region:        r.text(n.get(f[FieldRegion]), path.Child(FieldRegion)),
		RoleARN:       r.text(n.get(f[FieldRoleARN]), path.Child(FieldRoleARN)),
	}
	r.d.Rules = append(r.d.Rules, rule)
	r.d.places.rules = append(r.d.places.rules, partPlace{at: n.at, typeAt: t.at})
}

// environment reads an action's environment variables and their places.
func (r *reader) environment(n node, path Path) ([]EnvironmentVariable, []string) {
	var vars []EnvironmentVariable
	var places []string
	f := r.form.fields
	for j, e := range r.items(n, path) {
		e = r.object(e)
		at := path.Child(j)
		vars = append(vars, EnvironmentVariable{
			Name:  r.text(e.get(f[FieldName]), at.Child(FieldName)),
			Value: r.variable(e.get(f[FieldValue]), at.Child(FieldValue)),
			Type:  r.text(e.get(f[FieldType]), at.Child(FieldType)),
		})
		places = append(places, e.at)
	}
	return vars, places
}

// storeEntry is an artifact store and its region, before reading.
type storeEntry struct{ store, region node }

// stores reads the single artifact store and the regional ones, these sorted
// by region so every form gives the same list.
func (r *reader) stores(p node) {
	one, many := p.get(r.form.artifactStore), p.get(r.form.artifactStores)
	r.d.places.storesAt = one.at
	if !r.absent(many.v) {
		r.d.places.storesAt = many.at
	}
	if b := r.block(one, Path{FieldArtifactStores}); b.v != nil {
		r.store(storeEntry{store: b, region: node{at: b.at}})
	}
	entries := r.storeEntries(many)
	slices.SortStableFunc(entries, func(a, b storeEntry) int {
		ra, _ := scalarText(a.region.v)
		rb, _ := scalarText(b.region.v)
		return strings.Compare(ra, rb)
	})
	for _, e := range entries {
		r.store(e)
	}
}

// storeEntries lists the regional stores: the API's map by region, or
// CloudFormation's list of {Region, ArtifactStore}.
func (r *reader) storeEntries(n node) []storeEntry {
	var out []storeEntry
	if r.form.intrinsics {
		for _, e := range r.items(n, Path{FieldArtifactStores}) {
			e = r.object(e)
			out = append(out, storeEntry{store: e.get(r.form.artifactStore), region: e.get(r.form.fields[FieldRegion])})
		}
		return out
	}
	m, _ := r.block(n).v.(map[string]any)
	for _, region := range slices.Sorted(maps.Keys(m)) {
		store := n.get(region)
		out = append(out, storeEntry{store: store, region: node{v: region, at: store.at}})
	}
	return out
}

func (r *reader) store(e storeEntry) {
	path := Path{FieldArtifactStores, len(r.d.ArtifactStores)}
	n := r.block(e.store, path)
	key := r.block(n.get(r.form.encryptionKey), path.Child(FieldEncryptionKeyID))
	r.d.ArtifactStores = append(r.d.ArtifactStores, ArtifactStore{
		Location:        r.text(n.get(r.form.fields[FieldLocation]), path.Child(FieldLocation)),
		EncryptionKeyID: r.text(key.get(r.form.keyID), path.Child(FieldEncryptionKeyID)),
		Region:          r.text(e.region, path.Child(FieldRegion)),
	})
	r.d.places.stores = append(r.d.places.stores, storePlace{at: n.at, regionAt: e.region.at})
}
