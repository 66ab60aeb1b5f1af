package corpus

import (
	"encoding/json"
	"fmt"
)

// requests every action and resource test is tried on.
var targets = []struct{ action, resource string }{
	{"s3:GetObject", object},
	{"s3:DeleteObject", object},
	{"s3:ListBucket", bucket},
	{"codebuild:StartBuild", project},
	{"codebuild:BatchGetBuilds", project},
	{"logs:PutLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1"},
	{"ec2:DescribeInstances", "*"},
}

func (b *builder) actions() {
	patterns := []any{
		"s3:GetObject", "S3:getobject", "s3:Get*", "s3:*Object", "s3:Get?bject", "s3:G*t*", "s3:*", "*",
		"s3:List*", "codebuild:*Build*", "codebuild:StartBuil?", "codebuild:Start", "ec2:Describe*",
		[]any{"s3:ListBucket", "codebuild:StartBuild"},
	}
	for _, p := range patterns {
		for _, t := range targets {
			name := fmt.Sprintf("action/%s/%s", show(p), t.action)
			b.identity(name, t.action, t.resource, nil, doc(allow(p, "*")))
		}
	}
	for _, t := range targets {
		b.identity("not-action/allow/"+t.action, t.action, t.resource, nil,
			doc(statement{"Effect": "Allow", "NotAction": []any{"s3:Delete*", "ec2:*"}, "Resource": "*"}))
		b.identity("not-action/deny/"+t.action, t.action, t.resource, nil,
			doc(allow("*", "*"), statement{"Effect": "Deny", "NotAction": "s3:Get*", "Resource": "*"}))
	}
}

func (b *builder) resources() {
	patterns := []any{
		"arn:aws:s3:::artifacts/*", "arn:aws:s3:::artifacts/*/app.zip", "arn:aws:s3:::art?facts/*",
		"arn:aws:s3:::Artifacts/*", "arn:aws:s3:::*", "arn:aws:s3:::artifacts", "arn:aws:s3:::artifacts*",
		"arn:aws:s3:::artifacts/build/app.zi?", "arn:aws:s3:::artifacts/build/APP.zip",
		"arn:aws:codebuild:us-east-1:111122223333:project/build-*", "arn:aws:codebuild:*:*:project/*",
		"arn:aws:codebuild:us-east-1:111122223333:*", "arn:aws:codebuild:us-east-1:*:project/Build-app",
		"arn:aws:codebuild:US-EAST-1:111122223333:project/build-app", "arn:aws:codebuild:us-east-?:111122223333:project/build-app",
		"arn:aws:codebuild:*", "arn:aws:*", "arn:aws:codebuild:us-*:project/build-app",
		"arn:aws:codebuild:us-east-1:111122223333:pro*/build-app", "arn:aws:codebuild:us-east-1:111122223333:project*",
		"arn:aws:codebuild:us-east-1:444455556666:project/build-app", "arn:*:codebuild:*:*:*",
		"arn:aws:logs:us-east-1:111122223333:log-group:app:*", "arn:aws:logs:*:*:log-group:app",
		"arn:aws:logs:us-east-1:111122223333:log-group:*:log-stream:s?", "arn:aws:ec2:*:*:instance/*",
		[]any{"arn:aws:s3:::other/*", "arn:aws:s3:::artifacts/build/*"},
	}
	for _, p := range patterns {
		for _, t := range targets {
			if t.action == "s3:DeleteObject" || t.action == "codebuild:BatchGetBuilds" {
				continue // same resources as GetObject and StartBuild
			}
			b.identity(fmt.Sprintf("resource/%s/%s", show(p), t.action), t.action, t.resource, nil, doc(allow("*", p)))
		}
	}
	for _, t := range targets {
		b.identity("not-resource/allow/"+t.action, t.action, t.resource, nil,
			doc(statement{"Effect": "Allow", "Action": "*", "NotResource": []any{"arn:aws:s3:::artifacts", "arn:aws:codebuild:*:*:project/*"}}))
		b.identity("not-resource/deny/"+t.action, t.action, t.resource, nil,
			doc(allow("*", "*"), statement{"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::artifacts/*"}))
	}
}

func (b *builder) variables() {
	user := ctx("aws:username", "alice")
	cases := []struct {
		name     string
		resource string
		context  map[string][]string
		policy   statement
	}{
		{"resource/match", "arn:aws:s3:::artifacts/alice/a.zip", user, allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:username}/*")},
		{"resource/other-user", "arn:aws:s3:::artifacts/bob/a.zip", user, allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:username}/*")},
		{"resource/no-value", "arn:aws:s3:::artifacts/alice/a.zip", nil, allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:username}/*")},
		{"resource/name-case", "arn:aws:s3:::artifacts/alice/a.zip", user, allow("s3:GetObject", "arn:aws:s3:::artifacts/${AWS:UserName}/*")},
		{"resource/default-used", "arn:aws:s3:::artifacts/shared/a.zip", nil, allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:username, 'shared'}/*")},
		{"resource/default-unused", "arn:aws:s3:::artifacts/shared/a.zip", user, allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:username, 'shared'}/*")},
		{"resource/tag", "arn:aws:s3:::artifacts/dev/a.zip", ctx("aws:PrincipalTag/team", "dev"), allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:PrincipalTag/team}/*")},
		{"resource/value-is-literal", "arn:aws:s3:::artifacts/a/b.zip", ctx("aws:username", "a*"), allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:username}")},
		{"resource/multivalued", "arn:aws:s3:::artifacts/env/a.zip", map[string][]string{"aws:TagKeys": {"env"}}, allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:TagKeys}/*")},
		{"resource/multivalued-default", "arn:aws:s3:::artifacts/any/a.zip", map[string][]string{"aws:TagKeys": {"env"}}, allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:TagKeys, 'any'}/*")},
		{"resource/codebuild", project, ctx("aws:PrincipalTag/app", "app"), allow("codebuild:StartBuild", "arn:aws:codebuild:us-east-1:111122223333:project/build-${aws:PrincipalTag/app}")},
		{"not-resource/no-value", "arn:aws:s3:::artifacts/alice/a.zip", nil, statement{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::artifacts/${aws:username}/*"}},
		{"not-resource/other-bucket-no-value", "arn:aws:s3:::artifacts/alice/a.zip", nil, statement{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:sqs:*:*:${aws:username}"}},
		{"condition/match", object, ctx("aws:username", "alice", "aws:PrincipalTag/owner", "alice"), allow("s3:GetObject", "*").when("StringEquals", "aws:PrincipalTag/owner", "${aws:username}")},
		{"condition/mismatch", object, ctx("aws:username", "alice", "aws:PrincipalTag/owner", "bob"), allow("s3:GetObject", "*").when("StringEquals", "aws:PrincipalTag/owner", "${aws:username}")},
		{"condition/no-value", object, ctx("aws:PrincipalTag/owner", "alice"), allow("s3:GetObject", "*").when("StringEquals", "aws:PrincipalTag/owner", "${aws:username}")},
		{"condition/not-equals-no-value", object, ctx("aws:PrincipalTag/owner", "alice"), allow("s3:GetObject", "*").when("StringNotEquals", "aws:PrincipalTag/owner", "${aws:username}")},
		{"condition/not-equals-second-value", object, ctx("aws:PrincipalTag/owner", "carol"), allow("s3:GetObject", "*").when("StringNotEquals", "aws:PrincipalTag/owner", []any{"bob", "${aws:username}"})},
		{"condition/like-prefix", object, ctx("aws:username", "alice", "aws:PrincipalTag/path", "alice/build"), allow("s3:GetObject", "*").when("StringLike", "aws:PrincipalTag/path", "${aws:username}/*")},
		{"condition/escaped-star", object, ctx("aws:PrincipalTag/path", "a*b"), allow("s3:GetObject", "*").when("StringLike", "aws:PrincipalTag/path", "a${*}b")},
		{"condition/escaped-star-literal", object, ctx("aws:PrincipalTag/path", "axb"), allow("s3:GetObject", "*").when("StringLike", "aws:PrincipalTag/path", "a${*}b")},
		{"condition/escaped-question", object, ctx("aws:PrincipalTag/path", "a?b"), allow("s3:GetObject", "*").when("StringLike", "aws:PrincipalTag/path", "a${?}b")},
		{"condition/escaped-question-literal", object, ctx("aws:PrincipalTag/path", "axb"), allow("s3:GetObject", "*").when("StringLike", "aws:PrincipalTag/path", "a${?}b")},
		{"condition/escaped-star-equals", object, ctx("aws:PrincipalTag/path", "a*b"), allow("s3:GetObject", "*").when("StringEquals", "aws:PrincipalTag/path", "a${*}b")},
		{"condition/escaped-dollar", object, ctx("aws:PrincipalTag/path", "a$b"), allow("s3:GetObject", "*").when("StringEquals", "aws:PrincipalTag/path", "a${$}b")},
		{"condition/default", object, ctx("aws:PrincipalTag/owner", "nobody"), allow("s3:GetObject", "*").when("StringEquals", "aws:PrincipalTag/owner", "${aws:username, 'nobody'}")},
		{"condition/arn", object, ctx("aws:username", "alice", "aws:SourceArn", "arn:aws:codebuild:us-east-1:111122223333:project/alice-build"), allow("s3:GetObject", "*").when("ArnLike", "aws:SourceArn", "arn:aws:codebuild:*:*:project/${aws:username}-*")},
		{"condition/arn-no-value", object, ctx("aws:SourceArn", "arn:aws:codebuild:us-east-1:111122223333:project/alice-build"), allow("s3:GetObject", "*").when("ArnNotLike", "aws:SourceArn", "arn:aws:codebuild:*:*:project/${aws:username}-*")},
		{"condition/bool", object, ctx("aws:PrincipalTag/flag", "true", "aws:SecureTransport", "true"), allow("s3:GetObject", "*").when("Bool", "aws:SecureTransport", "${aws:PrincipalTag/flag}")},
	}
	for _, c := range cases {
		action := "s3:GetObject"
		if c.resource == project {
			action = "codebuild:StartBuild"
		}
		b.identity("variable/"+c.name, action, c.resource, c.context, doc(c.policy))
	}
}

// precedence: an applicable Deny wins over any Allow, in the same policy or another.
func (b *builder) precedence() {
	cases := []struct {
		name     string
		policies []json.RawMessage
	}{
		{"allow-only", []json.RawMessage{doc(allow("s3:GetObject", "*"))}},
		{"deny-only", []json.RawMessage{doc(deny("s3:GetObject", "*"))}},
		{"allow-and-deny", []json.RawMessage{doc(allow("s3:GetObject", "*"), deny("s3:GetObject", object))}},
		{"deny-in-other-policy", []json.RawMessage{doc(allow("s3:*", "*")), doc(deny("s3:Get*", "arn:aws:s3:::artifacts/*"))}},
		{"deny-other-resource", []json.RawMessage{doc(allow("s3:*", "*"), deny("s3:GetObject", "arn:aws:s3:::secrets/*"))}},
		{"deny-other-action", []json.RawMessage{doc(allow("s3:*", "*"), deny("s3:PutObject", "*"))}},
		{"deny-condition-false", []json.RawMessage{doc(allow("s3:*", "*"), deny("s3:*", "*").when("Bool", "aws:SecureTransport", "false"))}},
		{"deny-wildcard", []json.RawMessage{doc(allow("s3:GetObject", object), deny("*", "*"))}},
		{"no-statement-applies", []json.RawMessage{doc(allow("s3:PutObject", "*"), deny("s3:DeleteObject", "*"))}},
		{"no-version", []json.RawMessage{docVersion("", allow("s3:GetObject", "*"))}},
		{"version-2008", []json.RawMessage{docVersion("2008-10-17", allow("s3:GetObject", "*"))}},
		{"statement-object", []json.RawMessage{json.RawMessage(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::artifacts/*","Sid":"One"}}`)}},
		{"no-policies", nil},
	}
	for _, c := range cases {
		b.identity("precedence/"+c.name, "s3:GetObject", object, ctx("aws:SecureTransport", "true"), c.policies...)
	}
}
