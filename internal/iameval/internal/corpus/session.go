package corpus

import (
	"encoding/json"
	"fmt"
)

// The keys internal/audit puts in every request of a service role session,
// with the values it gives them for roleA in us-east-1 at sessionTime.
const (
	sessionTime  = "2026-01-15T09:00:00Z"
	sessionEpoch = "1768467600"
	execution    = "arn:aws:states:us-east-1:111122223333:execution:sm:"
)

// sessionContext is the audit's request context, without the keys dropped
// (the audit leaves out a key whose value it does not know).
func sessionContext(drop ...string) map[string][]string {
	c := ctx("aws:SecureTransport", "true", "aws:PrincipalArn", roleA, "aws:PrincipalAccount", accountA,
		"aws:PrincipalType", "AssumedRole", "aws:RequestedRegion", "us-east-1",
		"aws:CurrentTime", sessionTime, "aws:EpochTime", sessionEpoch)
	for _, key := range drop {
		delete(c, key)
	}
	return c
}

// sessionCondition is a condition on one of the session's keys, with a
// value the session satisfies and one it does not.
type sessionCondition struct {
	operator, key string
	holds, fails  string
}

var sessionConditions = []sessionCondition{
	{"Bool", "aws:SecureTransport", "true", "false"},
	{"ArnEquals", "aws:PrincipalArn", roleA, roleB},
	{"ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/pipeline-*", "arn:aws:iam::*:role/deploy*"},
	{"StringEquals", "aws:PrincipalAccount", accountA, accountB},
	{"StringEquals", "aws:PrincipalType", "AssumedRole", "User"},
	{"StringEquals", "aws:RequestedRegion", "us-east-1", "eu-west-1"},
	{"DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z", "2020-01-01T00:00:00Z"},
	{"DateGreaterThan", "aws:CurrentTime", "2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z"},
	{"NumericLessThan", "aws:EpochTime", "1900000000", "1700000000"},
}

// session checks the keys the audit supplies: an Allow conditioned on each
// (with the key present and left out), a Deny guard on each, and policy
// variables naming them.
func (b *builder) session() {
	for _, c := range sessionConditions {
		for _, value := range []string{c.holds, c.fails} {
			name := fmt.Sprintf("session/%s/%s=%s", c.operator, c.key, value)
			policy := doc(allow("s3:GetObject", "*").when(c.operator, c.key, value))
			b.identity(name, "s3:GetObject", object, sessionContext(), policy)
			b.identity(name+"/key-absent", "s3:GetObject", object, sessionContext(c.key), policy)
			b.identity("session-deny/"+name[len("session/"):], "s3:GetObject", object, sessionContext(),
				doc(allow("s3:*", "*"), deny("s3:GetObject", "*").when(c.operator, c.key, value)))
		}
	}
	variables := doc(allow("codebuild:StartBuild", "arn:aws:codebuild:${aws:RequestedRegion}:${aws:PrincipalAccount}:project/*"))
	b.identity("session/variables/region-account", "codebuild:StartBuild", project, sessionContext(), variables)
	b.identity("session/variables/region-absent", "codebuild:StartBuild", project, sessionContext("aws:RequestedRegion"), variables)
	b.partialDenies()
}

// partialDenies are a grant the role lacks, or has, with a Deny on part of
// it: the call on the denied part stays denied whatever Allow is added.
func (b *builder) partialDenies() {
	denyProd := deny("states:DescribeExecution", execution+"prod-*").with("Sid", "DenyProd")
	missing := doc(allow("states:DescribeExecution", execution+"*"))
	cases := []struct {
		name     string
		policies []json.RawMessage
	}{
		{"no-allow", []json.RawMessage{doc(allow("states:StartExecution", "*"), denyProd)}},
		{"allow-elsewhere", []json.RawMessage{doc(allow("states:DescribeExecution", execution+"other-*"), denyProd)}},
		{"allow-whole", []json.RawMessage{doc(allow("states:DescribeExecution", execution+"*"), denyProd)}},
		{"missing-policy-added", []json.RawMessage{doc(allow("states:StartExecution", "*"), denyProd), missing}},
		{"deny-not-resource", []json.RawMessage{missing, doc(statement{"Effect": "Deny", "Action": "states:*", "NotResource": execution + "prod-*"})}},
		{"deny-not-action", []json.RawMessage{missing, doc(statement{"Effect": "Deny", "NotAction": "states:Start*", "Resource": execution + "prod-*"})}},
	}
	for _, c := range cases {
		for _, run := range []string{"prod-1", "other-1"} {
			b.identity(fmt.Sprintf("partial-deny/%s/%s", c.name, run), "states:DescribeExecution", execution+run,
				sessionContext(), c.policies...)
		}
	}
}
