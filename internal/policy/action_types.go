package policy

import (
	"slices"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// ActionType describes one action or rule type of the catalog, for listings:
// what it is, where AWS documents it, and the most it can be granted.
type ActionType struct {
	Category, Owner, Provider string
	// Key is Category/Provider, the form action providers accept.
	Key                                     string
	SupportDate, DocsURL, Note, Deprecation string
	// ScopingKeys are the documented configuration keys whose values name
	// resources; ConfigurationKeys are all documented keys. Both are nil when
	// the type's keys are not documented.
	ScopingKeys, ConfigurationKeys []string
	// IAMActions is every IAM action the type may be granted, sorted.
	IAMActions []string
}

// ActionTypes lists the action types in catalog order, then the rule types.
func ActionTypes() []ActionType {
	var out []ActionType
	for _, at := range slices.Concat(catalog.All(), catalog.Rules()) {
		t := ActionType{Category: at.Category, Owner: at.Owner, Provider: at.Provider, Key: at.Key(),
			SupportDate: at.SupportDate, DocsURL: at.DocsURL, Note: at.Note, Deprecation: at.Deprecation, IAMActions: []string{}}
		if at.ConfigKeys != nil {
			t.ScopingKeys, t.ConfigurationKeys = []string{}, []string{}
			for _, k := range at.ConfigKeys {
				t.ConfigurationKeys = append(t.ConfigurationKeys, k.Name)
				if k.Kind != catalog.Setting {
					t.ScopingKeys = append(t.ScopingKeys, k.Name)
				}
			}
		}
		for _, s := range at.Statements {
			t.IAMActions = append(t.IAMActions, s.Actions...)
		}
		t.IAMActions = sortedUnique(t.IAMActions)
		out = append(out, t)
	}
	return out
}

// TypeCategories are the categories of ActionTypes: the action categories in
// pipeline order, then the rule category.
func TypeCategories() []string {
	return append(slices.Clone(catalog.Categories), catalog.RuleCategory)
}
