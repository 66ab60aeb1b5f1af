package policy

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// grantGroup collects the rendered statements of one Sid and one condition.
type grantGroup struct {
	sid       string
	condition map[string]map[string][]string
	condKey   string
	members   []Statement
}

// merge turns rendered statements into the fewest statements that grant
// exactly the same (action, resource, condition) triples. Statements keep their
// Sid; actions that share a Sid and condition share a statement when their
// resources are the same, otherwise the Sid gets a numeric suffix.
func merge(rendered []Statement) []Statement {
	type groupKey struct{ sid, condition string }
	groups := map[groupKey]*grantGroup{}
	var ordered []*grantGroup
	for _, s := range rendered {
		if isUnscoped(s) {
			s.Sid = UnscopedSid
		}
		condKey := conditionKey(s.Condition)
		key := groupKey{s.Sid, condKey}
		g := groups[key]
		if g == nil {
			g = &grantGroup{sid: s.Sid, condition: s.Condition, condKey: condKey}
			groups[key] = g
			ordered = append(ordered, g)
		}
		g.members = append(g.members, s)
	}

	sort.Slice(ordered, func(i, j int) bool {
		a, b := ordered[i], ordered[j]
		return a.sid < b.sid || (a.sid == b.sid && a.condKey < b.condKey)
	})
	var merged []Statement
	for _, g := range ordered {
		statements := g.statements()
		// Within a group, statements have disjoint actions: the first one orders them.
		sort.Slice(statements, func(i, j int) bool { return statements[i].Action[0] < statements[j].Action[0] })
		merged = append(merged, statements...)
	}
	numberRepeatedSids(merged)
	return merged
}

// UnscopedSid names the one statement that gathers every action granted on
// "*" without a condition: the actions IAM cannot limit to a resource sit
// together, where a reviewer or a scanner suppression can find them.
const UnscopedSid = "UnscopedActions"

func isUnscoped(s Statement) bool {
	return len(s.Resource) == 1 && s.Resource[0] == "*" && len(s.Condition) == 0
}

// statements splits a group into one statement per distinct resource set.
func (g *grantGroup) statements() []Statement {
	if len(g.members) == 1 { // the common case: nothing to combine
		s := g.members[0]
		s.Action, s.Resource = sortedUnique(s.Action), narrowest(sortedUnique(s.Resource))
		return []Statement{s}
	}
	granted := map[string][]string{} // action -> resources, repeats allowed
	var actions []string
	for _, m := range g.members {
		for _, action := range m.Action {
			if _, seen := granted[action]; !seen {
				actions = append(actions, action)
			}
			granted[action] = append(granted[action], m.Resource...)
		}
	}
	byResources := map[string]*Statement{}
	var out []*Statement
	for _, action := range actions {
		resources := narrowest(sortedUnique(granted[action]))
		sig := strings.Join(resources, "\x00")
		s := byResources[sig]
		if s == nil {
			s = &Statement{Sid: g.sid, Effect: "Allow", Resource: resources, Condition: g.condition}
			byResources[sig] = s
			out = append(out, s)
		}
		s.Action = append(s.Action, action)
	}
	statements := make([]Statement, len(out))
	for i, s := range out {
		sort.Strings(s.Action)
		statements[i] = *s
	}
	return statements
}

// narrowest drops every resource "*" already covers.
func narrowest(resources []string) []string {
	if slices.Contains(resources, "*") {
		return []string{"*"}
	}
	return resources
}

// numberRepeatedSids keeps Sids unique, as IAM requires: the second statement
// with a Sid becomes Sid2, the third Sid3. Statements are already in order.
func numberRepeatedSids(statements []Statement) {
	seen := map[string]int{}
	for i := range statements {
		sid := statements[i].Sid
		seen[sid]++
		if n := seen[sid]; n > 1 {
			statements[i].Sid = sid + strconv.Itoa(n)
		}
	}
}

// conditionKey is a canonical string of a condition, to compare conditions.
func conditionKey(c map[string]map[string][]string) string {
	if len(c) == 0 {
		return ""
	}
	var b strings.Builder
	for _, operator := range slices.Sorted(maps.Keys(c)) {
		b.WriteString(operator + "\x01")
		for _, key := range slices.Sorted(maps.Keys(c[operator])) {
			b.WriteString(key + "\x02" + strings.Join(c[operator][key], "\x03") + "\x04")
		}
	}
	return b.String()
}

// sortedUnique returns items sorted without repeats; already sorted, unique
// items (most catalog lists) are returned as they are, so callers must not
// modify the result.
func sortedUnique(items []string) []string {
	if strictlyIncreasing(items) {
		return items
	}
	out := slices.Clone(items)
	slices.Sort(out)
	return slices.Compact(out)
}

func strictlyIncreasing(items []string) bool {
	for i := 1; i < len(items); i++ {
		if items[i-1] >= items[i] {
			return false
		}
	}
	return true
}
