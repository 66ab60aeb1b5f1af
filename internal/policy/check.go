package policy

import (
	"cmp"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// This file is the one validation path. Every input of a request is checked
// here, once, by its kind, and turned into the values rendering needs: Build
// renders what it returns, and Validate (the provider's ValidateConfig and the
// function) reports its problems. The checks of one input kind live in one
// function: identifiers.go for ARNs, regions and names, values.go for
// configuration values, resolve.go for provider names, steps.go for actions
// and rules.

// CodePipeline's quotas bound the size of a request, so no input can make the
// builder slow (limits.md and the API reference's Condition).
const (
	maxActions         = 1000 // actions per pipeline
	maxRules           = 750  // 50 stages × 3 conditions × 5 rules
	maxEnvironmentVars = 10   // per action
	maxConfigKey       = 50   // characters of a configuration key
	maxEnvValue        = 2000 // characters of an environment variable value
)

// plan is a checked request: the pipeline-wide values and one step per action
// type to grant for.
type plan struct {
	req Request
	// described is the description the request was read from, if any.
	described *described
	pipeline  values
	// unset says, for each pipeline-wide source without a value, which input
	// would give it one.
	unset map[string]Text
	steps []step
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

// prepare checks a request and parses it into a plan; problems inside a
// description name their place in it.
func prepare(req Request) (*plan, []Problem) {
	req, d, problems := describe(req)
	if HasError(problems) {
		return &plan{req: req}, problems
	}
	p, more := check(req)
	p.described = d
	for i := range p.steps {
		p.steps[i].origin = d.origin(p.steps[i].origin)
	}
	return p, d.problems(append(problems, more...))
}

func check(req Request) (*plan, []Problem) {
	c := &checker{req: req, plan: plan{req: req, pipeline: values{}, unset: map[string]Text{}}}
	c.pipelineWide()
	c.actionProviders()
	for i, a := range req.PipelineActions {
		c.action(i, a)
	}
	for i, r := range req.PipelineRules {
		c.rule(i, r)
	}
	c.artifactStores()
	c.storeLayout()
	c.passRoles()
	c.secretKeys()
	c.otherRoles()
	return &c.plan, c.problems
}

// otherRoles checks what the trust and event role documents need.
func (c *checker) otherRoles() {
	req := c.req
	if req.TrustSourceConditions && c.known(Path{FieldTrustSourceConditions}) {
		for _, needed := range []struct {
			field Field
			value string
		}{{FieldAccountID, req.AccountID}, {FieldPipelineName, req.PipelineName}} {
			if needed.value == "" && c.known(Path{needed.field}) {
				c.add(&Problem{Code: CodeTrustNeedsInput, Path: Path{FieldTrustSourceConditions},
					Summary: "Trust conditions need the account and pipeline name", Detail: say(
						"%s = true limits the trust policy to this pipeline's ARN and account; set %s.",
						FieldTrustSourceConditions, needed.field)})
			}
		}
	}
	if req.PipelineName == "" && c.known(Path{FieldPipelineName}) && c.plan.needsEventRole() {
		c.add(&Problem{Code: CodeEventRoleNeedsName, Path: Path{FieldPipelineName},
			Summary: "Pipeline name needed for the change-detection role", Detail: say(
				"A source of this pipeline starts it through an EventBridge rule (an ECR source, or an S3 or CodeCommit "+
					"source with PollForSourceChanges = \"false\"), and that rule's role may start only this pipeline: set "+
					"%s so %s can name the pipeline's ARN.", FieldPipelineName, FieldEventRole)})
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
		if path.Within(u) {
			return false
		}
	}
	return true
}

// fullyKnown reports whether the value at path and everything in it is known.
func (c *checker) fullyKnown(path Path) bool {
	for _, u := range c.req.Unknown {
		if path.Within(u) || u.Within(path) {
			return false
		}
	}
	return true
}

func (c *checker) knownCheck(path Path, check func(Path) *Problem) *Problem {
	if !c.known(path) {
		return nil
	}
	return check(path)
}

func (c *checker) pipelineWide() {
	req := c.req
	if c.known(Path{FieldPartition}) {
		if p := checkPartition(Path{FieldPartition}, req.Partition); p != nil {
			c.add(p)
		} else {
			c.partition = req.partition()
		}
	}
	c.plan.pipeline.set(catalog.Partition, cmp.Or(c.partition, DefaultPartition))
	for _, f := range []struct {
		field  Field
		source string
		check  func(Path, string) *Problem
		value  string
	}{
		{FieldRegion, catalog.Region, func(p Path, r string) *Problem { return checkRegion(p, r, c.partition) }, req.Region},
		{FieldAccountID, catalog.Account, checkAccountID, req.AccountID},
		{FieldPipelineName, catalog.ThisPipeline, checkPipelineName, req.PipelineName},
	} {
		if !c.known(Path{f.field}) {
			continue
		}
		c.add(f.check(Path{f.field}, f.value))
		if f.value == "" {
			c.plan.unset[f.source] = say("%s is not set", f.field)
		} else {
			c.plan.pipeline.set(f.source, f.value)
		}
	}
	if c.known(Path{FieldServiceRoleARN}) {
		c.add(checkRoleARN(Path{FieldServiceRoleARN}, req.ServiceRoleARN, c.partition, asPrincipal))
	}
	if c.fullyKnown(Path{FieldActionProviders}) && c.fullyKnown(Path{FieldPipelineActions}) &&
		c.fullyKnown(Path{FieldPipelineDefinition}) && c.fullyKnown(Path{FieldPipelineStages}) &&
		len(req.ActionProviders) == 0 && len(req.PipelineActions) == 0 {
		c.add(noActions())
	}
	if n := len(req.ActionProviders); n > maxActions {
		c.add(tooMany(FieldActionProviders, n, maxActions, "actions"))
	}
	if n := len(req.PipelineActions); n > maxActions {
		c.add(tooMany(FieldPipelineActions, n, maxActions, "actions"))
	}
	if n := len(req.PipelineRules); n > maxRules {
		c.add(tooMany(FieldPipelineRules, n, maxRules, "stage-condition rules"))
	}
}

// noActions is the problem of a request that selects no pipeline action.
func noActions() *Problem {
	p := errorAt(CodeNoActions, Path{FieldActionProviders}, "No pipeline actions", say(
		"A pipeline has at least one source action and one other action. List the providers of your "+
			"pipeline's actions, for example %s = [\"CodeStarSourceConnection\", \"CodeBuild\"], "+
			"or describe them in %s.", FieldActionProviders, FieldPipelineActions))
	return &p
}

func tooMany(f Field, n, limit int, what string) *Problem {
	p := errorAt(CodeTooMany, Path{f}, "Too many "+what, say(
		"%s has %d entries; a CodePipeline pipeline holds at most %d %s (CodePipeline quotas), so this cannot "+
			"describe one pipeline. Build one policy per pipeline.", f, n, limit, what))
	return &p
}

func (c *checker) artifactStores() {
	if len(c.req.ArtifactStores) == 0 && c.known(Path{FieldArtifactStores}) {
		c.plan.unset[catalog.ArtifactBucket] = say("%s is not set", FieldArtifactStores)
	}
	for i, store := range c.req.ArtifactStores {
		at := Path{FieldArtifactStores, i}
		if !c.known(at) {
			continue
		}
		c.add(c.knownCheck(at.Child(FieldLocation), func(p Path) *Problem { return checkBucketName(p, store.Location) }))
		c.add(c.knownCheck(at.Child(FieldRegion), func(p Path) *Problem { return checkRegion(p, store.Region, c.partition) }))
		c.add(c.knownCheck(at.Child(FieldEncryptionKeyID), func(p Path) *Problem {
			return checkKeyARN(p, store.EncryptionKeyID, c.partition)
		}))
		c.plan.pipeline.set(catalog.ArtifactBucket, store.Location)
		if store.EncryptionKeyID != "" {
			c.plan.pipeline.set(catalog.ArtifactKeyArn, store.EncryptionKeyID)
		}
	}
}

// secretKeys checks the keys of the secrets; each becomes a value of the
// SecretKeyArn source.
func (c *checker) secretKeys() {
	for i, key := range c.req.SecretKeyARNs {
		at := Path{FieldSecretKeyARNs, i}
		if !c.known(at) {
			continue
		}
		if p := checkKeyARN(at, key, c.partition); p != nil || key == "" {
			c.add(p)
			continue
		}
		c.plan.pipeline.set(catalog.SecretKey, key)
	}
}

func (c *checker) passRoles() {
	if len(c.req.PassRoleARNs) == 0 && c.known(Path{FieldPassRoleARNs}) {
		c.plan.unset[catalog.PassRole] = say("%s is not set", FieldPassRoleARNs)
	}
	for i, role := range c.req.PassRoleARNs {
		at := Path{FieldPassRoleARNs, i}
		if !c.known(at) {
			continue
		}
		if p := checkRoleARN(at, role, c.partition, asResource); p != nil || role == "" {
			c.add(p)
			continue
		}
		parsed, _ := arn.Parse(role)
		c.plan.pipeline.setARN(catalog.PassRole, parsed, "role/")
	}
}
