package policy

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// advice reports what the user can still improve, and policies IAM would reject.
func (p *plan) advice(result Result) []Problem {
	problems := unscopedAdvice(result.Unscoped)
	problems = append(problems, p.companionAdvice()...)
	problems = append(problems, serviceRoleSizeAdvice(p.req, result)...)
	for _, role := range slices.Sorted(maps.Keys(result.RolePolicies)) {
		problems = append(problems, sizeAdvice("The policy for action role "+role, result.RolePolicies[role].Size(),
			"Give some of its actions a role of their own.", "")...)
	}
	return problems
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
				path = path.Child(AttrConfiguration).Child(MapKey(c.Only.Key))
			}
			problems = append(problems, warningAt(path, "Another role needs permissions too", s.label+c.Detail))
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
		return []Problem{errorAt(nil, "Policy too large for IAM", strings.TrimSpace(fmt.Sprintf(
			"%s has %d characters (without whitespace); IAM allows at most %d for all inline policies of one "+
				"role together, so aws_iam_role_policy would fail at apply. %s", what, size, InlinePolicyLimit, inlineRemedy)))}
	case size > ManagedPolicyLimit:
		return []Problem{warningAt(nil, "Policy too large for a managed policy", fmt.Sprintf(
			"%s has %d characters (without whitespace). A managed policy (aws_iam_policy) may have at most "+
				"%d; attach it inline with aws_iam_role_policy, which allows %d per role%s.", what, size, ManagedPolicyLimit, InlinePolicyLimit, managedHint))}
	}
	return nil
}
