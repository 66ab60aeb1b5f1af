package audit

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// Kinds of statement that grant more than the built policy.
const (
	BroadActions   = "actions"   // a wildcard action, or NotAction
	BroadResources = "resources" // actions on "*" (or NotResource) that the pipeline needs on less or not at all
	BroadPassRole  = "pass_role" // iam:PassRole without an iam:PassedToService condition
)

// Broad is an Allow statement of the documents that grants more than the
// built policy, for review: the role works, but grants what it need not.
type Broad struct {
	Document  int // index into Request.Documents
	Statement int // index into the document's Statement list
	Sid       string
	Kind      string
	// Granted are the statement's entries that are broad, as written: its
	// wildcard actions, the actions it grants on "*", or those that grant
	// iam:PassRole.
	Granted []string
	// Instead are the built policy's grants for what Granted covers, such as
	// "s3:GetObject on arn:aws:s3:::artifacts/* (ArtifactObjectAccess)";
	// empty when the pipeline needs none of it.
	Instead []string
}

// broader finds the Allow statements of the documents that grant wildcard
// actions, actions on "*" the pipeline needs on less, or iam:PassRole to any
// service.
func broader(policies []iameval.Policy, built policy.Document) []Broad {
	var out []Broad
	for i, p := range policies {
		for j, s := range p.Statements {
			if s.Effect != "Allow" {
				continue
			}
			add := func(kind string, granted []string, instead []string) {
				if len(granted) > 0 {
					out = append(out, Broad{Document: i, Statement: j, Sid: s.Sid, Kind: kind, Granted: granted, Instead: instead})
				}
			}
			wild := wildcardActions(s)
			add(BroadActions, wild, grantsCovered(built, s, wild, false))
			if slices.Contains(s.Resource, "*") || s.NotResource != nil {
				granted := onMoreThanNeeded(built, s)
				add(BroadResources, granted, grantsCovered(built, s, granted, true))
			}
			if passing := entriesCovering(s, "iam:PassRole"); len(passing) > 0 && !conditionsOn(s, "iam:PassedToService") {
				add(BroadPassRole, passing, grantsCovered(built, s, passing, false))
			}
		}
	}
	return out
}

// wildcardActions returns the statement's actions with a wildcard, or its
// NotAction, which grants every action it does not list.
func wildcardActions(s iameval.Statement) []string {
	if s.NotAction != nil {
		return []string{"every action except " + strings.Join(s.NotAction, ", ")}
	}
	var out []string
	for _, a := range s.Action {
		if strings.ContainsAny(a, "*?") {
			out = append(out, a)
		}
	}
	return out
}

// onMoreThanNeeded returns the statement's actions that the built policy
// grants on narrower resources than "*", or not at all.
func onMoreThanNeeded(built policy.Document, s iameval.Statement) []string {
	entries := s.Action
	if s.NotAction != nil {
		entries = wildcardActions(s)
	}
	var out []string
	for _, entry := range entries {
		covered := false
		narrower := false
		for _, b := range built.Statement {
			for _, action := range b.Action {
				if entryCovers(s, entry, action) {
					covered = true
					narrower = narrower || !slices.Equal(b.Resource, []string{"*"})
				}
			}
		}
		if !covered || narrower {
			out = append(out, entry)
		}
	}
	return out
}

// entryCovers reports whether one action entry of s (or, for NotAction,
// the statement's whole NotAction) covers action.
func entryCovers(s iameval.Statement, entry, action string) bool {
	if s.NotAction != nil {
		return covers(nil, s.NotAction, action)
	}
	return covers([]string{entry}, nil, action)
}

// entriesCovering returns the statement's action entries that cover action.
func entriesCovering(s iameval.Statement, action string) []string {
	if s.NotAction != nil {
		if covers(nil, s.NotAction, action) {
			return wildcardActions(s)
		}
		return nil
	}
	var out []string
	for _, a := range s.Action {
		if covers([]string{a}, nil, action) {
			out = append(out, a)
		}
	}
	return out
}

// covers reports whether Action (or NotAction) entries cover an action, as
// IAM matches them.
func covers(actions, notActions []string, action string) bool {
	s := iameval.Statement{Effect: "Allow", Action: actions, NotAction: notActions, Resource: []string{"*"}}
	return iameval.EvaluateIdentity(single(iameval.Policy{}, s), iameval.Request{Action: action, Resource: "*"}) == iameval.Allowed
}

// conditionsOn reports whether any condition of s tests key.
func conditionsOn(s iameval.Statement, key string) bool {
	for _, keys := range s.Condition {
		for k := range keys {
			if strings.EqualFold(k, key) {
				return true
			}
		}
	}
	return false
}

// grantsCovered describes the built policy's grants that the entries of s
// stand for: actions the entries cover, on resources s names, one line per
// built statement; narrower leaves out grants on "*".
func grantsCovered(built policy.Document, s iameval.Statement, entries []string, narrower bool) []string {
	var out []string
	for _, b := range built.Statement {
		if narrower && slices.Equal(b.Resource, []string{"*"}) {
			continue
		}
		actions := slices.DeleteFunc(slices.Clone(b.Action), func(action string) bool {
			return !slices.ContainsFunc(entries, func(entry string) bool { return entryCovers(s, entry, action) })
		})
		resources := slices.DeleteFunc(slices.Clone(b.Resource), func(r string) bool { return !names(s, r) })
		if len(actions) > 0 && len(resources) > 0 {
			out = append(out, fmt.Sprintf("%s on %s%s (%s)", strings.Join(actions, ", "), strings.Join(resources, ", "),
				conditionText(b.Condition), b.Sid))
		}
	}
	return out
}

// names reports whether statement s may grant on resource, a resource of
// the built policy: "*" (actions without resource types) only through a
// Resource of "*", any other where a Resource entry overlaps it.
func names(s iameval.Statement, resource string) bool {
	if s.NotResource != nil {
		return true
	}
	return slices.ContainsFunc(s.Resource, func(r string) bool { return r == "*" || resource != "*" && overlaps(resource, r) })
}

// conditionText renders a condition for a reader: " when iam:PassedToService
// StringEquals ecs-tasks.amazonaws.com, ecs.amazonaws.com".
func conditionText(condition map[string]map[string][]string) string {
	var parts []string
	for _, operator := range slices.Sorted(maps.Keys(condition)) {
		for _, key := range slices.Sorted(maps.Keys(condition[operator])) {
			parts = append(parts, fmt.Sprintf("%s %s %s", key, operator, strings.Join(condition[operator][key], ", ")))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " when " + strings.Join(parts, " and ")
}
