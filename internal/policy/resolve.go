package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// resolveActionProvider turns one action_providers entry into the action types
// it selects, or explains at path what is wrong and what would be right.
func resolveActionProvider(path Path, entry string) ([]catalog.ActionType, *Problem) {
	if strings.TrimSpace(entry) == "" {
		p := errorAt(CodeEmptyProvider, path, "Empty action provider", plain(
			"Each entry must name an action provider, such as \"CodeBuild\", or a category and provider, such as \"Deploy/S3\"."))
		return nil, &p
	}
	if trimmed := strings.TrimSpace(entry); trimmed != entry {
		p := errorAt(CodeProviderSpaces, path, "Action provider has surrounding spaces",
			say("%q has leading or trailing spaces; did you mean %q?", entry, trimmed))
		return nil, &p
	}
	category, provider, qualified := strings.Cut(entry, "/")
	if !qualified {
		return resolveBare(path, entry)
	}
	return resolveQualified(path, entry, category, provider)
}

func resolveBare(path Path, name string) ([]catalog.ActionType, *Problem) {
	if found := catalog.WithProvider(name); len(found) > 0 {
		return found, nil
	}
	if right := providerIgnoringCase(name); right != "" {
		p := errorAt(CodeProviderCase, path, "Action provider has the wrong case",
			say("%q is not a CodePipeline action provider; provider names are case-sensitive. Did you mean %q?", name, right))
		return nil, &p
	}
	p := errorAt(CodeUnknownProvider, path, "Unknown action provider", unknownProviderDetail(name))
	return nil, &p
}

func resolveQualified(path Path, entry, category, provider string) ([]catalog.ActionType, *Problem) {
	canonical, known := catalog.CanonicalCategory(category)
	if !known {
		p := errorAt(CodeUnknownCategory, path, "Unknown action category", say(
			"%q names the category %q. Valid categories are %s.", entry, category, quoteList(catalog.Categories)))
		return nil, &p
	}
	if at, ok := catalog.Lookup(canonical, provider); ok {
		if canonical != category {
			p := errorAt(CodeCategoryCase, path, "Action category has the wrong case", say(
				"Categories are case-sensitive. Did you mean %q?", at.Key()))
			return nil, &p
		}
		return []catalog.ActionType{at}, nil
	}
	if right := providerIgnoringCase(provider); right != "" && right != provider {
		if at, ok := catalog.Lookup(canonical, right); ok {
			p := errorAt(CodeProviderCase, path, "Action provider has the wrong case", say(
				"%q is not a CodePipeline action provider; provider names are case-sensitive. Did you mean %q?", provider, at.Key()))
			return nil, &p
		}
		provider = right
	}
	if providers := catalog.WithProvider(provider); len(providers) > 0 {
		p := errorAt(CodeProviderNotInCategory, path, "Action provider not in this category", say(
			"%s has no %q action; %s is available as %s.", canonical, provider, provider, orList(keysOf(providers))))
		return nil, &p
	}
	p := errorAt(CodeUnknownProvider, path, "Unknown action provider", unknownProviderDetail(provider))
	return nil, &p
}

func unknownProviderDetail(name string) Text {
	if _, isRule := catalog.LookupRule(name); isRule {
		return say("%q is a stage-condition rule type, not an action provider: describe the rule in %s.", name, FieldPipelineRules)
	}
	if nearest := closest(name, providerNames()); len(nearest) > 0 {
		return say("%q is not a CodePipeline action provider. Did you mean %s?", name, orList(nearest))
	}
	return say("%q is not a CodePipeline action provider. Valid providers are %s.", name, quoteList(providerNames()))
}

// resolveRuleProvider finds the rule type a pipeline rule's provider names,
// or explains at path what is wrong and what would be right.
func resolveRuleProvider(path Path, provider string) (catalog.ActionType, *Problem) {
	if t, ok := catalog.LookupRule(provider); ok {
		return t, nil
	}
	var names []string
	for _, r := range catalog.Rules() {
		names = append(names, r.Provider)
	}
	var p Problem
	switch right := ignoringCase(provider, names); {
	case right != "":
		p = errorAt(CodeRuleProviderCase, path, "Rule provider has the wrong case", say(
			"%q is not a rule type; rule types are case-sensitive. Did you mean %q?", provider, right))
	case len(catalog.WithProvider(provider)) > 0:
		p = errorAt(CodeUnknownRuleProvider, path, "Unknown rule provider", say(
			"%q is an action provider, not a rule type: describe the action in %s. Valid rule types are %s.",
			provider, FieldPipelineActions, quoteList(names)))
	case len(closest(provider, names)) > 0:
		p = errorAt(CodeUnknownRuleProvider, path, "Unknown rule provider", say(
			"%q is not a stage-condition rule type. Did you mean %s?", provider, orList(closest(provider, names))))
	default:
		p = errorAt(CodeUnknownRuleProvider, path, "Unknown rule provider", say(
			"%q is not a stage-condition rule type. Valid rule types are %s.", provider, quoteList(names)))
	}
	return catalog.ActionType{}, &p
}

func providerIgnoringCase(name string) string { return ignoringCase(name, providerNames()) }

func ignoringCase(name string, names []string) string {
	for _, p := range names {
		if strings.EqualFold(p, name) {
			return p
		}
	}
	return ""
}

// closest returns up to three of names within a small edit distance of name.
func closest(name string, names []string) []string {
	type candidate struct {
		name     string
		distance int
	}
	limit := max(2, len(name)/3)
	var found []candidate
	for _, p := range names {
		if abs(len(name)-len(p)) > limit {
			continue // too far apart to be a typo, and costly to measure
		}
		if d := editDistance(strings.ToLower(name), strings.ToLower(p)); d <= limit {
			found = append(found, candidate{p, d})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].distance < found[j].distance })
	var nearest []string
	for i := 0; i < len(found) && i < 3; i++ {
		nearest = append(nearest, found[i].name)
	}
	return nearest
}

// providerNames lists each distinct provider name once, sorted.
func providerNames() []string {
	seen := map[string]bool{}
	var names []string
	for _, a := range catalog.All() {
		if !seen[a.Provider] {
			seen[a.Provider] = true
			names = append(names, a.Provider)
		}
	}
	sort.Strings(names)
	return names
}

func keysOf(types []catalog.ActionType) []string {
	var names []string
	for _, t := range types {
		names = append(names, t.Key())
	}
	return names
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func quoted(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func quoteList(items []string) string { return strings.Join(quoted(items), ", ") }

func orList(items []string) string {
	q := quoted(items)
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
