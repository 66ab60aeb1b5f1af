package policy

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// grantGroup collects, for one Sid and one condition, the resources each
// action is granted on.
type grantGroup struct {
	sid       string
	condition map[string]map[string][]string
	resources map[string]map[string]bool // action -> resource set
}

// merge turns rendered statements into the fewest statements that grant
// exactly the same (action, resource, condition) triples. Statements keep their
// Sid; actions that share a Sid and condition share a statement when their
// resources are the same, otherwise the Sid gets a numeric suffix.
func merge(rendered []Statement) []Statement {
	groups := map[string]*grantGroup{}
	for _, s := range rendered {
		if isUnscoped(s) {
			s.Sid = UnscopedSid
		}
		key := s.Sid + "\x00" + conditionKey(s.Condition)
		g := groups[key]
		if g == nil {
			g = &grantGroup{sid: s.Sid, condition: s.Condition, resources: map[string]map[string]bool{}}
			groups[key] = g
		}
		for _, action := range s.Action {
			if g.resources[action] == nil {
				g.resources[action] = map[string]bool{}
			}
			for _, r := range s.Resource {
				g.resources[action][r] = true
			}
		}
	}

	var merged []Statement
	for _, g := range groups {
		merged = append(merged, g.statements()...)
	}
	sort.Slice(merged, func(i, j int) bool { return statementOrder(merged[i]) < statementOrder(merged[j]) })
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
	byResources := map[string]*Statement{}
	for action, set := range g.resources {
		resources := keys(set)
		if set["*"] {
			resources = []string{"*"}
		}
		sig := strings.Join(resources, "\x00")
		s := byResources[sig]
		if s == nil {
			s = &Statement{Sid: g.sid, Effect: "Allow", Resource: resources, Condition: g.condition}
			byResources[sig] = s
		}
		s.Action = append(s.Action, action)
	}
	var out []Statement
	for _, s := range byResources {
		sort.Strings(s.Action)
		out = append(out, *s)
	}
	return out
}

func statementOrder(s Statement) string {
	return s.Sid + "\x00" + conditionKey(s.Condition) + "\x00" + strings.Join(s.Action, ",") + "\x00" + strings.Join(s.Resource, ",")
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

func conditionKey(c map[string]map[string][]string) string {
	if len(c) == 0 {
		return ""
	}
	b, _ := json.Marshal(c) // maps marshal with sorted keys
	return string(b)
}

func keys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedUnique(items []string) []string {
	set := map[string]bool{}
	for _, s := range items {
		set[s] = true
	}
	return keys(set)
}
