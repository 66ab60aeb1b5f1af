// Package catalog holds the permission data of every CodePipeline action type:
// which IAM actions the pipeline's service role needs for it, on which resources,
// and where that requirement is documented. It is data plus lookups, no logic.
package catalog

import "strings"

// Placeholders that resource templates and condition values may contain.
// Pipeline-wide values come from the data source; the others name a value that
// the action's configuration would supply. An unknown value renders as "*".
const (
	Partition      = "${Partition}"
	Region         = "${Region}"
	Account        = "${Account}"
	ThisPipeline   = "${ThisPipelineName}"
	ArtifactBucket = "${ArtifactBucket}"
	ArtifactKeyArn = "${ArtifactKeyArn}"
	PassedRole     = "${PassedRoleName}"
)

// Owners of action types, as in aws_codepipeline's action.owner.
const (
	OwnerAWS        = "AWS"
	OwnerThirdParty = "ThirdParty"
)

// Categories lists the action categories in pipeline order.
var Categories = []string{"Source", "Build", "Test", "Deploy", "Approval", "Invoke", "Compute"}

// Statement is one grant: every action on every resource, under the condition.
type Statement struct {
	// Sid names the statement in the rendered policy. Statements that share a
	// Sid across action types are merged when rendered.
	Sid     string
	Actions []string
	// Resources are ARN templates, or "*" for actions that IAM cannot scope.
	Resources []string
	// Condition maps an operator to condition keys and their values.
	Condition map[string]map[string][]string
	// Sources cite where the requirement is documented.
	Sources []string
	// Note explains a choice that differs from the sources, if any.
	Note string
}

// ActionType is one CodePipeline action type and the grants it needs.
type ActionType struct {
	Category string
	Owner    string
	Provider string
	// DocsURL is the AWS action reference page.
	DocsURL string
	// SupportDate is when CodePipeline added support, from the AWS support table.
	SupportDate string
	// Note says why an action type grants nothing, or what it leaves out.
	Note       string
	Statements []Statement
}

// Key is the action type's identifier in the Category/Provider form.
func (a ActionType) Key() string { return a.Category + "/" + a.Provider }

// All returns every action type in catalog order (category, then provider).
func All() []ActionType { return actionTypes }

// ArtifactStore returns the statements every pipeline needs for its artifact
// stores; ArtifactBucket and ArtifactKeyArn stand for each store's values.
func ArtifactStore() []Statement { return artifactStoreStatements }

// Lookup finds the action type with exactly this category and provider.
func Lookup(category, provider string) (ActionType, bool) {
	for _, a := range actionTypes {
		if a.Category == category && a.Provider == provider {
			return a, true
		}
	}
	return ActionType{}, false
}

// WithProvider returns every action type with exactly this provider name, in
// catalog order: a bare name such as "CodeBuild" can live in several categories.
func WithProvider(provider string) []ActionType {
	var found []ActionType
	for _, a := range actionTypes {
		if a.Provider == provider {
			found = append(found, a)
		}
	}
	return found
}

// CanonicalCategory returns the category spelled as AWS spells it, ignoring case.
func CanonicalCategory(name string) (string, bool) {
	for _, c := range Categories {
		if strings.EqualFold(c, name) {
			return c, true
		}
	}
	return "", false
}
