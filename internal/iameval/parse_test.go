package iameval

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// statementDoc wraps one statement's members in a versioned policy.
func statementDoc(members string) string {
	return `{"Version":"2012-10-17","Statement":[{` + members + `}]}`
}

const validMembers = `"Effect":"Allow","Action":"s3:GetObject","Resource":"*"`

func TestParseErrors(t *testing.T) {
	tests := []struct{ doc, want string }{
		{`{`, "malformed JSON"},
		{`[]`, "policy: want an object, got list"},
		{`{}`, "policy: Statement is missing"},
		{`{"Statement":[]}`, "Statement: the list is empty"},
		{`{"Statement":"x"}`, "Statement: want an object or a list of objects, got string"},
		{`{"Statement":[1]}`, "Statement[0]: want an object, got number"},
		{`{"Version":"2012-10-18","Statement":{` + validMembers + `}}`, `Version: must be "2012-10-17" or "2008-10-17", got "2012-10-18"`},
		{`{"Version":1,"Statement":{` + validMembers + `}}`, "Version: want a string, got number"},
		{`{"Id":[],"Statement":{` + validMembers + `}}`, "Id: want a string, got list"},
		{`{"Statements":{` + validMembers + `}}`, `policy: unknown element "Statements"`},
		{`{"Statement":{` + validMembers + `},"Statement":{` + validMembers + `}}`, `policy: "Statement" appears twice`},
		{statementDoc(`"Action":"s3:GetObject","Resource":"*"`), "Statement[0]: Effect is missing"},
		{statementDoc(`"Effect":"allow","Action":"s3:GetObject"`), `Statement[0].Effect: must be "Allow" or "Deny", got "allow"`},
		{statementDoc(`"Effect":true,"Action":"s3:GetObject"`), "Statement[0].Effect: want a string, got boolean"},
		{statementDoc(`"Effect":"Allow","Effect":"Deny","Action":"s3:GetObject"`), `Statement[0]: "Effect" appears twice`},
		{statementDoc(`"Sid":1,` + validMembers), "Statement[0].Sid: want a string, got number"},
		{statementDoc(`"Effect":"Allow","Resource":"*"`), "Statement[0]: needs Action or NotAction"},
		{statementDoc(validMembers + `,"NotAction":"s3:*"`), "Statement[0]: has both Action and NotAction"},
		{statementDoc(validMembers + `,"NotResource":"*"`), "Statement[0]: has both Resource and NotResource"},
		{statementDoc(validMembers + `,"Principal":"*","NotPrincipal":"*"`), "Statement[0]: has both Principal and NotPrincipal"},
		{statementDoc(validMembers + `,"Conditions":{}`), `Statement[0]: unknown element "Conditions"`},
		{statementDoc(`"Effect":"Allow","Action":3`), "Statement[0].Action: want a string or a list of strings, got number"},
		{statementDoc(`"Effect":"Allow","Action":[]`), "Statement[0].Action: the list is empty"},
		{statementDoc(`"Effect":"Allow","Action":["s3:GetObject",3]`), "Statement[0].Action[1]: want a string, got number"},
		{statementDoc(`"Effect":"Allow","Action":"s3GetObject"`), `Statement[0].Action: "s3GetObject" is not "*" or "service:action"`},
		{statementDoc(`"Effect":"Allow","NotAction":["s3:Get*","s*:Get"]`), `Statement[0].NotAction[1]: "s*:Get" is not "*" or "service:action"`},
		{statementDoc(`"Effect":"Allow","Action":"s3:Get:Object"`), `"s3:Get:Object" is not "*" or "service:action"`},
		{statementDoc(`"Effect":"Allow","Action":"s3:GetObject","Resource":"bucket/*"`), `Statement[0].Resource: "bucket/*" is not "*" or an ARN`},
		{statementDoc(`"Effect":"Allow","Action":"s3:GetObject","NotResource":["arn:aws:s3:::b",""]`), `Statement[0].NotResource[1]: "" is not "*" or an ARN`},
		{statementDoc(validMembers + `,"Principal":"me"`), `Statement[0].Principal: a string principal must be "*", got "me"`},
		{statementDoc(validMembers + `,"Principal":["*"]`), `Statement[0].Principal: want "*" or an object of principal types`},
		{statementDoc(validMembers + `,"Principal":{}`), "Statement[0].Principal: names no principal"},
		{statementDoc(validMembers + `,"NotPrincipal":{"IAM":"x"}`), `Statement[0].NotPrincipal: unknown principal type "IAM"`},
		{statementDoc(validMembers + `,"Principal":{"AWS":[]}`), "Statement[0].Principal.AWS: the list is empty"},
		{statementDoc(validMembers + `,"Condition":[]`), "Statement[0].Condition: want an object, got list"},
		{statementDoc(validMembers + `,"Condition":{"StringEqual":{"aws:username":"a"}}`), `Statement[0].Condition: unknown condition operator "StringEqual"`},
		{statementDoc(validMembers + `,"Condition":{"ForSomeValues:StringEquals":{"aws:TagKeys":"a"}}`), `unknown set operator "ForSomeValues"`},
		{statementDoc(validMembers + `,"Condition":{"NullIfExists":{"aws:username":"true"}}`), `operator "NullIfExists": Null has no IfExists form`},
		{statementDoc(validMembers + `,"Condition":{"ForAnyValue:Null":{"aws:TagKeys":"true"}}`), `operator "ForAnyValue:Null": Null takes no set operator`},
		{statementDoc(validMembers + `,"Condition":{"StringEquals":"a"}`), `Statement[0].Condition["StringEquals"]: want an object, got string`},
		{statementDoc(validMembers + `,"Condition":{"StringEquals":{}}`), `Statement[0].Condition["StringEquals"]: names no condition key`},
		{statementDoc(validMembers + `,"Condition":{"StringEquals":{"aws:username":null}}`), `Statement[0].Condition["StringEquals"]["aws:username"]: want a string, number or boolean, got null`},
		{statementDoc(validMembers + `,"Condition":{"StringEquals":{"aws:username":[]}}`), `Statement[0].Condition["StringEquals"]["aws:username"]: the list is empty`},
		{statementDoc(validMembers + `,"Condition":{"StringEquals":{"aws:username":["a",{}]}}`), `Statement[0].Condition["StringEquals"]["aws:username"][1]: want a string, number or boolean, got object`},
		{statementDoc(validMembers + `,"Condition":{"StringEquals":{"k":"a","k":"b"}}`), `Statement[0].Condition["StringEquals"]: "k" appears twice`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.doc)
		if err == nil {
			t.Errorf("Parse(%s): no error, want %q", tt.doc, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%s):\n  error %q\n  want  %q", tt.doc, err, tt.want)
		}
	}
}

// TestParseAcceptsIAMShapes covers the lenient shapes IAM accepts: single
// strings for lists, a lone statement object, no Version, no Sid, and
// numbers and booleans among condition values.
func TestParseAcceptsIAMShapes(t *testing.T) {
	p, err := Parse(`{"Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:iam::*:role/x",
		"Principal":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":[3600, 7.5]},"Bool":{"aws:SecureTransport":false}}}}`)
	if err != nil {
		t.Fatal(err)
	}
	want := Policy{Statements: []Statement{{
		Effect:      "Deny",
		NotAction:   []string{"iam:*"},
		NotResource: []string{"arn:aws:iam::*:role/x"},
		Principal:   map[string][]string{"AWS": {"*"}},
		Condition: map[string]map[string][]string{
			"NumericLessThan": {"aws:MultiFactorAuthAge": {"3600", "7.5"}},
			"Bool":            {"aws:SecureTransport": {"false"}},
		},
	}}}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("Parse:\n  got  %+v\n  want %+v", p, want)
	}

	trust, err := Parse(`{"Version":"2012-10-17","Id":"trust","Statement":[{"Sid":"Pipeline","Effect":"Allow",
		"Principal":{"Service":["codepipeline.amazonaws.com"],"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}`)
	if err != nil {
		t.Fatal(err)
	}
	s := trust.Statements[0]
	if trust.Version != "2012-10-17" || trust.ID != "trust" || s.Sid != "Pipeline" || s.Resource != nil ||
		!reflect.DeepEqual(s.Principal, map[string][]string{"Service": {"codepipeline.amazonaws.com"}, "AWS": {"111122223333"}}) {
		t.Errorf("Parse trust policy: got %+v", trust)
	}
}

func TestParseAllNamesTheBadDocument(t *testing.T) {
	good := statementDoc(validMembers)
	_, err := ParseAll([]string{good, good, `{"Statement":{}}`})
	var docErr *DocumentError
	if !errors.As(err, &docErr) || docErr.Index != 2 {
		t.Fatalf("ParseAll: error %v, want a *DocumentError for index 2", err)
	}
	if errors.Unwrap(err) != docErr.Err || !strings.Contains(err.Error(), "policy document 2: Statement: Effect is missing") {
		t.Errorf("ParseAll: error %q does not say which document and what", err)
	}
	policies, err := ParseAll([]string{good, good})
	if err != nil || len(policies) != 2 {
		t.Errorf("ParseAll(two good documents) = %d policies, %v", len(policies), err)
	}
}

func TestCheckPolicyKinds(t *testing.T) {
	identity, _ := Parse(statementDoc(validMembers))
	resource, _ := Parse(statementDoc(validMembers + `,"Principal":"*"`))
	noResource, _ := Parse(statementDoc(`"Effect":"Allow","Action":"s3:GetObject"`))
	if err := CheckIdentity(identity); err != nil {
		t.Errorf("CheckIdentity(identity policy): %v", err)
	}
	if err := CheckIdentity(resource); err == nil || !strings.Contains(err.Error(), "Statement[0]: an identity policy has no Principal") {
		t.Errorf("CheckIdentity(resource policy): %v", err)
	}
	if err := CheckIdentity(noResource); err == nil || !strings.Contains(err.Error(), "Statement[0]: needs Resource or NotResource") {
		t.Errorf("CheckIdentity(no Resource): %v", err)
	}
	if err := CheckResource(resource); err != nil {
		t.Errorf("CheckResource(resource policy): %v", err)
	}
	if err := CheckResource(identity); err == nil || !strings.Contains(err.Error(), "Statement[0]: needs Principal or NotPrincipal") {
		t.Errorf("CheckResource(identity policy): %v", err)
	}
}
