package policy

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// IAM quotas on policy size, in characters without whitespace.
const (
	ManagedPolicyLimit = 6144  // one customer managed policy
	InlinePolicyLimit  = 10240 // all inline policies of one role together
)

// Result is a built policy and what the builder noticed on the way.
type Result struct {
	// Document is the service role's policy; Rendered is its JSON.
	Document Document
	Rendered Rendered
	// Documents is Document split into managed-policy-sized parts when the
	// request asks for it, or Document alone.
	Documents []Document
	// RolePolicies holds, per action role ARN, the policy that role needs for
	// the actions that declare it.
	RolePolicies map[string]Document
	Problems     []Problem
}

// action is one action type to grant for. Its configuration is nil when only
// the provider is known: then every statement of the type is granted.
type action struct {
	actionType catalog.ActionType
	config     map[string]string
	region     string
	roleARN    string
}

// Build validates the request and renders its policies. When Problems holds an
// error, the documents are empty.
func Build(req Request) Result {
	problems := Validate(req)
	if HasError(problems) {
		return Result{Problems: problems}
	}
	result := assemble(req)
	result.Rendered = result.Document.Render()
	result.Problems = append(problems, advice(req, result)...)
	if HasError(result.Problems) {
		return Result{Problems: result.Problems}
	}
	return result
}

// assemble renders the policies of a valid request, without judging them.
func assemble(req Request) Result {
	actions := selectedActions(req)
	pipeline := pipelineValues(req, actions)

	pipelineScope := scope{pipeline: pipeline}
	service := render(pipelineScope, catalog.ArtifactStore(), nil)
	service = append(service, render(pipelineScope, catalog.ActionRoles(), nil)...)
	byRole := map[string][]Statement{}
	for _, a := range actions {
		granted := render(scope{own: a.values(), pipeline: pipeline}, a.actionType.Statements, a.config)
		if a.roleARN == "" {
			service = append(service, granted...)
			continue
		}
		if byRole[a.roleARN] == nil {
			byRole[a.roleARN] = render(pipelineScope, catalog.ArtifactStore(), nil)
		}
		byRole[a.roleARN] = append(byRole[a.roleARN], granted...)
	}

	result := Result{Document: newDocument(service)}
	result.Documents = []Document{result.Document}
	if req.SplitForManagedPolicies {
		result.Documents = result.Document.Split(ManagedPolicyLimit)
	}
	if len(byRole) > 0 {
		result.RolePolicies = map[string]Document{}
		for role, statements := range byRole {
			result.RolePolicies[role] = newDocument(statements)
		}
	}
	return result
}

func newDocument(statements []Statement) Document {
	return Document{Version: Version, Statement: merge(statements)}
}

// selectedActions lists what a valid request grants for: each action type
// named in action_providers once, and every pipeline action with its
// configuration. Order does not matter: merging sorts the result.
func selectedActions(req Request) []action {
	var actions []action
	named := map[string]bool{}
	for _, entry := range req.ActionProviders {
		types, _ := ResolveActionProvider(nil, entry)
		for _, t := range types {
			if !named[t.Key()] {
				named[t.Key()] = true
				actions = append(actions, action{actionType: t})
			}
		}
	}
	for _, pa := range req.PipelineActions {
		t, ok := catalog.Lookup(pa.Category, pa.Provider)
		if !ok || pa.Owner == catalog.OwnerCustom {
			continue // custom actions run on their own job workers' credentials
		}
		config := pa.Configuration
		if config == nil {
			config = map[string]string{}
		}
		actions = append(actions, action{actionType: t, config: config, region: pa.Region, roleARN: pa.RoleARN})
	}
	return actions
}

// values are the placeholder values of one action: its configuration, its
// region, and for an action role the role's account, where its resources live.
func (a action) values() values {
	v := values{}
	if a.config != nil {
		v = configValues(a.actionType, a.config)
	}
	if a.region != "" {
		v[catalog.Region] = []record{{Value: a.region, known: true}}
	}
	if a.roleARN == "" {
		return v
	}
	if parsed, err := arn.Parse(a.roleARN); err == nil {
		v[catalog.Account] = []record{{Value: parsed.AccountID, known: true}}
	}
	return v
}

// pipelineValues are the placeholder values every statement may use.
func pipelineValues(req Request, actions []action) values {
	v := values{}
	v.set(catalog.Partition, req.partition())
	setIfGiven := func(source, value string) {
		if value != "" {
			v.set(source, value)
		}
	}
	setIfGiven(catalog.Region, req.Region)
	setIfGiven(catalog.Account, req.AccountID)
	setIfGiven(catalog.ThisPipeline, req.PipelineName)
	for _, store := range req.ArtifactStores {
		v.set(catalog.ArtifactBucket, store.Location)
		if store.EncryptionKeyID != "" {
			v.set(catalog.ArtifactKeyArn, store.EncryptionKeyID)
		}
	}
	for _, role := range req.PassRoleARNs {
		if parsed, err := arn.Parse(role); err == nil {
			v.setARN(catalog.PassRole, parsed, "role/")
		}
	}
	roles := map[string]bool{}
	for _, a := range actions {
		if a.roleARN != "" {
			roles[a.roleARN] = true
		}
	}
	for _, role := range sortedMapKeys(roles) {
		v.set(catalog.ActionRoleArn, role)
	}
	return v
}

// render fills the templates of statements for one action's configuration.
func render(v scope, templates []catalog.Statement, config map[string]string) []Statement {
	var rendered []Statement
	for _, t := range templates {
		if !applies(t.Only, config) {
			continue
		}
		var resources []string
		for _, r := range t.Resources {
			resources = append(resources, v.renderResource(r)...)
		}
		if len(resources) == 0 {
			continue
		}
		rendered = append(rendered, Statement{
			Sid:       t.Sid,
			Effect:    "Allow",
			Action:    t.Actions,
			Resource:  resources,
			Condition: v.renderCondition(t.Condition),
		})
	}
	return rendered
}

// advice reports what the user can still improve, and policies IAM would reject.
func advice(req Request, result Result) []Problem {
	var problems []Problem
	if len(req.ArtifactStores) == 0 {
		problems = append(problems, warningAt(Path{AttrArtifactStores}, "Artifact store access is not scoped",
			"Without artifact_stores the artifact bucket statements apply to every S3 bucket (arn:aws:s3:::*). "+
				"Add an artifact_stores entry with the bucket of your pipeline's artifact_store "+
				"(location = aws_s3_bucket.artifacts.bucket) to scope them."))
	}
	problems = append(problems, companionAdvice(req)...)
	problems = append(problems, serviceRoleSizeAdvice(req, result)...)
	for _, role := range sortedMapKeys(result.RolePolicies) {
		problems = append(problems, sizeAdvice("The policy for action role "+role, result.RolePolicies[role].Size(),
			"Give some of its actions a role of their own.", "")...)
	}
	return problems
}

// serviceRoleSizeAdvice checks the service role's policy against the quota of
// the way it will be attached, and says exactly how to fit it.
func serviceRoleSizeAdvice(req Request, result Result) []Problem {
	if !req.SplitForManagedPolicies {
		size, remedy := result.Rendered.Size, ""
		if size > InlinePolicyLimit { // only then is the split worth computing
			remedy = fmt.Sprintf("Set split_for_managed_policies = true: policy_documents then holds %d documents "+
				"of at most %d characters; attach each as an aws_iam_policy with an aws_iam_role_policy_attachment.",
				len(result.Document.Split(ManagedPolicyLimit)), ManagedPolicyLimit)
		}
		return sizeAdvice("The service role policy", size, remedy,
			", or set split_for_managed_policies = true and attach the parts in policy_documents")
	}
	switch n := len(result.Documents); {
	case n > MaxManagedPoliciesPerRole:
		return []Problem{errorAt(Path{AttrSplit}, "Too many managed policies for one role", fmt.Sprintf(
			"The policy needs %d managed policies; IAM attaches at most %d to one role. Give some actions their own "+
				"role with role_arn, so their permissions move to action_role_policies.", n, MaxManagedPoliciesPerRole))}
	case n > DefaultManagedPoliciesPerRole:
		return []Problem{warningAt(Path{AttrSplit}, "More managed policies than the default quota", fmt.Sprintf(
			"The policy needs %d managed policies; a role may have %d by default. Ask for the quota "+
				"\"Managed policies per role\" to be raised (up to %d) before applying.", n, DefaultManagedPoliciesPerRole, MaxManagedPoliciesPerRole))}
	}
	return nil
}

// sizeAdvice checks one policy against IAM's quotas: inlineRemedy says how to
// fit a policy too large to inline, managedHint adds a way around the managed
// policy quota to the warning.
func sizeAdvice(what string, size int, inlineRemedy, managedHint string) []Problem {
	switch {
	case size > InlinePolicyLimit:
		return []Problem{errorAt(nil, "Policy too large for IAM", fmt.Sprintf(
			"%s has %d characters (without whitespace); IAM allows at most %d for all inline policies of one "+
				"role together, so aws_iam_role_policy would fail at apply. %s", what, size, InlinePolicyLimit, inlineRemedy))}
	case size > ManagedPolicyLimit:
		return []Problem{warningAt(nil, "Policy too large for a managed policy", fmt.Sprintf(
			"%s has %d characters (without whitespace). A managed policy (aws_iam_policy) may have at most "+
				"%d; attach it inline with aws_iam_role_policy, which allows %d per role%s.", what, size, ManagedPolicyLimit, InlinePolicyLimit, managedHint))}
	}
	return nil
}
