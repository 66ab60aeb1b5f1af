package provider

import (
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// typeFilter is the configuration of codepipeline_action_types.
type typeFilter struct{ category, provider string }

// actionTypesSpec exposes the catalog the policies are built from, so
// modules can check their inputs against it and reviewers can see what each
// action type may be granted.
func actionTypesSpec() *dataSourceSpec[typeFilter, []policy.ActionType] {
	return actionTypesSpecOnce.get(newActionTypesSpec)
}

var actionTypesSpecOnce once[*dataSourceSpec[typeFilter, []policy.ActionType]]

func newActionTypesSpec() *dataSourceSpec[typeFilter, []policy.ActionType] {
	type entry = column[policy.ActionType]
	str := func(s func(t policy.ActionType) string) func(policy.ActionType) tftypes.Value {
		return func(t policy.ActionType) tftypes.Value { return stringOrNull(s(t)) }
	}
	return newSpec(dataSourceSpec[typeFilter, []policy.ActionType]{
		typeName: "_action_types",
		description: "Lists the CodePipeline action types and stage-condition rule types this provider knows, with their " +
			"documented configuration keys and every IAM action `codepipeline_service_role_policy` may grant for them. " +
			"Module authors can check their inputs against it (for example that a provider name is valid before " +
			"passing it on); reviewers can see the most a pipeline action can be granted. The list comes from the " +
			"provider's built-in catalog: no AWS calls.",
		inputs: []input[typeFilter]{
			stringIn("category", policy.FieldCategory, optionalString("Only list types of this category: `Source`, `Build`, "+
				"`Test`, `Deploy`, `Approval`, `Invoke`, `Compute`, or `Rule` for the rule types of stage conditions (case-sensitive)."),
				func(f *typeFilter, v string) { f.category = v }),
			// Terraform reserves "provider" as a root attribute name (the meta-argument).
			stringIn("action_provider", "", optionalString("Only list action types with exactly this provider name, such as "+
				"`CodeBuild` (case-sensitive). A name no action type has gives an empty `action_types`, not an error, so "+
				"a module can test `length(...) > 0` in its own validation."), func(f *typeFilter, v string) { f.provider = v }),
		},
		outputs: []output[[]policy.ActionType]{objectListOut("action_types", "", "The matching types, ordered by category (in "+
			"pipeline order, rule types last) then provider.", func(list *[]policy.ActionType) []policy.ActionType { return *list },
			entry{"category", computedString("The action category, as in `aws_codepipeline`'s `action.category`."),
				str(func(t policy.ActionType) string { return t.Category })},
			entry{"owner", computedString("The owner CodePipeline documents for the action type: `AWS` or `ThirdParty`."),
				str(func(t policy.ActionType) string { return t.Owner })},
			entry{"provider", computedString("The action provider, as in `aws_codepipeline`'s `action.provider`."),
				str(func(t policy.ActionType) string { return t.Provider })},
			entry{"key", computedString("`Category/Provider`, such as `Deploy/S3`: the form `action_providers` accepts " +
				"to pick one category of a provider name used in several."), str(func(t policy.ActionType) string { return t.Key })},
			entry{"support_date", computedString("When CodePipeline added the action type, from the AWS support " +
				"table; null when the table has no entry."), str(func(t policy.ActionType) string { return t.SupportDate })},
			entry{"docs_url", computedString("The AWS action reference page, where the configuration keys and " +
				"service role permissions are documented."), str(func(t policy.ActionType) string { return t.DocsURL })},
			entry{"note", computedString("Why the action type grants nothing, or what its grants leave out; " +
				"null when there is nothing to add."), str(func(t policy.ActionType) string { return t.Note })},
			entry{"deprecation", computedString("Why AWS no longer recommends the action type, and what to use " +
				"instead; null for current types. A pipeline that uses a deprecated type draws a warning."),
				str(func(t policy.ActionType) string { return t.Deprecation })},
			entry{"configuration_keys", computedStringList("The documented configuration keys whose values name " +
				"resources (`ProjectName`, `ConnectionArn`, ...): setting them in `pipeline_actions` scopes " +
				"the policy. Null when the action type's keys are not documented."),
				func(t policy.ActionType) tftypes.Value { return listOrNull(t.ScopingKeys) }},
			entry{"all_configuration_keys", computedStringList("Every documented configuration key, including settings " +
				"that name no resource. Other keys in `pipeline_actions` draw a warning. Null when the " +
				"action type's keys are not documented."), func(t policy.ActionType) tftypes.Value { return listOrNull(t.ConfigurationKeys) }},
			entry{"iam_actions", computedStringList("Every IAM action the service role policy may grant for the action " +
				"type, sorted: the most it gets, whatever its configuration. Empty when it needs nothing " +
				"from the service role."), func(t policy.ActionType) tftypes.Value { return stringListValue(t.IAMActions) }},
		)},
		validate: validateFilter,
		run: func(f typeFilter) ([]policy.ActionType, []policy.Problem) {
			matching := []policy.ActionType{} // an empty list, not null, when nothing matches
			for _, t := range policy.ActionTypes() {
				if (f.category == "" || f.category == t.Category) && (f.provider == "" || f.provider == t.Provider) {
					matching = append(matching, t)
				}
			}
			return matching, validateFilter(f)
		},
	})
}

// validateFilter refuses a category no type has: the filter could never match.
func validateFilter(f typeFilter) []policy.Problem {
	categories := policy.TypeCategories()
	if f.category == "" || slices.Contains(categories, f.category) {
		return nil
	}
	return []policy.Problem{{Code: policy.CodeUnknownCategory, Path: policy.Path{policy.FieldCategory},
		Summary: "Unknown action category", Detail: policy.Text{fmt.Sprintf("%q is not a category of action or rule types. "+
			"Valid categories are %s (case-sensitive).", f.category, quoteAll(categories))}}}
}
