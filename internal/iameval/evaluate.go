package iameval

import "strings"

// Request is one API call to decide.
type Request struct {
	// Principal is the caller, used only against resource policies: an IAM
	// ARN (role, user, "arn:aws:sts::111122223333:assumed-role/name/session",
	// account root), a service principal such as "codepipeline.amazonaws.com",
	// or "" for an anonymous caller. A role's ARN and any of its session ARNs
	// are both matched by a policy that names the role.
	Principal string
	Action    string // "s3:GetObject"
	Resource  string // an ARN, or "*" for actions that take no resource
	// Context maps condition keys (any case) to their values. A key with
	// more than one value, or none, is multivalued.
	Context map[string][]string
	// MultiValued names further keys to treat as multivalued even with one
	// value (the multivalued global keys, such as aws:TagKeys, are known).
	MultiValued []string
}

// EvaluateIdentity decides a request against identity-based policies. A
// statement IAM would refuse in such a policy (one with Principal or
// NotPrincipal, or without Resource and NotResource) never applies.
func EvaluateIdentity(policies []Policy, req Request) Decision {
	d, _ := evaluate(policies, req, false)
	return d
}

// EvaluateResource decides a request against resource-based policies: a
// statement applies only if its Principal or NotPrincipal names the caller,
// by ARN, by account or as "*".
func EvaluateResource(policies []Policy, req Request) Decision {
	d, _ := evaluate(policies, req, true)
	return d
}

// grant says how an allowing resource policy named the caller.
type grant struct{ direct, account bool }

func evaluate(policies []Policy, req Request, resourceSide bool) (Decision, grant) {
	ctx := newRequestContext(req)
	c := newCaller(req.Principal)
	var g grant
	denied := false
	for _, p := range policies {
		e := expander{ctx: ctx, variables: p.Version == "2012-10-17"}
		for i := range p.Statements {
			s := &p.Statements[i]
			how := named
			if resourceSide {
				how = s.principalApplies(c)
			} else if s.Principal != nil || s.NotPrincipal != nil || s.Resource == nil && s.NotResource == nil {
				continue
			}
			if how == notNamed || !s.coversAction(req.Action) || !s.coversResource(req.Resource, e) ||
				!conditionsHold(s.Condition, ctx, e) {
				continue
			}
			switch {
			case s.Effect == "Deny":
				denied = true
			case s.Effect == "Allow" && how == namedAccount:
				g.account = true
			case s.Effect == "Allow":
				g.direct = true
			}
		}
	}
	switch {
	case denied:
		return ExplicitDeny, g
	case g.direct || g.account:
		return Allowed, g
	}
	return ImplicitDeny, g
}

// Access decides one request the way AWS combines an identity's policies
// with the resource's policy (no SCPs, RCPs, permissions boundaries or
// session policies):
//   - an explicit deny in either wins;
//   - an anonymous caller or a service principal needs the resource policy
//     to name it;
//   - in the same account, either policy may allow, but a resource policy
//     that names only the account leaves the decision to identity policies;
//     KMS keys and role trust policies are stricter: identity policies count
//     only when the key or trust policy allows the account;
//   - across accounts (the caller's account is not resourceAccount), both
//     must allow.
//
// resourceAccount is the account that owns the resource; when empty, the
// account field of req.Resource is used, and when that is empty too (S3)
// the resource is taken to be in the caller's account.
func Access(identity, resource []Policy, req Request, resourceAccount string) Decision {
	idDecision := EvaluateIdentity(identity, req)
	resDecision, g := evaluate(resource, req, true)
	if idDecision == ExplicitDeny || resDecision == ExplicitDeny {
		return ExplicitDeny
	}
	c := newCaller(req.Principal)
	if c.account == "" {
		return allowedIf(g.direct)
	}
	if resourceAccount == "" {
		resourceAccount = accountOf(req.Resource)
	}
	if resourceAccount != "" && resourceAccount != c.account {
		return allowedIf((g.direct || g.account) && idDecision == Allowed)
	}
	if g.direct {
		return Allowed
	}
	if idDecision != Allowed {
		return ImplicitDeny
	}
	if needsAccountTrust(req, len(resource) > 0) {
		return allowedIf(g.account)
	}
	return Allowed
}

// needsAccountTrust reports whether identity policies in the resource's own
// account count only when the resource policy allows that account: KMS key
// policies, and the trust policy of a role being assumed.
func needsAccountTrust(req Request, hasResourcePolicy bool) bool {
	service, _, _ := strings.Cut(req.Action, ":")
	switch strings.ToLower(service) {
	case "kms":
		fields := strings.SplitN(req.Resource, ":", 6)
		return len(fields) == 6 && strings.HasPrefix(fields[5], "key/")
	case "sts":
		return hasResourcePolicy
	}
	return false
}

func accountOf(arn string) string {
	fields := strings.SplitN(arn, ":", 6)
	if len(fields) != 6 || fields[0] != "arn" {
		return ""
	}
	return fields[4]
}

func allowedIf(ok bool) Decision {
	if ok {
		return Allowed
	}
	return ImplicitDeny
}
