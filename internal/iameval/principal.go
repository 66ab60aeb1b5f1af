package iameval

import (
	"regexp"
	"strings"
)

// principalMatch says how a Principal element names the caller.
type principalMatch int

const (
	notNamed principalMatch = iota
	// namedAccount: the element names the caller's account ("111122223333"
	// or "arn:aws:iam::111122223333:root"). The account then decides through
	// its own identity policies, so this alone grants nothing in the same
	// account.
	namedAccount
	// named: the element names the caller itself, or is "*".
	named
)

var (
	accountID   = regexp.MustCompile(`^[0-9]{12}$`)
	accountRoot = regexp.MustCompile(`^arn:[^:]+:iam::([0-9]{12}):root$`)
)

// caller is the request's principal, taken apart once.
type caller struct {
	value     string
	partition string
	account   string // "" for a service principal or an anonymous caller
	kind      string // "role", "assumed-role", "user", "federated-user", "root", ...
	name      string // the role or user name for sessions and roles
}

func newCaller(principal string) caller {
	c := caller{value: principal}
	fields := strings.SplitN(principal, ":", 6)
	if len(fields) != 6 || fields[0] != "arn" {
		return c
	}
	c.partition, c.account = fields[1], fields[4]
	c.kind, c.name, _ = strings.Cut(fields[5], "/")
	switch c.kind {
	case "role", "user": // the name is the last path segment
		c.name = c.name[strings.LastIndex(c.name, "/")+1:]
	case "assumed-role", "federated-user": // the name is the first segment
		c.name, _, _ = strings.Cut(c.name, "/")
	}
	return c
}

// matchPrincipal reports how a Principal element names the caller.
func matchPrincipal(element map[string][]string, c caller) principalMatch {
	best := notNamed
	for typ, values := range element {
		for _, v := range values {
			m := matchOne(typ, v, c)
			best = max(best, m)
		}
	}
	return best
}

func matchOne(typ, value string, c caller) principalMatch {
	if typ != "AWS" {
		// Service, Federated and CanonicalUser principals call as themselves.
		if c.value != "" && value == c.value {
			return named
		}
		return notNamed
	}
	if value == "*" {
		return named
	}
	if c.account == "" {
		return notNamed
	}
	if accountID.MatchString(value) {
		return accountNamed(value == c.account)
	}
	if m := accountRoot.FindStringSubmatch(value); m != nil {
		return accountNamed(m[1] == c.account)
	}
	if value == c.value {
		return named
	}
	// A role (or user) ARN also names the sessions of that role (or user):
	// AWS writes the session's ARN into the request, the policy the role's.
	p := newCaller(value)
	if p.partition != c.partition || p.account != c.account {
		return notNamed
	}
	switch {
	case p.kind == "role" && c.kind == "assumed-role" && strings.EqualFold(p.name, c.name),
		p.kind == "user" && c.kind == "federated-user" && p.name == c.name:
		return named
	}
	return notNamed
}

func accountNamed(same bool) principalMatch {
	if same {
		return namedAccount
	}
	return notNamed
}

// principalApplies reports how a resource-policy statement's Principal or
// NotPrincipal names the caller. NotPrincipal names everyone it does not
// list, and a listed account excludes all of that account's principals.
func (s *Statement) principalApplies(c caller) principalMatch {
	switch {
	case s.Principal != nil:
		return matchPrincipal(s.Principal, c)
	case s.NotPrincipal != nil:
		if matchPrincipal(s.NotPrincipal, c) != notNamed {
			return notNamed
		}
		return named
	}
	return notNamed
}
