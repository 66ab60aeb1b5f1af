package policy

import (
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
	members   []*Statement
}

// merge turns rendered statements into the fewest statements that grant
// exactly the same (action, resource, condition) triples. Statements keep their
// Sid; actions that share a Sid and condition share a statement when their
// resources are the same, otherwise the Sid gets a numeric suffix.
func merge(rendered []Statement) []Statement {
	type groupKey struct{ sid, condition string }
	groups := make(map[groupKey]*grantGroup, len(rendered))
	ordered := make([]*grantGroup, 0, len(rendered))
	for i := range rendered {
		s := &rendered[i]
		sid := s.Sid
		if isUnscoped(s) {
			sid = UnscopedSid
		}
		condKey := conditionKey(s.Condition)
		key := groupKey{sid, condKey}
		g := groups[key]
		if g == nil {
			g = &grantGroup{sid: sid, condition: s.Condition, condKey: condKey}
			groups[key] = g
			ordered = append(ordered, g)
		}
		g.members = append(g.members, s)
	}

	sort.Slice(ordered, func(i, j int) bool {
		a, b := ordered[i], ordered[j]
		return a.sid < b.sid || (a.sid == b.sid && a.condKey < b.condKey)
	})
	merged := make([]Statement, 0, len(ordered))
	for _, g := range ordered {
		start := len(merged)
		merged = g.appendStatements(merged)
		// Within a group, statements have disjoint actions: the first one orders them.
		group := merged[start:]
		sort.Slice(group, func(i, j int) bool { return group[i].Action[0] < group[j].Action[0] })
	}
	numberRepeatedSids(merged)
	return merged
}

// UnscopedSid names the one statement that gathers every action granted on
// "*" without a condition: the actions IAM cannot limit to a resource sit
// together, where a reviewer or a scanner suppression can find them.
const UnscopedSid = "UnscopedActions"

func isUnscoped(s *Statement) bool {
	return len(s.Resource) == 1 && s.Resource[0] == "*" && len(s.Condition) == 0
}

// appendStatements appends the group's statements, one per distinct
// resource set.
func (g *grantGroup) appendStatements(out []Statement) []Statement {
	if len(g.members) == 1 { // the common case: nothing to combine
		m := g.members[0]
		return append(out, Statement{Sid: g.sid, Effect: m.Effect, Principal: m.Principal, Action: sortedUnique(m.Action),
			Resource: narrowest(sortedUnique(m.Resource)), Condition: g.condition})
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
	start := len(out)
	byResources := map[string]int{}
	for _, action := range actions {
		resources := narrowest(sortedUnique(granted[action]))
		sig := strings.Join(resources, "\x00")
		i, ok := byResources[sig]
		if !ok {
			i = len(out)
			byResources[sig] = i
			out = append(out, Statement{Sid: g.sid, Effect: "Allow", Resource: resources, Condition: g.condition})
		}
		out[i].Action = append(out[i].Action, action)
	}
	for i := start; i < len(out); i++ {
		if !strictlyIncreasing(out[i].Action) {
			sort.Strings(out[i].Action)
		}
	}
	return out
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
	inKeyOrder(c, func(operator string, entries map[string][]string) {
		b.WriteString(operator)
		b.WriteByte(1)
		inKeyOrder(entries, func(key string, values []string) {
			b.WriteString(key)
			b.WriteByte(2)
			for _, v := range values {
				b.WriteString(v)
				b.WriteByte(3)
			}
			b.WriteByte(4)
		})
	})
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
