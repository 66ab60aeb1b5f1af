package policy

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// This file is the one validation path. Every input of a request is checked
// here, once, by its kind, and turned into the values rendering needs: Build
// renders what it returns, and Validate (the provider's ValidateConfig and the
// function) reports its problems. The checks of one input kind live in one
// function: identifiers.go for ARNs, regions and names, values.go for
// configuration values, resolve.go for provider names.

// CodePipeline's quotas bound the size of a request, so no input can make the
// builder slow (limits.md and the API reference's Condition).
const (
	MaxActions         = 1000 // actions per pipeline
	MaxRules           = 750  // 50 stages × 3 conditions × 5 rules
	MaxEnvironmentVars = 10   // per action
	maxConfigKey       = 50   // characters of a configuration key
	maxEnvValue        = 2000 // characters of an environment variable value
)

// plan is a checked request: the pipeline-wide values and one step per action
// type to grant for.
type plan struct {
	req      Request
	pipeline values
	// unset says, for each pipeline-wide source without a value, which input
	// would give it one.
	unset map[string]string
	steps []step
}

// step is one action or rule to grant for, with its parsed values.
type step struct {
	path       Path
	name       string // the action's or rule's name; "" when unnamed
	label      string // "In action \"Build\": ", to start messages with
	actionType catalog.ActionType
	// config is nil when only the provider is known (action_providers).
	config map[string]string
	values values
	// unset says, for each configuration key without a value, why: the input
	// to set, or the run-time variable that hides it.
	unset   map[string]string
	roleARN string
}

type checker struct {
	req       Request
	partition string // "" while unknown or invalid: ARNs of any partition pass
	plan      plan
	problems  []Problem
}

// Validate checks every value of a request and reports each problem at its path.
func Validate(req Request) []Problem {
	_, problems := prepare(req)
	return problems
}

// prepare checks a request and parses it into a plan.
func prepare(req Request) (*plan, []Problem) {
	c := &checker{req: req, plan: plan{req: req, pipeline: values{}, unset: map[string]string{}}}
	c.pipelineWide()
	c.actionProviders()
	for i, a := range req.PipelineActions {
		c.action(i, a)
	}
	for i, r := range req.PipelineRules {
		c.rule(i, r)
	}
	c.artifactStores()
	c.passRoles()
	c.otherRoles()
	return &c.plan, c.problems
}

// otherRoles checks what the trust and event role documents need.
func (c *checker) otherRoles() {
	req := c.req
	if req.TrustSourceConditions && c.known(Path{AttrTrustConditions}) {
		for _, attr := range []string{AttrAccountID, AttrPipelineName} {
			if v := map[string]string{AttrAccountID: req.AccountID, AttrPipelineName: req.PipelineName}[attr]; v == "" && c.known(Path{attr}) {
				c.add(&Problem{Path: Path{AttrTrustConditions}, Summary: "Trust conditions need " + attr, Detail: fmt.Sprintf(
					"%s = true limits the trust policy to this pipeline's ARN and account; set %s.", AttrTrustConditions, attr)})
			}
		}
	}
	if req.PipelineName == "" && c.known(Path{AttrPipelineName}) && c.plan.needsEventRole() {
		c.add(&Problem{Path: Path{AttrPipelineName}, Summary: "Pipeline name needed for the change-detection role",
			Detail: "A source of this pipeline starts it through an EventBridge rule (an ECR source, or an S3 or CodeCommit " +
				"source with PollForSourceChanges = \"false\"), and that rule's role may start only this pipeline: set " +
				"pipeline_name so event_role_policy_json can name the pipeline's ARN."})
	}
}

func (c *checker) add(p *Problem) {
	if p != nil {
		c.problems = append(c.problems, *p)
	}
}

// known reports whether the value at path is known: neither it nor anything
// it lies in is unknown.
func (c *checker) known(path Path) bool {
	for _, u := range c.req.Unknown {
		if path.within(u) {
			return false
		}
	}
	return true
}

// fullyKnown reports whether the value at path and everything in it is known.
func (c *checker) fullyKnown(path Path) bool {
	for _, u := range c.req.Unknown {
		if path.within(u) || u.within(path) {
			return false
		}
	}
	return true
}

func (c *checker) pipelineWide() {
	req := c.req
	if c.known(Path{AttrPartition}) {
		if p := CheckPartition(Path{AttrPartition}, req.Partition); p != nil {
			c.add(p)
		} else {
			c.partition = req.partition()
		}
	}
	c.plan.pipeline.set(catalog.Partition, cmp.Or(c.partition, DefaultPartition))
	for _, f := range []struct {
		attr, source string
		check        func(Path, string) *Problem
		value        string
	}{
		{AttrRegion, catalog.Region, CheckRegion, req.Region},
		{AttrAccountID, catalog.Account, CheckAccountID, req.AccountID},
		{AttrPipelineName, catalog.ThisPipeline, CheckPipelineName, req.PipelineName},
	} {
		if !c.known(Path{f.attr}) {
			continue
		}
		c.add(f.check(Path{f.attr}, f.value))
		if f.value == "" {
			c.plan.unset[f.source] = f.attr + " is not set"
		} else {
			c.plan.pipeline.set(f.source, f.value)
		}
	}
	if c.known(Path{AttrServiceRoleARN}) {
		c.add(CheckRoleARN(Path{AttrServiceRoleARN}, req.ServiceRoleARN, c.partition))
	}
	if c.fullyKnown(Path{AttrActionProviders}) && c.fullyKnown(Path{AttrPipelineActions}) &&
		len(req.ActionProviders) == 0 && len(req.PipelineActions) == 0 {
		c.add(NoActions())
	}
	if n := len(req.ActionProviders); n > MaxActions {
		c.add(tooMany(AttrActionProviders, n, MaxActions, "actions"))
	}
	if n := len(req.PipelineActions); n > MaxActions {
		c.add(tooMany(AttrPipelineActions, n, MaxActions, "actions"))
	}
	if len(req.PipelineRules) > MaxRules {
		c.add(tooMany(AttrPipelineRules, len(req.PipelineRules), MaxRules, "stage-condition rules"))
	}
}

// NoActions is the problem of a request that selects no pipeline action.
func NoActions() *Problem {
	p := errorAt(Path{AttrActionProviders}, "No pipeline actions",
		"A pipeline has at least one source action and one other action. List the providers of your "+
			"pipeline's actions, for example action_providers = [\"CodeStarSourceConnection\", \"CodeBuild\"], "+
			"or describe them in pipeline_actions.")
	return &p
}

func tooMany(attr string, n, limit int, what string) *Problem {
	p := errorAt(Path{attr}, "Too many "+what, fmt.Sprintf(
		"%s has %d entries; a CodePipeline pipeline holds at most %d %s (CodePipeline quotas), so this cannot "+
			"describe one pipeline. Build one policy per pipeline.", attr, n, limit, what))
	return &p
}

func (c *checker) actionProviders() {
	seen := map[string]bool{}
	for i, entry := range c.req.ActionProviders {
		path := Path{AttrActionProviders, i}
		if !c.known(path) {
			continue
		}
		types, p := ResolveActionProvider(path, entry)
		c.add(p)
		for _, t := range types {
			c.add(deprecation(path, t, ""))
			if seen[t.Key()] {
				continue
			}
			seen[t.Key()] = true
			why := fmt.Sprintf("%s names only the provider; describe the action in %s with its configuration", path, AttrPipelineActions)
			s := step{path: path, actionType: t, values: values{}, unset: map[string]string{}}
			for _, k := range t.ConfigKeys {
				s.unset[k.Name] = why
			}
			c.plan.steps = append(c.plan.steps, s)
		}
	}
}

// action checks one pipeline action and adds its step.
func (c *checker) action(i int, pa PipelineAction) {
	path := Path{AttrPipelineActions, i}
	if !c.known(path) {
		return
	}
	label := labelFor("action", pa.Name, path)
	c.where(path, label, pa.Region, pa.RoleARN)
	t, ok := c.actionType(path, label, pa)
	if !ok {
		return
	}
	s := c.newStep(path, label, t, pa.Configuration, pa.Region, pa.RoleARN)
	s.name = pa.Name
	c.environment(&s, path.Child(AttrEnvironmentVariables), pa.EnvironmentVariables)
	c.plan.steps = append(c.plan.steps, s)
}

// rule checks one stage-condition rule and adds its step.
func (c *checker) rule(i int, r PipelineRule) {
	path := Path{AttrPipelineRules, i}
	if !c.known(path) {
		return
	}
	label := labelFor("rule", r.Name, path)
	c.where(path, label, r.Region, r.RoleARN)
	t, ok := c.ruleType(path, label, r)
	if !ok {
		return
	}
	c.commands(path.Child(AttrCommands), label, r.Commands)
	s := c.newStep(path, label, t, r.Configuration, r.Region, r.RoleARN)
	s.name = r.Name
	c.plan.steps = append(c.plan.steps, s)
}

// origin names what a step's statements are needed by, for audits: the
// action or rule by its name (or its place when unnamed) with its type, or
// the type alone for an entry of action_providers. A nil step stands for the
// pipeline's own statements.
func (s *step) origin() string {
	switch {
	case s == nil:
		return artifactStores
	case s.path[0] == AttrActionProviders:
		return s.actionType.Key()
	case s.name == "":
		return fmt.Sprintf("%s (%s)", s.path, s.actionType.Key())
	case s.path[0] == AttrPipelineRules:
		return fmt.Sprintf("rule %q (%s)", s.name, s.actionType.Key())
	}
	return fmt.Sprintf("action %q (%s)", s.name, s.actionType.Key())
}

// labelFor starts the messages about one action or rule: where it is, and
// its name when it has one. Terraform points nested attributes at their
// block only, so the message itself says where.
func labelFor(kind, name string, path Path) string {
	if name == "" {
		return fmt.Sprintf("In %s: ", path)
	}
	return fmt.Sprintf("In %s %q (%s): ", kind, name, path)
}

// where checks the region and role an action or rule runs in.
func (c *checker) where(path Path, label, region, role string) {
	for _, p := range []*Problem{
		c.knownCheck(path.Child(AttrRegion), func(at Path) *Problem { return CheckRegion(at, region) }),
		c.knownCheck(path.Child(AttrRoleARN), func(at Path) *Problem { return CheckRoleARN(at, role, c.partition) }),
	} {
		if p != nil {
			p.Detail = label + p.Detail
			c.add(p)
		}
	}
}

func (c *checker) knownCheck(path Path, check func(Path) *Problem) *Problem {
	if !c.known(path) {
		return nil
	}
	return check(path)
}

// actionType resolves a pipeline action's owner, category and provider.
// Custom actions, and actions whose type is not known yet, have none.
func (c *checker) actionType(path Path, label string, pa PipelineAction) (catalog.ActionType, bool) {
	if !c.known(path.Child(AttrOwner)) || !c.known(path.Child(AttrCategory)) || !c.known(path.Child(AttrProvider)) {
		return catalog.ActionType{}, false
	}
	labelled := func(p Problem) *Problem { p.Detail = label + p.Detail; return &p }
	owner := cmp.Or(pa.Owner, catalog.OwnerAWS)
	if !slices.Contains(owners, owner) {
		c.add(labelled(errorAt(path.Child(AttrOwner), "Unknown action owner",
			fmt.Sprintf("%q is not an action owner. Valid owners are %s.", pa.Owner, quoteList(owners)))))
		return catalog.ActionType{}, false
	}
	if owner == catalog.OwnerCustom {
		return catalog.ActionType{}, false // the account's own job workers: nothing to check or grant
	}
	types, p := ResolveActionProvider(path.Child(AttrProvider), pa.Category+"/"+pa.Provider)
	if p != nil && p.Summary == "Unknown action provider" && pa.Owner == catalog.OwnerThirdParty {
		// Partner actions (GhostInspector, Runscope, ...) run on the partner's own
		// job workers, like custom actions: nothing to grant, but say so.
		c.add(labelled(warningAt(path.Child(AttrProvider), "Partner action not in the catalog", fmt.Sprintf(
			"%q is not an action type AWS documents for the service role. A ThirdParty partner action runs on the "+
				"partner's own job workers and needs nothing from the service role, so nothing is granted for it.", pa.Provider))))
		return catalog.ActionType{}, false
	}
	if p != nil {
		if _, known := catalog.CanonicalCategory(pa.Category); !known || pa.Category == "" {
			p.Path = path.Child(AttrCategory)
			p.Summary = "Unknown action category"
			p.Detail = fmt.Sprintf("%q is not an action category. Valid categories are %s.", pa.Category, quoteList(catalog.Categories))
		}
		c.add(labelled(*p))
		return catalog.ActionType{}, false
	}
	t := types[0]
	// Only an owner the user wrote can be wrong: the default is not advice-worthy.
	if pa.Owner != "" && pa.Owner != t.Owner {
		c.add(labelled(warningAt(path.Child(AttrOwner), "Unexpected action owner", fmt.Sprintf(
			"CodePipeline documents owner %q for %s, not %q.", t.Owner, t.Key(), pa.Owner))))
	}
	c.add(deprecation(path.Child(AttrProvider), t, label))
	return t, true
}

var owners = []string{catalog.OwnerAWS, catalog.OwnerThirdParty, catalog.OwnerCustom}

// deprecation warns about an action type AWS no longer recommends.
func deprecation(path Path, t catalog.ActionType, label string) *Problem {
	if t.Deprecation == "" {
		return nil
	}
	p := warningAt(path, t.Key()+" is deprecated", label+t.Deprecation)
	return &p
}

// ruleType resolves a rule's provider, owner and version.
func (c *checker) ruleType(path Path, label string, r PipelineRule) (catalog.ActionType, bool) {
	if c.known(path.Child(AttrOwner)) && r.Owner != "" && r.Owner != catalog.OwnerAWS {
		c.add(&Problem{Path: path.Child(AttrOwner), Summary: "Unknown rule owner", Detail: label + fmt.Sprintf(
			"%q is not a rule owner: every stage-condition rule type is owned by \"AWS\".", r.Owner)})
	}
	if c.known(path.Child(AttrVersion)) && r.Version != "" && r.Version != "1" {
		c.add(&Problem{Path: path.Child(AttrVersion), Summary: "Unknown rule version", Detail: label + fmt.Sprintf(
			"CodePipeline documents version \"1\" of every rule type, not %q.", r.Version)})
	}
	if !c.known(path.Child(AttrProvider)) {
		return catalog.ActionType{}, false
	}
	t, p := ResolveRuleProvider(path.Child(AttrProvider), r.Provider)
	if p != nil {
		p.Detail = label + p.Detail
		c.add(p)
		return catalog.ActionType{}, false
	}
	return t, true
}

// commands checks a Commands rule's shell commands against CodePipeline's limits.
func (c *checker) commands(path Path, label string, commands []string) {
	if !c.known(path) {
		return
	}
	if len(commands) > 50 {
		c.add(&Problem{Path: path, Summary: "Too many commands", Detail: label + fmt.Sprintf(
			"%d commands are given; CodePipeline accepts at most 50.", len(commands))})
	}
	for i, command := range commands {
		if n := len([]rune(command)); c.known(path.Child(i)) && (n == 0 || n > MaxConfigurationValue) {
			c.add(&Problem{Path: path.Child(i), Summary: "Invalid command", Detail: label + fmt.Sprintf(
				"a command has %d characters; CodePipeline accepts 1 to %d.", n, MaxConfigurationValue)})
		}
	}
}

// newStep checks a configuration by the action type's keys and records its
// values, and why each key that scopes a statement has none.
func (c *checker) newStep(path Path, label string, t catalog.ActionType, config map[string]string, region, role string) step {
	s := step{path: path, label: label, actionType: t, config: map[string]string{}, values: values{},
		unset: map[string]string{}, roleARN: role}
	at := path.Child(AttrConfiguration)
	for _, name := range slices.Sorted(maps.Keys(config)) {
		if c.known(at.Child(MapKey(name))) {
			s.config[name] = config[name]
			c.configValue(&s, at.Child(MapKey(name)), name, config[name])
		}
	}
	for _, k := range t.ConfigKeys {
		_, given := config[k.Name]
		if !given && k.Required && c.known(at) {
			s.unset[k.Name] = fmt.Sprintf("%s is not set", at.Child(MapKey(k.Name)))
		}
	}
	if region != "" && c.known(path.Child(AttrRegion)) {
		s.values.set(catalog.Region, region)
	}
	if parsed, err := arn.Parse(role); err == nil && c.known(path.Child(AttrRoleARN)) {
		s.values.set(catalog.Account, parsed.AccountID) // the role's account holds the action's resources
	}
	return s
}

// configValue checks one configuration value by its key's kind.
func (c *checker) configValue(s *step, path Path, name, value string) {
	t := s.actionType
	fail := func(summary, detail string) {
		c.add(&Problem{Path: path, Summary: summary, Detail: s.label + detail})
	}
	switch n := len([]rune(value)); {
	case len([]rune(name)) > maxConfigKey:
		fail("Invalid configuration key", fmt.Sprintf("the key %.60q… has %d characters; CodePipeline accepts at most %d.",
			name, len([]rune(name)), maxConfigKey))
		return
	case n == 0:
		fail("Empty configuration value", fmt.Sprintf(
			"%s is empty; CodePipeline requires 1 to %d characters. Leave the key out if it does not apply.", name, MaxConfigurationValue))
		return
	case n > MaxConfigurationValue:
		fail("Configuration value too long", fmt.Sprintf(
			"%s has %d characters; CodePipeline accepts at most %d.", name, n, MaxConfigurationValue))
		return
	}
	key, documented := t.ConfigKey(name)
	if !documented {
		if t.ConfigKeys != nil {
			var valid []string
			for _, k := range t.ConfigKeys {
				valid = append(valid, k.Name)
			}
			c.add(&Problem{Path: path, Warning: true, Summary: "Unknown configuration key", Detail: s.label + fmt.Sprintf(
				"%s documents no configuration key %q; it grants nothing. Valid keys are %s.", t.Key(), name, quoteList(valid))})
		}
		return
	}
	if isRuntimeVariable(value) {
		if key.Kind != catalog.Setting || len(key.Values) > 0 {
			s.unset[name] = fmt.Sprintf("%s is resolved at run time (%s)", path, value)
		}
		return
	}
	records, fault := parseConfigValue(key, value, c.partition)
	if fault != nil {
		fail(fault.summary, fault.detail)
		return
	}
	if len(records) > 0 {
		s.values[name] = records
	}
}

// environment checks an action's environment variables; each secret becomes
// a value of the SecretsManagerSecret source.
func (c *checker) environment(s *step, path Path, vars []EnvironmentVariable) {
	if !c.known(path) {
		return
	}
	if len(vars) > MaxEnvironmentVars {
		c.add(&Problem{Path: path, Summary: "Too many environment variables", Detail: s.label + fmt.Sprintf(
			"%d are given; CodePipeline accepts at most %d per action.", len(vars), MaxEnvironmentVars)})
		return
	}
	secrets := false
	for i, v := range vars {
		at := path.Child(i)
		if !c.known(at) {
			continue
		}
		if p := checkEnvironmentVariable(at, s.label, v); p != nil {
			c.add(p)
			continue
		}
		if !strings.EqualFold(v.Type, SecretsManager) || !c.known(at.Child(AttrValue)) {
			continue
		}
		secrets = true
		if isRuntimeVariable(v.Value) {
			s.values[catalog.Secret] = append(s.values[catalog.Secret], record{Name: "*", known: true})
			s.unset[catalog.Secret] = fmt.Sprintf("%s is resolved at run time (%s)", at.Child(AttrValue), v.Value)
			continue
		}
		r, fault := parseSecret(v.Value, c.partition)
		if fault != "" {
			c.add(&Problem{Path: at.Child(AttrValue), Summary: "Invalid secret reference", Detail: s.label + fault})
			continue
		}
		s.values[catalog.Secret] = append(s.values[catalog.Secret], r)
	}
	if !secrets {
		return
	}
	if !s.actionType.UsesSecrets {
		c.add(&Problem{Path: path, Warning: true, Summary: "Secrets not documented for this action type", Detail: s.label + fmt.Sprintf(
			"%s does not document SECRETS_MANAGER environment variables (only Compute/Commands does), so no "+
				"secretsmanager:GetSecretValue is granted for them.", s.actionType.Key())})
		return
	}
	c.add(&Problem{Path: path, Warning: true, Summary: "Secrets under a customer managed key need kms:Decrypt", Detail: s.label +
		"The policy grants secretsmanager:GetSecretValue on each secret. A secret encrypted with a customer managed " +
		"KMS key (not aws/secretsmanager) also needs kms:Decrypt on that key: add it to the role, or allow the role in the key policy."})
}

func (c *checker) artifactStores() {
	if len(c.req.ArtifactStores) == 0 && c.known(Path{AttrArtifactStores}) {
		c.plan.unset[catalog.ArtifactBucket] = AttrArtifactStores + " is not set"
	}
	for i, store := range c.req.ArtifactStores {
		at := Path{AttrArtifactStores, i}
		if !c.known(at) {
			continue
		}
		c.add(c.knownCheck(at.Child(AttrLocation), func(p Path) *Problem { return CheckBucketName(p, store.Location) }))
		c.add(c.knownCheck(at.Child(AttrRegion), func(p Path) *Problem { return CheckRegion(p, store.Region) }))
		c.add(c.knownCheck(at.Child(AttrEncryptionKeyID), func(p Path) *Problem {
			return CheckKeyARN(p, store.EncryptionKeyID, c.partition)
		}))
		c.plan.pipeline.set(catalog.ArtifactBucket, store.Location)
		if store.EncryptionKeyID != "" {
			c.plan.pipeline.set(catalog.ArtifactKeyArn, store.EncryptionKeyID)
		}
	}
}

func (c *checker) passRoles() {
	if len(c.req.PassRoleARNs) == 0 && c.known(Path{AttrPassRoleARNs}) {
		c.plan.unset[catalog.PassRole] = AttrPassRoleARNs + " is not set"
	}
	for i, role := range c.req.PassRoleARNs {
		at := Path{AttrPassRoleARNs, i}
		if !c.known(at) {
			continue
		}
		if p := CheckRoleARN(at, role, c.partition); p != nil || role == "" {
			c.add(p)
			continue
		}
		parsed, _ := arn.Parse(role)
		c.plan.pipeline.setARN(catalog.PassRole, parsed, "role/")
	}
}
