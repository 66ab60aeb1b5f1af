package policy

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// Actions and rules become steps here: each is checked, its type resolved
// and its configuration parsed into the values its statements are rendered
// with.

// step is one action or rule to grant for, with its parsed values.
type step struct {
	origin     Origin // also starts the messages about the step
	path       Path
	actionType catalog.ActionType
	// config is nil when only the provider is known (action_providers).
	config map[string]string
	values values
	// unset says, for each configuration key without a value, why: the input
	// to set, or the run-time variable that hides it.
	unset   map[string]Text
	roleARN string
	// secrets is true when the step reads Secrets Manager secrets.
	secrets bool
}

func (c *checker) actionProviders() {
	seen := map[string]bool{}
	for i, entry := range c.req.ActionProviders {
		path := Path{FieldActionProviders, i}
		if !c.known(path) {
			continue
		}
		types, p := resolveActionProvider(path, entry)
		c.add(p)
		for _, t := range types {
			c.add(deprecation(path, t, Origin{}))
			if seen[t.Key()] {
				continue
			}
			seen[t.Key()] = true
			why := say("%s names only the provider; describe the action in %s with its configuration", path, FieldPipelineActions)
			s := step{origin: Origin{Path: path, Type: t.Key(), Region: c.req.Region}, path: path, actionType: t, values: values{}, unset: map[string]Text{}}
			for _, k := range t.ConfigKeys {
				s.unset[k.Name] = why
			}
			c.plan.steps = append(c.plan.steps, s)
		}
	}
}

// action checks one pipeline action and adds its step.
func (c *checker) action(i int, pa PipelineAction) {
	path := Path{FieldPipelineActions, i}
	if !c.known(path) {
		return
	}
	origin := Origin{Path: path, Name: pa.Name}
	c.where(path, origin, pa.Region, pa.RoleARN)
	t, ok := c.actionType(path, origin, pa)
	if !ok {
		return
	}
	s := c.newStep(origin, t, pa.Configuration, pa.Region, pa.RoleARN)
	c.environment(&s, path.Child(FieldEnvironmentVariables), pa.EnvironmentVariables)
	c.plan.steps = append(c.plan.steps, s)
}

// rule checks one stage-condition rule and adds its step.
func (c *checker) rule(i int, r PipelineRule) {
	path := Path{FieldPipelineRules, i}
	if !c.known(path) {
		return
	}
	origin := Origin{Path: path, Name: r.Name}
	c.where(path, origin, r.Region, r.RoleARN)
	t, ok := c.ruleType(path, origin, r)
	if !ok {
		return
	}
	c.commands(path.Child(FieldCommands), origin, r.Commands)
	s := c.newStep(origin, t, r.Configuration, r.Region, r.RoleARN)
	c.plan.steps = append(c.plan.steps, s)
}

// label starts the messages about an action or rule: where it is, and its
// name when it has one. Terraform points nested attributes at their block
// only, so the message itself says where. Entries of action providers have
// none: their problems are on the entry.
func (o Origin) label() Text {
	kind := "action"
	switch {
	case o.Path == nil || o.Path[0] == FieldActionProviders:
		return nil
	case o.Path[0] == FieldPipelineRules:
		kind = "rule"
	}
	if o.Name == "" {
		return say("In %s: ", o.Path)
	}
	return say("In %s %q (%s): ", kind, o.Name, o.Path)
}

// labelled starts a problem's detail with the label of its action or rule.
func (o Origin) labelled(p *Problem) *Problem {
	if p != nil {
		p.Detail = o.label().Then(p.Detail)
	}
	return p
}

// where checks the region and role an action or rule runs in.
func (c *checker) where(path Path, o Origin, region, role string) {
	if region != "" {
		c.add(o.labelled(c.knownCheck(path.Child(FieldRegion), func(at Path) *Problem { return checkRegion(at, region, c.partition) })))
	}
	if role != "" {
		c.add(o.labelled(c.knownCheck(path.Child(FieldRoleARN), func(at Path) *Problem { return checkRoleARN(at, role, c.partition, asPrincipal) })))
	}
}

// knownChild reports whether the value at path's child step is known,
// without making the child's path when nothing is unknown.
func (c *checker) knownChild(path Path, step any) bool {
	return len(c.req.Unknown) == 0 || c.known(path.Child(step))
}

// actionType resolves a pipeline action's owner, category and provider.
// Custom actions, and actions whose type is not known yet, have none.
func (c *checker) actionType(path Path, o Origin, pa PipelineAction) (catalog.ActionType, bool) {
	if !c.knownChild(path, FieldOwner) || !c.knownChild(path, FieldCategory) || !c.knownChild(path, FieldProvider) {
		return catalog.ActionType{}, false
	}
	owner := cmp.Or(pa.Owner, catalog.OwnerAWS)
	if !slices.Contains(owners, owner) {
		p := errorAt(CodeUnknownOwner, path.Child(FieldOwner), "Unknown action owner",
			say("%q is not an action owner. Valid owners are %s.", pa.Owner, quoteList(owners)))
		c.add(o.labelled(&p))
		return catalog.ActionType{}, false
	}
	if owner == catalog.OwnerCustom {
		return catalog.ActionType{}, false // the account's own job workers: nothing to check or grant
	}
	types, p := resolveActionProvider(path.Child(FieldProvider), pa.Category+"/"+pa.Provider)
	if p != nil && p.Code == CodeUnknownProvider && pa.Owner == catalog.OwnerThirdParty {
		// Partner actions (GhostInspector, Runscope, ...) run on the partner's own
		// job workers, like custom actions: nothing to grant, but say so.
		w := warningAt(CodePartnerAction, path.Child(FieldProvider), "Partner action not in the catalog", say(
			"%q is not an action type AWS documents for the service role. A ThirdParty partner action runs on the "+
				"partner's own job workers and needs nothing from the service role, so nothing is granted for it.", pa.Provider))
		c.add(o.labelled(&w))
		return catalog.ActionType{}, false
	}
	if p != nil {
		if _, known := catalog.CanonicalCategory(pa.Category); !known || pa.Category == "" {
			*p = errorAt(CodeUnknownCategory, path.Child(FieldCategory), "Unknown action category",
				say("%q is not an action category. Valid categories are %s.", pa.Category, quoteList(catalog.Categories)))
		}
		c.add(o.labelled(p))
		return catalog.ActionType{}, false
	}
	t := types[0]
	// Only an owner the user wrote can be wrong: the default is not advice-worthy.
	if pa.Owner != "" && pa.Owner != t.Owner {
		w := warningAt(CodeUnexpectedOwner, path.Child(FieldOwner), "Unexpected action owner",
			say("CodePipeline documents owner %q for %s, not %q.", t.Owner, t.Key(), pa.Owner))
		c.add(o.labelled(&w))
	}
	c.add(deprecation(path.Child(FieldProvider), t, o))
	return t, true
}

var owners = []string{catalog.OwnerAWS, catalog.OwnerThirdParty, catalog.OwnerCustom}

// deprecation warns about an action type AWS no longer recommends.
func deprecation(path Path, t catalog.ActionType, o Origin) *Problem {
	if t.Deprecation == "" {
		return nil
	}
	p := warningAt(CodeDeprecated, path, t.Key()+" is deprecated", plain(t.Deprecation))
	return o.labelled(&p)
}

// ruleType resolves a rule's provider, owner and version.
func (c *checker) ruleType(path Path, o Origin, r PipelineRule) (catalog.ActionType, bool) {
	if c.known(path.Child(FieldOwner)) && r.Owner != "" && r.Owner != catalog.OwnerAWS {
		p := errorAt(CodeUnknownRuleOwner, path.Child(FieldOwner), "Unknown rule owner", say(
			"%q is not a rule owner: every stage-condition rule type is owned by \"AWS\".", r.Owner))
		c.add(o.labelled(&p))
	}
	if c.known(path.Child(FieldVersion)) && r.Version != "" && r.Version != "1" {
		p := errorAt(CodeUnknownRuleVersion, path.Child(FieldVersion), "Unknown rule version", say(
			"CodePipeline documents version \"1\" of every rule type, not %q.", r.Version))
		c.add(o.labelled(&p))
	}
	if !c.known(path.Child(FieldProvider)) {
		return catalog.ActionType{}, false
	}
	t, p := resolveRuleProvider(path.Child(FieldProvider), r.Provider)
	if p != nil {
		c.add(o.labelled(p))
		return catalog.ActionType{}, false
	}
	return t, true
}

// commands checks a Commands rule's shell commands against CodePipeline's limits.
func (c *checker) commands(path Path, o Origin, commands []string) {
	if !c.known(path) {
		return
	}
	if len(commands) > 50 {
		p := errorAt(CodeTooManyCommands, path, "Too many commands",
			say("%d commands are given; CodePipeline accepts at most 50.", len(commands)))
		c.add(o.labelled(&p))
	}
	for i, command := range commands {
		if n := len([]rune(command)); c.known(path.Child(i)) && (n == 0 || n > MaxConfigurationValue) {
			p := errorAt(CodeInvalidCommand, path.Child(i), "Invalid command",
				say("a command has %d characters; CodePipeline accepts 1 to %d.", n, MaxConfigurationValue))
			c.add(o.labelled(&p))
		}
	}
}

// newStep checks a configuration by the action type's keys and records its
// values, and why each key that scopes a statement has none.
func (c *checker) newStep(o Origin, t catalog.ActionType, config map[string]string, region, role string) step {
	o.Type, o.Region = t.Key(), cmp.Or(region, c.req.Region)
	path := o.Path
	s := step{origin: o, path: path, actionType: t,
		config: make(map[string]string, len(config)), values: values{}, unset: map[string]Text{}, roleARN: role}
	at := path.Child(FieldConfiguration)
	for _, name := range slices.Sorted(maps.Keys(config)) {
		if c.knownChild(at, MapKey(name)) {
			s.config[name] = config[name]
			c.configValue(&s, at, name, config[name])
		}
	}
	for _, k := range t.ConfigKeys {
		_, given := config[k.Name]
		if !given && k.Required && c.known(at) {
			s.unset[k.Name] = say("%s is not set", at.Child(MapKey(k.Name)))
		}
	}
	if region != "" && c.knownChild(path, FieldRegion) {
		s.values.set(catalog.Region, region)
	}
	if parsed, err := arn.Parse(role); role != "" && err == nil && c.knownChild(path, FieldRoleARN) {
		s.values.set(catalog.Account, parsed.AccountID) // the role's account holds the action's resources
	}
	return s
}

// configValue checks one configuration value by its key's kind; at is the
// configuration's path.
func (c *checker) configValue(s *step, at Path, name, value string) {
	t := s.actionType
	fail := func(code Code, summary string, detail Text) {
		p := errorAt(code, at.Child(MapKey(name)), summary, detail)
		c.add(s.origin.labelled(&p))
	}
	switch n := len([]rune(value)); {
	case len([]rune(name)) > maxConfigKey:
		fail(CodeInvalidConfigKey, "Invalid configuration key", say("the key %.60q… has %d characters; CodePipeline accepts at most %d.",
			name, len([]rune(name)), maxConfigKey))
		return
	case n == 0:
		fail(CodeEmptyConfigValue, "Empty configuration value", say(
			"%s is empty; CodePipeline requires 1 to %d characters. Leave the key out if it does not apply.", name, MaxConfigurationValue))
		return
	case n > MaxConfigurationValue:
		fail(CodeConfigValueTooLong, "Configuration value too long", say(
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
			w := warningAt(CodeUnknownConfigKey, at.Child(MapKey(name)), "Unknown configuration key", say(
				"%s documents no configuration key %q; it grants nothing. Valid keys are %s.", t.Key(), name, quoteList(valid)))
			c.add(s.origin.labelled(&w))
		}
		return
	}
	if isRuntimeVariable(value) {
		if key.Kind != catalog.Setting || len(key.Values) > 0 {
			s.unset[name] = say("%s is resolved at run time (%s)", at.Child(MapKey(name)), value)
		}
		return
	}
	records, fault := parseConfigValue(key, value, c.partition)
	if fault != nil {
		fail(fault.code, fault.summary, plain(fault.detail))
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
	if len(vars) > maxEnvironmentVars {
		p := errorAt(CodeTooManyVariables, path, "Too many environment variables", say(
			"%d are given; CodePipeline accepts at most %d per action.", len(vars), maxEnvironmentVars))
		c.add(s.origin.labelled(&p))
		return
	}
	secrets := false
	for i, v := range vars {
		at := path.Child(i)
		if !c.known(at) {
			continue
		}
		if p := checkEnvironmentVariable(at, v); p != nil {
			c.add(s.origin.labelled(p))
			continue
		}
		if !strings.EqualFold(v.Type, SecretsManager) || !c.known(at.Child(FieldValue)) {
			continue
		}
		secrets = true
		if isRuntimeVariable(v.Value) {
			s.values[catalog.Secret] = append(s.values[catalog.Secret], record{pattern: "*", known: true})
			s.unset[catalog.Secret] = say("%s is resolved at run time (%s)", at.Child(FieldValue), v.Value)
			continue
		}
		r, fault := parseSecret(v.Value, c.partition)
		if fault != "" {
			p := errorAt(CodeInvalidSecret, at.Child(FieldValue), "Invalid secret reference", plain(fault))
			c.add(s.origin.labelled(&p))
			continue
		}
		s.values[catalog.Secret] = append(s.values[catalog.Secret], r)
	}
	if !secrets {
		return
	}
	if !s.actionType.UsesSecrets {
		w := warningAt(CodeSecretsUndocumented, path, "Secrets not documented for this action type", say(
			"%s does not document SECRETS_MANAGER environment variables (only Compute/Commands does), so no "+
				"secretsmanager:GetSecretValue is granted for them.", s.actionType.Key()))
		c.add(s.origin.labelled(&w))
		return
	}
	s.secrets = true
}

// Origin is what a grant is needed for: an action or rule of the request,
// by its path, name and type, or the pipeline's artifact stores (a nil Path).
type Origin struct {
	Path Path
	Name string // the action's or rule's name; "" when unnamed
	Type string // Category/Provider; "" for the artifact stores
	// Region is where its calls are made: its own region, else the
	// pipeline's; "" when neither is given.
	Region string
}

// Text names the origin for messages: the action or rule by its name (or
// its place when unnamed) with its type, the type alone for an entry of
// action providers, or the artifact stores.
func (o Origin) Text() Text {
	switch {
	case o.Path == nil:
		return plain("the artifact stores")
	case o.Path[0] == FieldActionProviders:
		return plain(o.Type)
	case o.Name == "":
		return say("%s (%s)", o.Path, o.Type)
	case o.Path[0] == FieldPipelineRules:
		return say("rule %q (%s)", o.Name, o.Type)
	}
	return say("action %q (%s)", o.Name, o.Type)
}
