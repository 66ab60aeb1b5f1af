package policy

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// testPipeline is a pipeline as its writers group it: stages of actions and
// of stage conditions. The renderers below write it in each form.
type testPipeline struct {
	name, role, region, account string
	stores                      []ArtifactStore // one without a region, or several regional ones, sorted
	stages                      []testStage
}

type testStage struct {
	name    string
	actions []PipelineAction
	gates   [3][][]PipelineRule // beforeEntry, onSuccess, onFailure: conditions of rules
}

// actions and rules are the pipeline's parts in the order every form is read.
func (p testPipeline) actions() []PipelineAction {
	var out []PipelineAction
	for _, s := range p.stages {
		out = append(out, s.actions...)
	}
	return out
}

func (p testPipeline) rules() []PipelineRule {
	var out []PipelineRule
	for _, s := range p.stages {
		for _, gate := range s.gates {
			for _, condition := range gate {
				out = append(out, condition...)
			}
		}
	}
	return out
}

// request composes the request a pipeline's description stands for; large
// random pipelines need more than one managed policy.
func (p testPipeline) request() Request {
	return Request{PipelineName: p.name, ServiceRoleARN: p.role, Region: p.region, AccountID: p.account,
		ArtifactStores: p.stores, PipelineActions: p.actions(), PipelineRules: p.rules(), SplitForManagedPolicies: true}
}

// withoutEnvironment is the pipeline as Terraform's stages can hold it.
func (p testPipeline) withoutEnvironment() testPipeline {
	q := p
	q.stages = slices.Clone(p.stages)
	for i := range q.stages {
		q.stages[i].actions = slices.Clone(q.stages[i].actions)
		for j := range q.stages[i].actions {
			q.stages[i].actions[j].EnvironmentVariables = nil
		}
	}
	return q
}

// randomPipeline draws a valid pipeline: actions of the catalog's types with
// their required keys, environment variables, roles and regions, stage rules,
// and one artifact store or several regional ones.
func randomPipeline(rng *rand.Rand) testPipeline {
	p := testPipeline{name: fmt.Sprintf("pipeline-%d", rng.IntN(1000)), account: "111122223333"}
	p.role = "arn:aws:iam::111122223333:role/service-role/" + p.name
	p.stores = randomStores(rng)
	p.region = cmp.Or(p.stores[0].Region, "eu-west-1")
	var regions []string
	for _, s := range p.stores {
		if s.Region != "" {
			regions = append(regions, s.Region)
		}
	}
	for i := range 2 + rng.IntN(3) {
		s := testStage{name: fmt.Sprintf("Stage%d", i)}
		for range 1 + rng.IntN(2) {
			s.actions = append(s.actions, randomAction(rng, regions))
		}
		for g := range s.gates {
			if rng.IntN(3) == 0 {
				s.gates[g] = [][]PipelineRule{randomRules(rng, regions)}
			}
		}
		p.stages = append(p.stages, s)
	}
	return p
}

func randomStores(rng *rand.Rand) []ArtifactStore {
	key := func(region string) string {
		if rng.IntN(2) == 0 {
			return ""
		}
		return "arn:aws:kms:" + region + ":111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	}
	if rng.IntN(2) == 0 {
		return []ArtifactStore{{Location: "artifacts-single", EncryptionKeyID: key("eu-west-1")}}
	}
	var stores []ArtifactStore
	for _, region := range []string{"eu-west-1", "us-east-1", "ap-southeast-2"}[:2+rng.IntN(2)] {
		stores = append(stores, ArtifactStore{Location: "artifacts-" + region, EncryptionKeyID: key(region), Region: region})
	}
	slices.SortFunc(stores, func(a, b ArtifactStore) int { return strings.Compare(a.Region, b.Region) })
	return stores
}

// definitionActionTypes are the catalog's current action types, deprecated
// ones left out: they draw warnings, not the point here.
var definitionActionTypes = func() []catalog.ActionType {
	var out []catalog.ActionType
	for _, at := range catalog.All() {
		if at.Deprecation == "" {
			out = append(out, at)
		}
	}
	return out
}()

func randomAction(rng *rand.Rand, regions []string) PipelineAction {
	at := definitionActionTypes[rng.IntN(len(definitionActionTypes))]
	if rng.IntN(5) == 0 {
		at, _ = catalog.Lookup("Compute", "Commands") // the one type with secrets among its variables
	}
	n := 1 + rng.IntN(50)
	a := PipelineAction{Name: fmt.Sprintf("%s-%d", at.Provider, n), Category: at.Category, Owner: at.Owner,
		Provider: at.Provider, Configuration: randomConfiguration(rng, at, n)}
	if len(regions) > 0 && rng.IntN(3) == 0 && at.Category != "Source" && at.Owner == catalog.OwnerAWS {
		a.Region = regions[rng.IntN(len(regions))]
	}
	if rng.IntN(4) == 0 && at.Owner == catalog.OwnerAWS {
		a.RoleARN = fmt.Sprintf("arn:aws:iam::444455556666:role/action-role-%d", rng.IntN(3))
	}
	if rng.IntN(3) == 0 {
		a.EnvironmentVariables = randomVariables(rng, at.UsesSecrets)
	}
	return a
}

func randomConfiguration(rng *rand.Rand, at catalog.ActionType, n int) map[string]string {
	config := map[string]string{}
	for _, k := range at.ConfigKeys {
		if k.Required || rng.IntN(4) == 0 {
			config[k.Name] = sampleConfigValue(k, n)
		}
	}
	if len(config) == 0 {
		return nil
	}
	return config
}

func randomVariables(rng *rand.Rand, secrets bool) []EnvironmentVariable {
	vars := []EnvironmentVariable{{Name: "STAGE", Value: "prod"}, {Name: "COMMIT", Value: "#{SourceVariables.CommitId}", Type: "PLAINTEXT"}}
	if secrets {
		vars = append(vars, EnvironmentVariable{Name: "TOKEN", Value: fmt.Sprintf("api-token-%d:token", rng.IntN(5)), Type: SecretsManager})
	}
	return vars[:1+rng.IntN(len(vars))]
}

func randomRules(rng *rand.Rand, regions []string) []PipelineRule {
	var rules []PipelineRule
	for range 1 + rng.IntN(2) {
		rt := catalog.Rules()[rng.IntN(len(catalog.Rules()))]
		n := 1 + rng.IntN(50)
		r := PipelineRule{Name: fmt.Sprintf("%s-rule-%d", rt.Provider, n), Provider: rt.Provider,
			Owner: []string{"", "AWS"}[rng.IntN(2)], Version: []string{"", "1"}[rng.IntN(2)], Configuration: randomConfiguration(rng, rt, n)}
		if rt.Provider == "Commands" {
			r.Commands = []string{"echo checking", fmt.Sprintf("test -f artifact-%d.zip", n)}
		}
		if len(regions) > 0 && rng.IntN(3) == 0 {
			r.Region = regions[rng.IntN(len(regions))]
		}
		if rng.IntN(4) == 0 {
			r.RoleARN = "arn:aws:iam::111122223333:role/rule-role"
		}
		rules = append(rules, r)
	}
	return rules
}

// chooser picks among the ways a form allows: at random, or with no
// generator always the first, the plainest.
type chooser struct{ rng *rand.Rand }

func (c chooser) intn(n int) int {
	if c.rng == nil {
		return 0
	}
	return c.rng.IntN(n)
}

// renderer writes a pipeline in one form.
type renderer struct {
	chooser
	names map[string]string // PipelineDeclaration's names → this form's
	cfn   bool
}

func newRenderer(rng *rand.Rand, cfn bool) renderer {
	names := map[string]string{}
	if cfn {
		for _, k := range []string{"name", "roleArn", "artifactStore", "artifactStores", "type", "location", "encryptionKey", "id",
			"stages", "actions", "actionTypeId", "category", "owner", "provider", "version", "configuration", "runOrder",
			"namespace", "inputArtifacts", "outputArtifacts", "region", "environmentVariables", "value", "beforeEntry",
			"onSuccess", "onFailure", "conditions", "result", "rules", "ruleTypeId", "commands", "pipelineType"} {
			names[k] = strings.ToUpper(k[:1]) + k[1:]
		}
	}
	return renderer{chooser: chooser{rng}, names: names, cfn: cfn}
}

// obj builds an object from name-value pairs, in this form's names, leaving
// out empty strings and nil values.
func (w renderer) obj(pairs ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(pairs); i += 2 {
		key, _ := pairs[i].(string)
		switch v := pairs[i+1].(type) {
		case string:
			if v == "" {
				continue
			}
		case nil:
			continue
		}
		m[cmp.Or(w.names[key], key)] = pairs[i+1]
	}
	return m
}

// declaration is the pipeline as the API's PipelineDeclaration, or as
// CloudFormation's Properties.
func (w renderer) declaration(p testPipeline) map[string]any {
	decl := w.obj("name", p.name, "roleArn", p.role, "pipelineType", "V2", "stages", w.stages(p))
	if len(p.stores) == 1 && p.stores[0].Region == "" {
		decl[cmp.Or(w.names["artifactStore"], "artifactStore")] = w.store(p.stores[0])
		return decl
	}
	if w.cfn {
		var list []any
		for _, s := range p.stores {
			list = append(list, map[string]any{"Region": s.Region, "ArtifactStore": w.store(s)})
		}
		if w.intn(2) == 0 {
			slices.Reverse(list) // the reader sorts them by region
		}
		decl["ArtifactStores"] = list
		return decl
	}
	stores := map[string]any{}
	for _, s := range p.stores {
		stores[s.Region] = w.store(s)
	}
	decl["artifactStores"] = stores
	return decl
}

func (w renderer) store(s ArtifactStore) map[string]any {
	var key any
	if s.EncryptionKeyID != "" {
		key = w.obj("id", s.EncryptionKeyID, "type", "KMS")
	}
	return w.obj("type", "S3", "location", s.Location, "encryptionKey", key)
}

func (w renderer) stages(p testPipeline) []any {
	var out []any
	for _, s := range p.stages {
		stage := w.obj("name", s.name)
		var actions []any
		for i, a := range s.actions {
			actions = append(actions, w.action(a, i))
		}
		stage[cmp.Or(w.names["actions"], "actions")] = actions
		for g, key := range []string{"beforeEntry", "onSuccess", "onFailure"} {
			if s.gates[g] != nil {
				stage[cmp.Or(w.names[key], key)] = w.gate(s.gates[g])
			}
		}
		out = append(out, stage)
	}
	return out
}

func (w renderer) action(a PipelineAction, i int) map[string]any {
	owner := a.Owner
	if owner == "AWS" && w.intn(2) == 1 {
		owner = "" // the owner defaults to AWS
	}
	var version any = "1"
	if w.cfn && w.intn(2) == 1 {
		version = 1 // CloudFormation's examples give it as a number
	}
	var vars []any
	for _, v := range a.EnvironmentVariables {
		vars = append(vars, w.obj("name", v.Name, "value", v.Value, "type", v.Type))
	}
	return w.obj("name", a.Name, "actionTypeId", w.obj("category", a.Category, "owner", owner, "provider", a.Provider, "version", version),
		"configuration", w.configuration(a.Configuration), "roleArn", a.RoleARN, "region", a.Region, "runOrder", 1+i,
		"namespace", fmt.Sprintf("Vars%d", i), "inputArtifacts", []any{w.obj("name", "SourceArtifact")},
		"environmentVariables", nilIfEmpty(vars))
}

// configuration is a map, or in CloudFormation sometimes its JSON text.
func (w renderer) configuration(config map[string]string) any {
	if config == nil {
		return nil
	}
	if w.cfn && w.intn(3) == 1 {
		b, _ := json.Marshal(config)
		return string(b)
	}
	m := map[string]any{}
	for k, v := range config {
		m[k] = v
	}
	return m
}

func (w renderer) gate(conditions [][]PipelineRule) map[string]any {
	var list []any
	for _, rules := range conditions {
		var rs []any
		for _, r := range rules {
			rs = append(rs, w.obj("name", r.Name, "ruleTypeId", w.obj("category", "Rule", "owner", r.Owner, "provider", r.Provider,
				"version", r.Version), "configuration", w.configuration(r.Configuration), "commands", stringsOrNil(r.Commands),
				"roleArn", r.RoleARN, "region", r.Region))
		}
		list = append(list, w.obj("result", "FAIL", "rules", rs))
	}
	return w.obj("conditions", list)
}

func nilIfEmpty(list []any) any {
	if len(list) == 0 {
		return nil
	}
	return list
}

func stringsOrNil(list []string) any {
	if list == nil {
		return nil
	}
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// terraformStages renders the stages as aws_codepipeline's state holds them,
// or as locals that give a single block as one object.
func terraformStages(c chooser, p testPipeline) []any {
	var stages []any
	for _, s := range p.stages {
		stage := map[string]any{"name": s.name}
		var actions []any
		for i, a := range s.actions {
			actions = append(actions, terraformAction(a, i))
		}
		stage["action"] = actions
		if len(actions) == 1 && c.intn(2) == 0 {
			stage["action"] = actions[0]
		}
		for g, key := range []string{"before_entry", "on_success", "on_failure"} {
			stage[key] = terraformGate(c, s.gates[g])
		}
		stages = append(stages, stage)
	}
	return stages
}

// terraformGate renders a stage condition block: its one condition, the
// blocks of at most one each way.
func terraformGate(c chooser, conditions [][]PipelineRule) any {
	if conditions == nil {
		return []any{}
	}
	one := func(v map[string]any) any {
		if c.intn(2) == 0 {
			return v
		}
		return []any{v}
	}
	var rules []any
	for _, r := range conditions[0] {
		rules = append(rules, map[string]any{"name": r.Name, "configuration": stringMap(r.Configuration),
			"rule_type_id": one(map[string]any{"category": "Rule", "owner": r.Owner, "provider": r.Provider, "version": r.Version}),
			"commands":     stringsOrNil(r.Commands), "role_arn": r.RoleARN, "region": r.Region, "timeout_in_minutes": 0,
			"input_artifacts": []any{}})
	}
	return one(map[string]any{"condition": one(map[string]any{"result": "FAIL", "rule": rules})})
}

func terraformAction(a PipelineAction, i int) map[string]any {
	return map[string]any{"name": a.Name, "category": a.Category, "owner": a.Owner, "provider": a.Provider, "version": "1",
		"configuration": stringMap(a.Configuration), "role_arn": a.RoleARN, "region": a.Region, "namespace": "",
		"run_order": 1 + i, "input_artifacts": []any{"SourceArtifact"}, "output_artifacts": []any{}, "timeout_in_minutes": 0}
}

// stringMap is a configuration as Terraform's state holds it: null when unset.
func stringMap(config map[string]string) any {
	if config == nil {
		return nil
	}
	m := map[string]any{}
	for k, v := range config {
		m[k] = v
	}
	return m
}

// definitionForms renders the pipeline in every form ReadDefinition reads,
// each as its JSON text.
func definitionForms(rng *rand.Rand, p testPipeline) map[string]string {
	api, cfn := newRenderer(rng, false), newRenderer(rng, true)
	arn := fmt.Sprintf("arn:aws:codepipeline:%s:%s:%s", p.region, p.account, p.name)
	forms := map[string]any{
		"get-pipeline": map[string]any{"pipeline": api.declaration(p),
			"metadata": map[string]any{"pipelineArn": arn, "created": "2024-01-02T03:04:05.000000+00:00", "updated": 1704164645.5}},
		"create-pipeline": map[string]any{"pipeline": api.declaration(p), "tags": []any{map[string]any{"key": "team", "value": "web"}}},
		"declaration":     api.declaration(p),
		"cfn-resource":    map[string]any{"Type": cloudFormationType, "Properties": cfn.declaration(p)},
		"cfn-properties":  cfn.declaration(p),
	}
	out := map[string]string{}
	for name, v := range forms {
		b, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			panic(err)
		}
		out[name] = string(b)
	}
	return out
}

// terraformValue is the stages as the provider hands them over: a generic
// value whose numbers are float64 or json.Number.
func terraformValue(rng *rand.Rand, p testPipeline) any {
	c := chooser{rng}
	b, err := json.Marshal(terraformStages(c, p))
	if err != nil {
		panic(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if c.intn(2) == 0 {
		dec.UseNumber()
	}
	var v any
	if err := dec.Decode(&v); err != nil {
		panic(err)
	}
	return v
}

// TestDefinitionFormsAgree renders random pipelines in every form, reads them
// back, and expects the parts written and, built into a request, the same
// policies byte for byte.
func TestDefinitionFormsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for i := range 200 {
		p := randomPipeline(rng)
		want := Build(p.request())
		if HasError(want.Problems) {
			t.Fatalf("case %d: the generated pipeline is refused: %+v", i, want.Problems)
		}
		for form, text := range definitionForms(rng, p) {
			d, fault := ReadDefinition(text)
			if fault != nil {
				t.Fatalf("case %d, %s: %v\n%s", i, form, fault, text)
			}
			assertSameParts(t, fmt.Sprintf("case %d, %s", i, form), d, p, true)
			assertSameBuild(t, fmt.Sprintf("case %d, %s", i, form), composeRequest(d, p), want)
			assertSameBuild(t, fmt.Sprintf("case %d, %s as pipeline_definition", i, form),
				Request{Definition: text, Region: p.region, AccountID: p.account, SplitForManagedPolicies: true}, want)
		}
		q := p.withoutEnvironment()
		d, fault := ReadStages(terraformValue(rng, q))
		if fault != nil {
			t.Fatalf("case %d, terraform: %v", i, fault)
		}
		assertSameParts(t, fmt.Sprintf("case %d, terraform", i), d, q, false)
		assertSameBuild(t, fmt.Sprintf("case %d, terraform", i), composeRequest(d, q), Build(q.request()))
		assertSameBuild(t, fmt.Sprintf("case %d, terraform as pipeline_stages", i), Request{Stages: terraformValue(rng, q),
			PipelineName: q.name, ServiceRoleARN: q.role, Region: q.region, AccountID: q.account, ArtifactStores: q.stores,
			SplitForManagedPolicies: true}, Build(q.request()))
	}
}

// composeRequest is what the provider makes of a description: its parts,
// with what the form does not hold taken from the other inputs.
func composeRequest(d Description, p testPipeline) Request {
	stores := d.ArtifactStores
	if stores == nil {
		stores = p.stores
	}
	return Request{
		PipelineActions: d.Actions, PipelineRules: d.Rules,
		ArtifactStores: stores, PipelineName: cmp.Or(d.PipelineName, p.name),
		ServiceRoleARN: cmp.Or(d.ServiceRoleARN, p.role), Region: cmp.Or(d.Region, p.region), AccountID: cmp.Or(d.AccountID, p.account),
		SplitForManagedPolicies: true,
	}
}

func assertSameParts(t *testing.T, where string, d Description, p testPipeline, topLevel bool) {
	t.Helper()
	if got, want := d.Actions, p.actions(); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: actions\n got %+v\nwant %+v", where, got, want)
	}
	if got, want := d.Rules, p.rules(); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: rules\n got %+v\nwant %+v", where, got, want)
	}
	if len(d.Deferred) > 0 {
		t.Fatalf("%s: deferred values without intrinsic functions: %+v", where, d.Deferred)
	}
	if !topLevel {
		return
	}
	if !reflect.DeepEqual(d.ArtifactStores, p.stores) || d.PipelineName != p.name || d.ServiceRoleARN != p.role {
		t.Fatalf("%s: pipeline-wide parts\n got %q %q %+v\nwant %q %q %+v", where, d.PipelineName, d.ServiceRoleARN,
			d.ArtifactStores, p.name, p.role, p.stores)
	}
}

func assertSameBuild(t *testing.T, where string, req Request, want Result) {
	t.Helper()
	if got, w := builtJSON(Build(req)), builtJSON(want); got != w {
		t.Fatalf("%s: the policies differ\n got %s\nwant %s", where, got, w)
	}
}

// builtJSON is every document of a result, in a fixed order.
func builtJSON(r Result) string {
	parts := []string{r.Document.JSON(), rolesJSON(r)}
	for _, role := range slices.Sorted(maps.Keys(r.RolePolicies)) {
		parts = append(parts, role, r.RolePolicies[role].JSON())
	}
	return strings.Join(parts, "\n")
}
