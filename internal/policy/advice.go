package policy

import (
	"maps"
	"slices"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// sizeProblems reports what the user can still narrow, and policies IAM would
// reject.
func (p *plan) sizeProblems(result Result) []Problem {
	problems := unscopedAdvice(result.Unscoped)
	problems = append(problems, serviceRoleSizeAdvice(p.req, result)...)
	for _, role := range slices.Sorted(maps.Keys(result.RolePolicies)) {
		problems = append(problems, sizeAdvice("The policy for action role "+role, result.RolePolicies[role].Size(),
			plain("Give some of its actions a role of their own."))...)
	}
	return problems
}

// advice is what holds on every plan of this configuration: grants other
// roles need, and keys the inputs could name.
func (p *plan) advice() []Problem {
	var advice []Problem
	caveats := map[string]bool{}
	for _, s := range p.steps {
		if c := s.actionType.Caveat; c != "" && !caveats[s.actionType.Key()] {
			caveats[s.actionType.Key()] = true
			advice = append(advice, *s.origin.labelled(&Problem{Code: CodeCaveat, Warning: true, Path: s.path,
				Summary: "Grants the pipeline definition cannot show", Detail: plain(c)}))
		}
		if s.secrets && s.actionType.UsesSecrets && len(p.pipeline[catalog.SecretKey]) == 0 {
			advice = append(advice, *s.origin.labelled(&Problem{Code: CodeSecretKey, Warning: true, Path: s.path.Child(FieldEnvironmentVariables),
				Summary: "Secrets under a customer managed key need kms:Decrypt", Detail: say(
					"The policy grants secretsmanager:GetSecretValue on each secret. A secret encrypted with a customer "+
						"managed KMS key (not aws/secretsmanager) also needs kms:Decrypt on that key: list the key in %s.",
					FieldSecretKeyARNs)}))
		}
	}
	return append(advice, p.companionAdvice()...)
}

// companionAdvice tells the user about grants other roles need for the
// configurations in the request.
func (p *plan) companionAdvice() []Problem {
	var problems []Problem
	for _, s := range p.steps {
		if s.config == nil {
			continue
		}
		for _, c := range s.actionType.Companions {
			if !companionApplies(c, s) {
				continue
			}
			path := s.path
			if c.Only != nil {
				path = path.Child(FieldConfiguration).Child(MapKey(c.Only.Key))
			}
			problems = append(problems, Problem{Code: CodeCompanion, Warning: true, Path: path, Summary: "Another role needs permissions too",
				Detail: s.origin.label().Then(plain(c.Detail))})
		}
	}
	return problems
}

// companionApplies reports a companion whose option the configuration sets
// (or that has none): advice follows what the user wrote, never a default.
func companionApplies(c catalog.Companion, s step) bool {
	if c.Only == nil {
		return true
	}
	if _, set := s.config[c.Only.Key]; !set {
		return false
	}
	granted, _ := s.grants(c.Only)
	return granted
}

// serviceRoleSizeAdvice checks the service role's policy against the quota of
// the way it will be attached, and says exactly how to fit it.
func serviceRoleSizeAdvice(req Request, result Result) []Problem {
	if !req.SplitForManagedPolicies {
		size, remedy := result.Rendered.Size, Text(nil)
		if size > InlinePolicyLimit { // only then is the split worth computing
			remedy = say("Set %s = true: %s then holds %d documents "+
				"of at most %d characters; attach each as an aws_iam_policy with an aws_iam_role_policy_attachment.",
				FieldSplit, FieldDocuments, len(result.Document.Split(ManagedPolicyLimit)), ManagedPolicyLimit)
		}
		return sizeAdvice("The service role policy", size, remedy)
	}
	switch n := len(result.Documents); {
	case n > MaxManagedPoliciesPerRole:
		return []Problem{errorAt(CodeTooManyManaged, Path{FieldSplit}, "Too many managed policies for one role", say(
			"The policy needs %d managed policies; IAM attaches at most %d to one role. Give some actions their own "+
				"role with %s, so their permissions move to %s.", n, MaxManagedPoliciesPerRole,
			FieldRoleARN, FieldRolePolicies))}
	case n > DefaultManagedPoliciesPerRole:
		return []Problem{warningAt(CodeAboveManagedDefault, Path{FieldSplit}, "More managed policies than the default quota", say(
			"The policy needs %d managed policies; a role may have %d by default. Ask for the quota "+
				"\"Managed policies per role\" to be raised (up to %d) before applying.", n, DefaultManagedPoliciesPerRole, MaxManagedPoliciesPerRole))}
	}
	return nil
}

// sizeAdvice refuses a policy too large to attach inline; inlineRemedy says
// how to fit it. The managed policy quota is not a warning: policy_size
// reports it, and split_for_managed_policies fits it.
func sizeAdvice(what string, size int, inlineRemedy Text) []Problem {
	if size <= InlinePolicyLimit {
		return nil
	}
	detail := say("%s has %d characters (without whitespace); IAM allows at most %d for all inline policies of one "+
		"role together, so aws_iam_role_policy would fail at apply.", what, size, InlinePolicyLimit)
	if inlineRemedy != nil {
		detail = detail.Then(plain(" "), inlineRemedy)
	}
	return []Problem{errorAt(CodePolicyTooLarge, nil, "Policy too large for IAM", detail)}
}
