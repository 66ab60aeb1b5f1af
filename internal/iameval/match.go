package iameval

import "strings"

// actionMatches compares "service:action" names without regard to case; the
// action part takes '*' and '?' wildcards, the service prefix none.
func actionMatches(policyAction, action string) bool {
	if policyAction == "*" {
		return true
	}
	wantService, wantName, ok1 := strings.Cut(policyAction, ":")
	service, name, ok2 := strings.Cut(action, ":")
	if !ok1 || !ok2 || !strings.EqualFold(wantService, service) {
		return false
	}
	return globMatch(expander{}.expand(wantName), name, true)
}

// coversAction applies Action or NotAction.
func (s *Statement) coversAction(action string) bool {
	list, negate := s.Action, false
	if s.NotAction != nil {
		list, negate = s.NotAction, true
	}
	for _, a := range list {
		if actionMatches(a, action) {
			return !negate
		}
	}
	return negate
}

// resourceMatch is a three-way answer: a Resource entry whose variable has
// no value neither matches nor, under NotResource, proves a mismatch.
type resourceMatch int

const (
	noMatch resourceMatch = iota
	match
	unresolved
)

// coversResource applies Resource or NotResource. A statement with neither
// (a trust policy's) covers the resource its policy is attached to.
func (s *Statement) coversResource(resource string, e expander) bool {
	if s.NotResource != nil {
		for _, r := range s.NotResource {
			if resourceMatches(r, resource, e) != noMatch {
				return false
			}
		}
		return true
	}
	if s.Resource == nil {
		return true
	}
	for _, r := range s.Resource {
		if resourceMatches(r, resource, e) == match {
			return true
		}
	}
	return false
}

// resourceMatches matches a Resource entry against a resource ARN the way
// the IAM reference describes:
//   - partition, service, region and account are matched field by field,
//     without regard to case; a wildcard does not cross a colon there;
//   - the resource field (everything after the fifth colon, colons included)
//     is matched case-sensitively, and there '*' does cross ':' and '/';
//   - an entry with fewer than six fields whose last field ends in '*'
//     expands over the fields it lacks, since a trailing '*' may match beyond
//     the colons; any other short entry matches nothing;
//   - the resource type that opens the resource field ("project/",
//     "log-group:") takes no wildcards: with one it must appear literally.
//
// A definite mismatch in any field wins over an unresolved variable.
func resourceMatches(entry, resource string, e expander) resourceMatch {
	if entry == "*" {
		return match
	}
	want := splitARN(entry)
	if len(want) < 6 {
		if !strings.HasSuffix(want[len(want)-1], "*") {
			return noMatch
		}
		for len(want) < 6 {
			want = append(want, "*")
		}
	}
	got := strings.SplitN(resource, ":", 6)
	if len(got) != 6 || got[0] != "arn" {
		return noMatch
	}
	result := match
	for i := 1; i < 5; i++ {
		p := e.expand(want[i])
		switch {
		case p.unresolved:
			result = unresolved
		case !globMatch(p, got[i], true):
			return noMatch
		}
	}
	id, gotID := want[5], got[5]
	if typ := resourceType(want); strings.ContainsAny(typ, "*?") {
		if !strings.HasPrefix(gotID, typ) {
			return noMatch
		}
		id, gotID = id[len(typ):], gotID[len(typ):]
	}
	p := e.expand(id)
	switch {
	case p.unresolved:
		return unresolved
	case !globMatch(p, gotID, false):
		return noMatch
	}
	return result
}

// resourceType is the resource field up to and including its first '/' or
// ':' outside a variable, or "" when there is none. S3 bucket and object
// ARNs (no region, no account) have no resource type.
func resourceType(fields []string) string {
	if strings.EqualFold(fields[2], "s3") && fields[3] == "" && fields[4] == "" {
		return ""
	}
	id := fields[5]
	for i := 0; i < len(id); i++ {
		switch {
		case strings.HasPrefix(id[i:], "${"):
			return ""
		case id[i] == '/' || id[i] == ':':
			return id[:i+1]
		}
	}
	return ""
}
