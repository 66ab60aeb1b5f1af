package iameval

import (
	"testing"
)

const (
	pipelineRole    = "arn:aws:iam::111122223333:role/service-role/pipeline-role"
	pipelineSession = "arn:aws:sts::111122223333:assumed-role/pipeline-role/1700000000000"
	otherRole       = "arn:aws:iam::444455556666:role/deployer"
	artifactObject  = "arn:aws:s3:::artifacts/MyApp/SourceArti/abc.zip"
	artifactKey     = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
)

func mustParse(t *testing.T, docs ...string) []Policy {
	t.Helper()
	policies, err := ParseAll(docs)
	if err != nil {
		t.Fatal(err)
	}
	return policies
}

func TestDecisionString(t *testing.T) {
	for d, want := range map[Decision]string{ImplicitDeny: "implicitDeny", Allowed: "allowed", ExplicitDeny: "explicitDeny", 7: "Decision(invalid)"} {
		if got := d.String(); got != want {
			t.Errorf("Decision(%d).String() = %q, want %q", int(d), got, want)
		}
	}
}

// TestPrincipalConventions: a policy naming a role also names its sessions,
// which is what AWS puts in the request (IAM User Guide, "AWS JSON policy
// elements: Principal", role sessions); an anonymous caller is named only by
// "*"; a service is named by its service principal.
func TestPrincipalConventions(t *testing.T) {
	bucketPolicy := func(principal string) []Policy {
		return mustParse(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":`+principal+
			`,"Action":"s3:GetObject","Resource":"arn:aws:s3:::artifacts/*"}}`)
	}
	tests := []struct {
		principal, caller string
		want              Decision
	}{
		{`{"AWS":"` + pipelineRole + `"}`, pipelineRole, Allowed},
		{`{"AWS":"` + pipelineRole + `"}`, pipelineSession, Allowed},
		{`{"AWS":"` + pipelineRole + `"}`, "arn:aws:sts::111122223333:assumed-role/other-role/1", ImplicitDeny},
		{`{"AWS":"` + pipelineRole + `"}`, "arn:aws:sts::444455556666:assumed-role/pipeline-role/1", ImplicitDeny},
		{`{"AWS":"` + pipelineSession + `"}`, pipelineRole, ImplicitDeny},
		{`{"AWS":"arn:aws:iam::111122223333:role/service-role/*"}`, pipelineRole, ImplicitDeny},
		{`{"AWS":"111122223333"}`, pipelineSession, Allowed},
		{`{"AWS":"arn:aws:iam::111122223333:root"}`, otherRole, ImplicitDeny},
		{`{"AWS":"arn:aws:iam::111122223333:user/alice"}`, "arn:aws:sts::111122223333:federated-user/alice", Allowed},
		{`"*"`, "", Allowed},
		{`{"AWS":"111122223333"}`, "", ImplicitDeny},
		{`{"Service":"codepipeline.amazonaws.com"}`, "codepipeline.amazonaws.com", Allowed},
		{`{"Service":"codepipeline.amazonaws.com"}`, "codebuild.amazonaws.com", ImplicitDeny},
		{`{"AWS":"*"}`, "codebuild.amazonaws.com", Allowed},
	}
	for _, tt := range tests {
		req := Request{Principal: tt.caller, Action: "s3:GetObject", Resource: artifactObject}
		if got := EvaluateResource(bucketPolicy(tt.principal), req); got != tt.want {
			t.Errorf("Principal %s, caller %q: %v, want %v", tt.principal, tt.caller, got, tt.want)
		}
	}
}

// TestKindsSkipForeignStatements: each evaluation reads only the statements
// its kind of policy may hold.
func TestKindsSkipForeignStatements(t *testing.T) {
	withPrincipal := mustParse(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}`)
	noResource := mustParse(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*"}}`)
	noPrincipal := mustParse(t, `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}`)
	req := Request{Principal: pipelineRole, Action: "s3:GetObject", Resource: artifactObject}
	if got := EvaluateIdentity(withPrincipal, req); got != ImplicitDeny {
		t.Errorf("identity statement with Principal: %v, want implicitDeny", got)
	}
	if got := EvaluateIdentity(noResource, req); got != ImplicitDeny {
		t.Errorf("identity statement without Resource: %v, want implicitDeny", got)
	}
	if got := EvaluateResource(noResource, req); got != ImplicitDeny {
		t.Errorf("resource statement without Principal: %v, want implicitDeny", got)
	}
	if got := EvaluateResource(noPrincipal, req); got != ImplicitDeny {
		t.Errorf("resource Deny without Principal: %v, want implicitDeny", got)
	}
}

// TestAccess follows the IAM User Guide's "Policy evaluation logic" and
// "Cross-account policy evaluation logic", and the AWS KMS Developer Guide's
// "Key policies" (IAM policies alone never give access to a KMS key).
func TestAccess(t *testing.T) {
	allowGet := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`
	denyGet := `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}}`
	bucketFor := func(principal string) string {
		return `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"` + principal +
			`"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::artifacts/*"}}`
	}
	allowDecrypt := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}}`
	keyFor := func(principal string) string {
		return `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"` + principal +
			`"},"Action":"kms:*","Resource":"*"}}`
	}
	get := Request{Principal: pipelineSession, Action: "s3:GetObject", Resource: artifactObject}
	crossGet := Request{Principal: "arn:aws:sts::444455556666:assumed-role/deployer/1", Action: "s3:GetObject", Resource: artifactObject}
	decrypt := Request{Principal: pipelineSession, Action: "kms:Decrypt", Resource: artifactKey}
	tests := []struct {
		name               string
		identity, resource []string
		req                Request
		account            string
		want               Decision
	}{
		{"same account, identity allows", []string{allowGet}, nil, get, "111122223333", Allowed},
		{"same account, bucket names the role", nil, []string{bucketFor(pipelineRole)}, get, "111122223333", Allowed},
		{"same account, bucket names only the account", nil, []string{bucketFor("111122223333")}, get, "111122223333", ImplicitDeny},
		{"same account, deny in identity wins", []string{denyGet}, []string{bucketFor(pipelineRole)}, get, "111122223333", ExplicitDeny},
		{"cross account, bucket only", nil, []string{bucketFor(otherRole)}, crossGet, "111122223333", ImplicitDeny},
		{"cross account, identity only", []string{allowGet}, nil, crossGet, "111122223333", ImplicitDeny},
		{"cross account, both", []string{allowGet}, []string{bucketFor("444455556666")}, crossGet, "111122223333", Allowed},
		{"no account given: S3 is taken as the caller's", []string{allowGet}, nil, get, "", Allowed},
		{"key policy trusts the account", []string{allowDecrypt}, []string{keyFor("arn:aws:iam::111122223333:root")}, decrypt, "", Allowed},
		{"key policy trusts the account, no identity allow", nil, []string{keyFor("arn:aws:iam::111122223333:root")}, decrypt, "", ImplicitDeny},
		{"key policy names another role", []string{allowDecrypt}, []string{keyFor(otherRole)}, decrypt, "", ImplicitDeny},
		{"key policy names the role", nil, []string{keyFor(pipelineRole)}, decrypt, "", Allowed},
		{"key account from the key ARN", []string{allowDecrypt}, []string{keyFor("444455556666")},
			Request{Principal: "arn:aws:sts::444455556666:assumed-role/deployer/1", Action: "kms:Decrypt", Resource: artifactKey}, "", Allowed},
	}
	for _, tt := range tests {
		got := Access(mustParse(t, tt.identity...), mustParse(t, tt.resource...), tt.req, tt.account)
		if got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestMultiValuedKeys: a key is a set when it has other than one value, is
// a multivalued global key, or is named in Request.MultiValued; a plain
// operator never matches a set (IAM User Guide, "Single-valued vs.
// multivalued context keys").
func TestMultiValuedKeys(t *testing.T) {
	policy := func(op, key string) []Policy {
		return mustParse(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
			"Condition":{"`+op+`":{"`+key+`":"a"}}}}`)
	}
	tests := []struct {
		op, key string
		context map[string][]string
		multi   []string
		want    Decision
	}{
		{"StringEquals", "s3:x", map[string][]string{"s3:x": {"a"}}, nil, Allowed},
		{"StringEquals", "s3:x", map[string][]string{"s3:x": {"a"}}, []string{"S3:X"}, ImplicitDeny},
		{"ForAnyValue:StringEquals", "s3:x", map[string][]string{"s3:x": {"a"}}, []string{"s3:x"}, Allowed},
		{"StringEquals", "s3:x", map[string][]string{"s3:x": {"a", "b"}}, nil, ImplicitDeny},
		{"StringEquals", "aws:CalledVia", map[string][]string{"AWS:CALLEDVIA": {"a"}}, nil, ImplicitDeny},
		{"StringNotEquals", "s3:x", map[string][]string{"s3:x": {}}, nil, ImplicitDeny},
		{"ForAllValues:StringEquals", "s3:x", map[string][]string{"s3:x": {}}, nil, Allowed},
	}
	for _, tt := range tests {
		req := Request{Action: "s3:GetObject", Resource: artifactObject, Context: tt.context, MultiValued: tt.multi}
		if got := EvaluateIdentity(policy(tt.op, tt.key), req); got != tt.want {
			t.Errorf("%s on %v (multi %v): %v, want %v", tt.op, tt.context, tt.multi, got, tt.want)
		}
	}
}

// TestResourceMatching pins rules the reference corpus cannot reach: a
// variable in the account field, and request resources holding wildcards.
func TestResourceMatching(t *testing.T) {
	e := expander{ctx: newRequestContext(Request{Context: map[string][]string{"aws:PrincipalAccount": {"111122223333"}}}), variables: true}
	tests := []struct {
		entry, resource string
		want            resourceMatch
	}{
		{"arn:aws:iam::${aws:PrincipalAccount}:role/x", "arn:aws:iam::111122223333:role/x", match},
		{"arn:aws:iam::${aws:PrincipalAccount}:role/x", "arn:aws:iam::444455556666:role/x", noMatch},
		{"arn:aws:iam::${aws:username}:role/x", "arn:aws:iam::111122223333:role/x", unresolved},
		{"arn:aws:iam::${aws:username}:role/x", "arn:aws:iam::111122223333:role/y", noMatch},
		{"arn:aws:s3:::a/${*}", "arn:aws:s3:::a/*", match},
		{"arn:aws:s3:::a/${*}", "arn:aws:s3:::a/b", noMatch},
		{"arn:aws:s3:::a/*", "*", noMatch},
		{"*", "*", match},
		{"arn:aws:s3:::a", "arn:aws:s3:::a:b", noMatch},
		{"arn:aws:logs:*:*:log-group:*", "arn:aws:logs:us-east-1:1:log-group:a:log-stream:b", match},
	}
	for _, tt := range tests {
		if got := resourceMatches(tt.entry, tt.resource, e); got != tt.want {
			t.Errorf("resourceMatches(%q, %q) = %v, want %v", tt.entry, tt.resource, got, tt.want)
		}
	}
}

// TestHandBuiltStatement: a Statement built in code, with an operator Parse
// would refuse, never applies rather than failing open.
func TestHandBuiltStatement(t *testing.T) {
	p := Policy{Version: "2012-10-17", Statements: []Statement{{
		Effect: "Allow", Action: []string{"*"}, Resource: []string{"*"},
		Condition: map[string]map[string][]string{"StringEqualz": {"aws:username": {"a"}}},
	}}}
	req := Request{Action: "s3:GetObject", Resource: artifactObject, Context: map[string][]string{"aws:username": {"a"}}}
	if got := EvaluateIdentity([]Policy{p}, req); got != ImplicitDeny {
		t.Errorf("unknown operator: %v, want implicitDeny", got)
	}
}
