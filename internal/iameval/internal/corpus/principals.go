package corpus

import (
	"encoding/json"
	"fmt"
)

// callers of the resource-policy cases: the pipeline role of account A as its
// ARN and as a session, a user of A, a role of account B as its ARN and as a
// session, a service principal and an anonymous caller.
var callers = []struct{ label, principal string }{
	{"roleA", roleA}, {"sessionA", sessionA}, {"userA", userA},
	{"roleB", roleB}, {"sessionB", sessionB}, {"service", service}, {"anonymous", ""},
}

// identities the callers may hold for the same request.
var identities = []struct {
	label    string
	policies []json.RawMessage
}{
	{"id-none", nil},
	{"id-allow", []json.RawMessage{doc(allow("s3:GetObject", "arn:aws:s3:::artifacts/*"))}},
	{"id-deny", []json.RawMessage{doc(allow("s3:*", "*"), deny("s3:GetObject", "*"))}},
}

// principals are the Principal elements a bucket policy statement may carry.
var principals = []struct {
	label string
	value any
}{
	{"star", "*"},
	{"aws-star", map[string]any{"AWS": "*"}},
	{"account-A", map[string]any{"AWS": accountA}},
	{"root-A", map[string]any{"AWS": "arn:aws:iam::111122223333:root"}},
	{"role-A", map[string]any{"AWS": roleA}},
	{"session-A", map[string]any{"AWS": sessionA}},
	{"user-A", map[string]any{"AWS": userA}},
	{"service", map[string]any{"Service": service}},
	{"account-B", map[string]any{"AWS": accountB}},
	{"role-B", map[string]any{"AWS": roleB}},
	{"user-A-and-role-B", map[string]any{"AWS": []any{userA, roleB}}},
}

// principals tries each Principal form in a bucket policy Allow, some in a
// Deny, and NotPrincipal in the usual Deny-everyone-else shape, for every
// caller and identity policy.
func (b *builder) principals() {
	objects := "arn:aws:s3:::artifacts/*"
	var policies []struct {
		label string
		doc   json.RawMessage
	}
	addPolicy := func(label string, d json.RawMessage) {
		policies = append(policies, struct {
			label string
			doc   json.RawMessage
		}{label, d})
	}
	for _, p := range principals {
		addPolicy("allow-"+p.label, doc(allow("s3:GetObject", objects).with("Principal", p.value)))
	}
	for _, p := range principals[:5] {
		addPolicy("deny-"+p.label, doc(deny("s3:GetObject", objects).with("Principal", p.value)))
	}
	for _, p := range []any{map[string]any{"AWS": roleA}, map[string]any{"AWS": accountA}, map[string]any{"AWS": []any{roleA, roleB}}} {
		addPolicy("not-principal-"+show(p), doc(
			allow("s3:GetObject", objects).with("Principal", "*"),
			deny("s3:GetObject", objects).with("NotPrincipal", p)))
	}
	addPolicy("service-source-account", doc(allow("s3:GetObject", objects).with("Principal", map[string]any{"Service": service}).
		when("StringEquals", "aws:SourceAccount", accountA)))
	for _, policy := range policies {
		for _, c := range callers {
			for _, id := range identities {
				if c.principal == "" && id.policies != nil {
					continue // an anonymous caller has no identity policies
				}
				b.add(Case{
					Name:     fmt.Sprintf("principal/%s/%s/%s", policy.label, c.label, id.label),
					Identity: id.policies,
					Resource: policy.doc,
					Request: Request{Principal: c.principal, Action: "s3:GetObject", Resource: object,
						ResourceAccount: accountA, Context: ctx("aws:SourceAccount", accountA)},
				})
			}
		}
	}
}

// trust covers the resources whose policy must trust an account before its
// identity policies count: a KMS key and a role being assumed.
func (b *builder) trust() {
	kmsPrincipals := []struct {
		label string
		value any
	}{
		{"root-A", map[string]any{"AWS": "arn:aws:iam::111122223333:root"}},
		{"role-A", map[string]any{"AWS": roleA}},
		{"account-B", map[string]any{"AWS": accountB}},
		{"role-B", map[string]any{"AWS": roleB}},
		{"service", map[string]any{"Service": "codebuild.amazonaws.com"}},
	}
	trustCallers := []struct{ label, principal string }{
		{"roleA", roleA}, {"sessionA", sessionA}, {"userA", userA}, {"sessionB", sessionB}, {"codebuild", "codebuild.amazonaws.com"},
	}
	for _, kind := range []struct{ name, action, resource string }{
		{"kms", "kms:Decrypt", keyARN},
		{"sts", "sts:AssumeRole", target},
	} {
		allowIdentity := doc(allow(kind.action, kind.resource))
		for _, p := range kmsPrincipals {
			st := statement{"Effect": "Allow", "Action": kind.action, "Principal": p.value}
			if kind.name == "kms" {
				st["Resource"] = "*"
			}
			for _, c := range trustCallers {
				for _, id := range []struct {
					label    string
					policies []json.RawMessage
				}{{"id-none", nil}, {"id-allow", []json.RawMessage{allowIdentity}}} {
					b.add(Case{
						Name:     fmt.Sprintf("trust/%s/%s/%s/%s", kind.name, p.label, c.label, id.label),
						Identity: id.policies,
						Resource: doc(st),
						Request:  Request{Principal: c.principal, Action: kind.action, Resource: kind.resource, ResourceAccount: accountA},
					})
				}
			}
		}
		// Without a resource policy: no key policy denies all, no trust policy leaves identity policies alone.
		for _, c := range trustCallers[:2] {
			b.add(Case{
				Name:     fmt.Sprintf("trust/%s/no-resource-policy/%s", kind.name, c.label),
				Identity: []json.RawMessage{allowIdentity},
				Request:  Request{Principal: c.principal, Action: kind.action, Resource: kind.resource, ResourceAccount: accountA},
			})
		}
	}
}
