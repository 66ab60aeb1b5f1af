package corpus

import (
	"fmt"
	"strings"
)

// absent stands for a condition key the request does not carry.
const absent = "(absent)"

// family is a set of operators tried on one key with the same policy values
// against each request value, plain and in their IfExists form.
type family struct {
	key       string
	operators []string
	policy    any
	requests  []string
}

func (b *builder) family(f family) {
	for _, op := range f.operators {
		for _, suffix := range []string{"", "IfExists"} {
			for _, value := range f.requests {
				name := fmt.Sprintf("cond/%s%s/%s=%s/req=%s", op, suffix, f.key, show(f.policy), value)
				var context map[string][]string
				if value != absent {
					context = ctx(f.key, value)
				}
				b.identity(name, "s3:GetObject", object, context,
					doc(allow("s3:GetObject", "*").when(op+suffix, f.key, f.policy)))
			}
		}
	}
}

func (b *builder) conditions() {
	team := "aws:PrincipalTag/team"
	b.family(family{team, []string{"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"},
		[]any{"dev", "ops"}, []string{"dev", "Dev", "ops", "qa", "dev*", absent}})
	b.family(family{team, []string{"StringLike", "StringNotLike"},
		[]any{"d*", "o?s"}, []string{"d", "dev", "Dev", "ops", "oops", "o/s", absent}})
	b.family(family{team, []string{"StringEquals"}, "d*", []string{"d*", "dev"}})

	arns := []string{project, strings.Replace(project, "build-app", "Build-app", 1),
		strings.Replace(project, "us-east-1", "us-west-2", 1), strings.Replace(project, accountA, accountB, 1),
		"not-an-arn", absent}
	arnOperators := []string{"ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike"}
	b.family(family{"aws:SourceArn", arnOperators, "arn:aws:codebuild:us-east-1:111122223333:project/build-*", arns})
	b.family(family{"aws:SourceArn", arnOperators, "arn:aws:codebuild:us-east-?:*:project/*", arns})
	b.family(family{"aws:SourceArn", []string{"ArnLike"}, "arn:aws:*:us-east-1:111122223333:*", arns})
	b.family(family{"aws:SourceArn", []string{"ArnLike", "ArnNotLike"}, "arn:aws:codebuild:*:project/build-app", []string{project}})

	numeric := []string{"NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
		"NumericGreaterThan", "NumericGreaterThanEquals"}
	b.family(family{"aws:MultiFactorAuthAge", numeric, "3600",
		[]string{"100", "3600", "3600.0", "7200", "-5", "abc", absent}})
	b.family(family{"aws:MultiFactorAuthAge", []string{"NumericEquals", "NumericLessThan"}, 3600, []string{"3600", "100"}})

	dates := []string{"DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
		"DateGreaterThan", "DateGreaterThanEquals"}
	b.family(family{"aws:CurrentTime", dates, "2024-06-01T00:00:00Z",
		[]string{"2024-05-31T23:59:59Z", "2024-06-01T00:00:00Z", "2024-06-01T02:00:00+02:00",
			"2024-06-01T00:00:01Z", "2024-06-01", "garbage", absent}})
	b.family(family{"aws:EpochTime", dates, "1717200000", []string{"1717199999", "1717200000", "1717200001", absent}})

	for _, policy := range []any{"true", true, "false", "TRUE"} {
		b.family(family{"aws:SecureTransport", []string{"Bool"}, policy, []string{"true", "false", "True", "yes", absent}})
	}

	b.family(family{"aws:SourceIp", []string{"IpAddress", "NotIpAddress"}, []any{"10.0.0.0/8", "192.168.1.1"},
		[]string{"10.1.2.3", "192.168.1.1", "192.168.1.2", "2001:db8::1", "not-an-ip", absent}})
	b.family(family{"aws:SourceIp", []string{"IpAddress", "NotIpAddress"}, "2001:db8::/32",
		[]string{"2001:db8::1", "2001:db9::1", "10.1.2.3"}})

	b.family(family{"aws:PrincipalTag/blob", []string{"BinaryEquals"}, "QmluYXJ5", []string{"QmluYXJ5", "QmluYXJ6", absent}})

	b.nulls()
	b.denyConditions()
	b.combinations()
}

// nulls tries Null on a single-valued key and on a multivalued one, which a
// present empty set leaves present.
func (b *builder) nulls() {
	contexts := map[string]map[string][]string{
		"ip=10.1.2.3":   ctx("aws:SourceIp", "10.1.2.3"),
		"tags=[]":       {"aws:TagKeys": {}},
		"tags=[env]":    {"aws:TagKeys": {"env"}},
		"nothing":       nil,
		"ip,tags=[env]": {"aws:SourceIp": {"10.1.2.3"}, "aws:TagKeys": {"env"}},
	}
	for _, key := range []string{"aws:SourceIp", "aws:TagKeys"} {
		for _, want := range []any{"true", "false", true, []any{"true", "false"}} {
			for _, label := range []string{"ip=10.1.2.3", "tags=[]", "tags=[env]", "nothing", "ip,tags=[env]"} {
				b.identity(fmt.Sprintf("cond/Null/%s=%s/req=%s", key, show(want), label), "s3:GetObject", object, contexts[label],
					doc(allow("s3:GetObject", "*").when("Null", key, want)))
			}
		}
	}
}

// denyConditions are guard rails written as a Deny with a condition next to
// a broad Allow, the shape most policies use them in.
func (b *builder) denyConditions() {
	guards := []struct {
		operator, key string
		value         any
		requests      []string
	}{
		{"StringNotEqualsIfExists", "aws:PrincipalTag/team", "dev", []string{"dev", "qa", absent}},
		{"StringNotEquals", "aws:PrincipalTag/team", "dev", []string{"dev", "qa", absent}},
		{"BoolIfExists", "aws:SecureTransport", "false", []string{"true", "false", absent}},
		{"Bool", "aws:SecureTransport", "false", []string{"true", "false", absent}},
		{"NotIpAddress", "aws:SourceIp", "10.0.0.0/8", []string{"10.9.9.9", "8.8.8.8", absent}},
		{"NumericGreaterThanIfExists", "aws:MultiFactorAuthAge", "3600", []string{"60", "86400", absent}},
		{"Null", "aws:MultiFactorAuthAge", "true", []string{"60", absent}},
		{"DateGreaterThan", "aws:CurrentTime", "2024-01-01T00:00:00Z", []string{"2023-12-31T00:00:00Z", "2024-02-01T00:00:00Z", absent}},
		{"ArnNotLikeIfExists", "aws:SourceArn", "arn:aws:codebuild:*:111122223333:project/*", []string{project, "arn:aws:codebuild:us-east-1:444455556666:project/x", absent}},
	}
	for _, g := range guards {
		for _, value := range g.requests {
			var context map[string][]string
			if value != absent {
				context = ctx(g.key, value)
			}
			b.identity(fmt.Sprintf("cond-deny/%s/%s=%s/req=%s", g.operator, g.key, show(g.value), value), "s3:GetObject", object, context,
				doc(allow("s3:*", "*"), deny("s3:GetObject", "*").when(g.operator, g.key, g.value)))
		}
	}
}

// combinations check that keys and operators are AND-ed, values OR-ed, and
// that key names are matched without regard to case but values are not.
func (b *builder) combinations() {
	twoKeys := allow("s3:GetObject", "*").with("Condition", map[string]any{
		"StringEquals": map[string]any{"aws:PrincipalTag/team": "dev", "aws:PrincipalTag/project": []any{"app", "web"}},
	})
	twoOperators := allow("s3:GetObject", "*").with("Condition", map[string]any{
		"StringEquals": map[string]any{"aws:PrincipalTag/team": "dev"},
		"IpAddress":    map[string]any{"aws:SourceIp": "10.0.0.0/8"},
	})
	contexts := []map[string][]string{
		ctx("aws:PrincipalTag/team", "dev", "aws:PrincipalTag/project", "app", "aws:SourceIp", "10.0.0.1"),
		ctx("aws:PrincipalTag/team", "dev", "aws:PrincipalTag/project", "web", "aws:SourceIp", "8.8.8.8"),
		ctx("aws:PrincipalTag/team", "dev", "aws:PrincipalTag/project", "api", "aws:SourceIp", "10.0.0.1"),
		ctx("aws:PrincipalTag/team", "qa", "aws:PrincipalTag/project", "app", "aws:SourceIp", "10.0.0.1"),
		ctx("aws:PrincipalTag/team", "dev", "aws:SourceIp", "10.0.0.1"),
		ctx("aws:PrincipalTag/project", "app"),
	}
	for i, c := range contexts {
		b.identity(fmt.Sprintf("logic/two-keys/%d", i), "s3:GetObject", object, c, doc(twoKeys))
		b.identity(fmt.Sprintf("logic/two-operators/%d", i), "s3:GetObject", object, c, doc(twoOperators))
	}

	cases := []struct {
		name, operator, key string
		value               any
		context             map[string][]string
	}{
		{"key-upper", "StringEquals", "AWS:PRINCIPALTAG/TEAM", "dev", ctx("aws:PrincipalTag/team", "dev")},
		{"request-key-upper", "StringEquals", "aws:PrincipalTag/team", "dev", ctx("AWS:PrincipalTag/Team", "dev")},
		{"value-upper", "StringEquals", "aws:PrincipalTag/team", "DEV", ctx("aws:PrincipalTag/team", "dev")},
		{"operator-lower", "stringequals", "aws:PrincipalTag/team", "dev", ctx("aws:PrincipalTag/team", "dev")},
		{"operator-mixed-ifexists", "stringNotEqualsIfexists", "aws:PrincipalTag/team", "dev", nil},
		{"set-operator-lower", "forallvalues:StringEquals", "aws:TagKeys", "env", map[string][]string{"aws:TagKeys": {"env"}}},
		{"empty-value", "StringEquals", "aws:PrincipalTag/team", "", ctx("aws:PrincipalTag/team", "")},
		{"username", "StringEquals", "aws:username", "alice", ctx("aws:username", "alice")},
		{"principal-arn", "ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/pipeline-*", ctx("aws:PrincipalArn", roleA)},
		{"principal-arn-session", "ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/pipeline-*", ctx("aws:PrincipalArn", sessionA)},
	}
	for _, c := range cases {
		b.identity("logic/"+c.name, "s3:GetObject", object, c.context,
			doc(allow("s3:GetObject", "*").when(c.operator, c.key, c.value)))
	}
}
