package audit

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// pipeline is a request for one action type, scoped to a region, account and
// artifact bucket; project, when set, names the CodeBuild project.
func pipeline(provider string, config map[string]string) policy.Request {
	req := policy.Request{Region: "eu-west-1", AccountID: "111122223333", ArtifactStores: []policy.ArtifactStore{{Location: "artifacts"}}}
	if config == nil {
		req.ActionProviders = []string{provider}
		return req
	}
	category, name, _ := strings.Cut(provider, "/")
	req.PipelineActions = []policy.PipelineAction{{Name: "Step", Category: category, Provider: name, Configuration: config}}
	return req
}

// anyS3 covers the artifact store, so tests can look at one action type.
const anyS3 = `{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}`

// doc wraps statements in a policy document.
func doc(statements ...string) string {
	return `{"Version": "2012-10-17", "Statement": [` + strings.Join(statements, ",") + `]}`
}

func allow(actions, resources string) string {
	return fmt.Sprintf(`{"Effect": "Allow", "Action": %s, "Resource": %s}`, actions, resources)
}

// missingGrants lists what an audit reports missing, as "action resource".
func missingGrants(r Result) []string {
	var out []string
	for _, m := range r.Missing {
		out = append(out, m.Action+" "+m.Resource)
	}
	return out
}

func TestValidate(t *testing.T) {
	valid := doc(anyS3)
	cases := map[string]struct {
		documents []string
		unknown   []policy.Path
		path      policy.Path
		detail    string
	}{
		"empty":      {[]string{valid, ""}, nil, policy.Path{FieldDocuments, 1}, "Documents[1] is empty"},
		"not JSON":   {[]string{"{", valid}, nil, policy.Path{FieldDocuments, 0}, "Documents[0] is not a valid IAM policy document: malformed JSON"},
		"no Effect":  {[]string{valid, valid, `{"Statement": [{"Action": "s3:GetObject", "Resource": "*"}]}`}, nil, policy.Path{FieldDocuments, 2}, "Statement[0]: Effect is missing"},
		"bad action": {[]string{doc(allow(`"s3 GetObject"`, `"*"`))}, nil, policy.Path{FieldDocuments, 0}, `"s3 GetObject" is not "*" or "service:action"`},
		"trust policy": {[]string{`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}]}`},
			nil, policy.Path{FieldDocuments, 0}, "is not an identity policy"},
		"unknown element skipped": {[]string{"{", valid}, []policy.Path{{FieldDocuments, 0}}, nil, ""},
		"unknown list skipped":    {[]string{""}, []policy.Path{{FieldDocuments}}, nil, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			req := pipeline("CodeBuild", nil)
			req.Unknown = tc.unknown
			problems := Validate(Request{Pipeline: req, Documents: tc.documents})
			if tc.path == nil {
				if len(problems) > 0 {
					t.Fatalf("unexpected problems: %+v", problems)
				}
				return
			}
			if len(problems) != 1 || !reflect.DeepEqual(problems[0].Path, tc.path) || problems[0].Warning ||
				problems[0].Code != CodeInvalidDocument || !strings.Contains(problems[0].Detail.String(), tc.detail) ||
				!strings.Contains(problems[0].Detail.String(), ".policy") {
				t.Fatalf("want one error at %v saying %q and what to give, got %+v", tc.path, tc.detail, problems)
			}
		})
	}
}

func TestValidateReportsPipelineErrors(t *testing.T) {
	req := policy.Request{ActionProviders: []string{"codebuild"}}
	problems := Validate(Request{Pipeline: req, Documents: []string{"{"}})
	if len(problems) != 2 || problems[0].Code != policy.CodeProviderCase || problems[1].Code != CodeInvalidDocument {
		t.Fatalf("want the pipeline's error and the document's, got %+v", problems)
	}
	if r := Audit(Request{Pipeline: req, Documents: []string{doc(anyS3)}}); !policy.HasError(r.Problems) || r.Complete || r.MissingPolicy != nil {
		t.Fatalf("an audit of an invalid pipeline must fail without results, got %+v", r)
	}
}

func TestCompleteRole(t *testing.T) {
	req := pipeline("Build/CodeBuild", map[string]string{"ProjectName": "app"})
	built := policy.Build(req)
	for name, documents := range map[string][]string{
		"the built policy":           {built.Rendered.JSON},
		"minified, split in two":     {doc(anyS3), doc(allow(`["codebuild:BatchGetBuilds", "codebuild:StartBuild"]`, `"arn:aws:codebuild:eu-west-1:111122223333:project/app"`))},
		"actions in another case":    {doc(anyS3, allow(`["CodeBuild:batchgetbuilds", "codebuild:STARTBUILD"]`, `"arn:aws:codebuild:EU-WEST-1:111122223333:project/app"`))},
		"a wildcard of theirs":       {doc(anyS3, allow(`"codebuild:*Build*"`, `"arn:aws:codebuild:*:*:project/*"`))},
		"a variable for the account": {doc(anyS3, allow(`"codebuild:*"`, `"arn:aws:codebuild:eu-west-1:${aws:PrincipalAccount}:project/app"`))},
	} {
		t.Run(name, func(t *testing.T) {
			r := Audit(Request{Pipeline: req, Documents: documents})
			if !r.Complete || r.Missing != nil || r.MissingPolicy != nil || len(r.Problems) > 0 {
				t.Fatalf("want complete, got %+v", r)
			}
		})
	}
}

func TestIncompleteWarnsOrFails(t *testing.T) {
	req := pipeline("Source/CodeStarSourceConnection", nil)
	req.ActionProviders = append(req.ActionProviders, "StepFunctions")
	documents := []string{doc(anyS3)}
	r := Audit(Request{Pipeline: req, Documents: documents})
	// Both connection actions on both ARN forms, and three Step Functions grants.
	if r.Complete || len(r.Missing) != 7 || len(r.Problems) != 2 { // and the builder's scope warning
		t.Fatalf("want 7 missing grants and a warning, got %+v", r)
	}
	warning := r.Problems[1]
	want := regexp.MustCompile(`^The role's Documents do not allow 7 calls this pipeline makes:\n` +
		`  - codeconnections:UseConnection on arn:aws:codeconnections:eu-west-1:111122223333:connection/\*: needed by Source/CodeStarSourceConnection\n` +
		`(  - .*\n){4}  - and 2 more \(see Missing\)\n` +
		`Attach MissingPolicy to the role`)
	if !warning.Warning || !reflect.DeepEqual(warning.Path, policy.Path{FieldDocuments}) ||
		warning.Code != CodeIncomplete || !want.MatchString(warning.Detail.String()) {
		t.Fatalf("unexpected warning: %+v", warning)
	}

	r = Audit(Request{Pipeline: req, Documents: documents, FailWhenIncomplete: true})
	fail := r.Problems[len(r.Problems)-1]
	if fail.Warning || !strings.HasSuffix(fail.Detail.String(), "This is an error because FailWhenIncomplete is true.") {
		t.Fatalf("want an error, got %+v", fail)
	}

	req.ActionProviders = append(req.ActionProviders, "Deploy/ECS")
	r = Audit(Request{Pipeline: req, Documents: documents})
	if n := len(r.Missing); n <= shownMissing || !strings.Contains(r.Problems[len(r.Problems)-1].Detail.String(), fmt.Sprintf("and %d more (see Missing)", n-shownMissing)) {
		t.Fatalf("want the first %d of %d listed, got %q", shownMissing, n, r.Problems[len(r.Problems)-1].Detail)
	}
}

// TestWildcardStandIns checks how a wildcard of the built policy is judged:
// only a wildcard of theirs in the same place covers it.
func TestWildcardStandIns(t *testing.T) {
	req := pipeline("Build/CodeBuild", nil) // project/* : the pipeline names no project
	for resource, complete := range map[string]bool{
		`"arn:aws:codebuild:eu-west-1:111122223333:project/*"`:  true,
		`"arn:aws:codebuild:*:111122223333:*"`:                  true,
		`"arn:aws:codebuild:eu-west-1:111122223333:project/?*"`: true,
		`"*"`: true,
		`"arn:aws:codebuild:eu-west-1:111122223333:project/app-*"`:                                                      false,
		`"arn:aws:codebuild:eu-west-1:111122223333:project/*-build"`:                                                    false,
		`"arn:aws:codebuild:eu-west-1:111122223333:project/?"`:                                                          false,
		`["arn:aws:codebuild:eu-west-1:111122223333:project/?", "arn:aws:codebuild:eu-west-1:111122223333:project/??"]`: false,
		`"arn:aws:codebuild:eu-west-1:111122223333:project/app"`:                                                        false,
		`"arn:aws:codebuild:eu-west-2:111122223333:project/*"`:                                                          false,
	} {
		r := Audit(Request{Pipeline: req, Documents: []string{doc(anyS3, allow(`"codebuild:*"`, resource))}})
		if r.Complete != complete {
			t.Errorf("codebuild:* on %s: complete %v, want %v (missing %v)", resource, r.Complete, complete, missingGrants(r))
		}
	}
}

func TestConditions(t *testing.T) {
	ecs := pipeline("Deploy/ECS", nil)
	ecsActions := allow(`"ecs:*"`, `"*"`)
	passRole := func(condition string) string {
		return fmt.Sprintf(`{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"%s}`, condition)
	}
	withPassRole := func(condition string) []string {
		return []string{doc(anyS3, ecsActions, passRole(`, "Condition": `+condition))}
	}
	passRoleMissing := []string{"iam:PassRole arn:aws:iam::111122223333:role/*"}
	for name, tc := range map[string]struct {
		req       policy.Request
		documents []string
		missing   []string
		reason    string
	}{
		"one of two services": {ecs, []string{doc(anyS3, ecsActions, passRole(`, "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}`))},
			[]string{"iam:PassRole arn:aws:iam::111122223333:role/*"}, `needed by Deploy/ECS; not allowed for iam:PassedToService "ecs.amazonaws.com"`},
		"both services, IfExists":                       {ecs, []string{doc(anyS3, ecsActions, passRole(`, "Condition": {"StringEqualsIfExists": {"iam:PassedToService": ["ecs.amazonaws.com", "ecs-tasks.amazonaws.com"]}}`))}, nil, ""},
		"no condition":                                  {ecs, []string{doc(anyS3, ecsActions, passRole(""))}, nil, ""},
		"a key the request lacks":                       {ecs, withPassRole(`{"StringEquals": {"aws:SourceVpc": "vpc-1234"}}`), passRoleMissing, "needed by Deploy/ECS"},
		"a negated operator on a key the request lacks": {ecs, withPassRole(`{"StringNotEquals": {"aws:SourceVpc": "vpc-1234"}}`), nil, ""},
		"the pipeline's region":                         {ecs, withPassRole(`{"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}`), nil, ""},
		"another region":                                {ecs, withPassRole(`{"StringEquals": {"aws:RequestedRegion": "us-east-1"}}`), passRoleMissing, "needed by Deploy/ECS"},
		"only over TLS":                                 {ecs, withPassRole(`{"Bool": {"aws:SecureTransport": "true"}}`), nil, ""},
		"only as an assumed role":                       {ecs, withPassRole(`{"StringEquals": {"aws:PrincipalType": "AssumedRole"}}`), nil, ""},
		"only as a user":                                {ecs, withPassRole(`{"StringEquals": {"aws:PrincipalType": "User"}}`), passRoleMissing, "needed by Deploy/ECS"},
		"until a date to come":                          {ecs, withPassRole(`{"DateLessThan": {"aws:CurrentTime": "2031-01-01T00:00:00Z"}}`), nil, ""},
		"until a date gone by":                          {ecs, withPassRole(`{"NumericLessThan": {"aws:EpochTime": "1700000000"}}`), passRoleMissing, "needed by Deploy/ECS"},
		"tagging only while registering":                {ecs, []string{doc(anyS3, allow(`"ecs:*"`, `"*"`), passRole(""))}, nil, ""},
		"the bucket's account": {pipeline("Invoke/Lambda", nil), []string{doc(allow(`"lambda:*"`, `"*"`),
			`{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceAccount": "111122223333"}}}`)}, nil, ""},
		"another bucket account": {pipeline("Invoke/Lambda", nil), []string{doc(allow(`"lambda:*"`, `"*"`),
			`{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceAccount": "444455556666"}}}`)},
			[]string{"s3:GetBucketAcl arn:aws:s3:::artifacts", "s3:GetBucketLocation arn:aws:s3:::artifacts", "s3:GetBucketVersioning arn:aws:s3:::artifacts",
				"s3:GetObject arn:aws:s3:::artifacts/*", "s3:GetObjectTagging arn:aws:s3:::artifacts/*", "s3:GetObjectVersion arn:aws:s3:::artifacts/*",
				"s3:GetObjectVersionTagging arn:aws:s3:::artifacts/*", "s3:PutObject arn:aws:s3:::artifacts/*", "s3:PutObjectAcl arn:aws:s3:::artifacts/*",
				"s3:PutObjectTagging arn:aws:s3:::artifacts/*"}, "needed by the artifact stores"},
	} {
		t.Run(name, func(t *testing.T) {
			r := Audit(Request{Pipeline: tc.req, Documents: tc.documents, Now: testNow})
			if got := missingGrants(r); !reflect.DeepEqual(got, tc.missing) {
				t.Fatalf("missing %q, want %q", got, tc.missing)
			}
			for _, m := range r.Missing {
				if m.Reason().String() != tc.reason {
					t.Errorf("reason %q, want %q", m.Reason(), tc.reason)
				}
			}
		})
	}
}

// TestRequestedRegion audits a pipeline in eu-west-1 with an action in
// us-east-1 against a role that allows calls in eu-west-1 only: exactly the
// grants of that action and of its region's artifact store are missing.
func TestRequestedRegion(t *testing.T) {
	req := pipeline("Invoke/Lambda", map[string]string{"FunctionName": "notify"})
	req.PipelineActions[0].Region = "us-east-1"
	req.ArtifactStores = []policy.ArtifactStore{{Location: "artifacts", Region: "eu-west-1"}, {Location: "artifacts-us", Region: "us-east-1"}}
	documents := []string{doc(`{"Effect": "Allow", "Action": ["s3:*", "lambda:*"], "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}`)}
	r := Audit(Request{Pipeline: req, Documents: documents})
	if len(r.Missing) == 0 {
		t.Fatal("want the action's grants missing")
	}
	for _, m := range r.Missing {
		if !strings.Contains(m.Resource, "us-east-1") && !strings.Contains(m.Resource, "artifacts-us") && m.Resource != "*" {
			t.Errorf("%s on %s is in eu-west-1, but reported missing: %s", m.Action, m.Resource, m.Reason())
		}
	}
	got := missingGrants(r)
	if slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, ":::artifacts/") }) {
		t.Errorf("the eu-west-1 artifact store is reported missing: %q", got)
	}
	for _, want := range []string{"lambda:ListFunctions *", "s3:PutObject arn:aws:s3:::artifacts-us/*"} {
		if !slices.Contains(got, want) {
			t.Errorf("%s is called in us-east-1, but not reported missing: %q", want, got)
		}
	}
}

// testNow is the time the tests audit at.
var testNow = time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC)

// TestTagCondition audits EC2 deploys, whose SendCommand grant is limited
// by a StringLike on the instance tag the action targets.
func TestTagCondition(t *testing.T) {
	tagged := func(value string) policy.Request {
		config := map[string]string{"InstanceTagKey": "Env", "InstanceType": "EC2", "PostScript": "deploy.sh"}
		if value != "" {
			config["InstanceTagValue"] = value
		}
		return pipeline("Deploy/EC2", config)
	}
	base := []string{anyS3, allow(`["ec2:*", "logs:*", "elasticloadbalancing:*", "ssm:CancelCommand", "ssm:DescribeInstanceInformation", "ssm:GetCommandInvocation", "ssm:ListCommandInvocations"]`, `"*"`),
		allow(`"ssm:SendCommand"`, `"arn:aws:ssm:eu-west-1::document/*"`)}
	instances := `"Resource": "arn:aws:ec2:eu-west-1:111122223333:instance/*"`
	for name, tc := range map[string]struct {
		req       policy.Request
		statement string
		complete  bool
	}{
		"the same tag":            {tagged("prod"), `{"Effect": "Allow", "Action": "ssm:SendCommand", ` + instances + `, "Condition": {"StringEquals": {"aws:ResourceTag/Env": "prod"}}}`, true},
		"another tag value":       {tagged("prod"), `{"Effect": "Allow", "Action": "ssm:SendCommand", ` + instances + `, "Condition": {"StringEquals": {"aws:ResourceTag/Env": "test"}}}`, false},
		"any value of the key":    {tagged(""), `{"Effect": "Allow", "Action": "ssm:SendCommand", ` + instances + `, "Condition": {"StringLike": {"aws:ResourceTag/Env": "*"}}}`, true},
		"one value for any value": {tagged(""), `{"Effect": "Allow", "Action": "ssm:SendCommand", ` + instances + `, "Condition": {"StringLike": {"aws:ResourceTag/Env": "prod*"}}}`, false},
		"no condition":            {tagged(""), `{"Effect": "Allow", "Action": "ssm:SendCommand", ` + instances + `}`, true},
	} {
		t.Run(name, func(t *testing.T) {
			r := Audit(Request{Pipeline: tc.req, Documents: []string{doc(append(base, tc.statement)...)}})
			if r.Complete != tc.complete {
				t.Fatalf("complete %v, want %v: missing %q", r.Complete, tc.complete, missingGrants(r))
			}
			for _, m := range r.Missing {
				if m.Sid != "EC2DeployTaggedInstances" {
					t.Errorf("unexpected missing %+v", m)
				}
			}
		})
	}
}

func TestPrincipal(t *testing.T) {
	onlyOwnAccount := doc(
		`{"Effect": "Allow", "Action": ["s3:*", "lambda:*"], "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}}`)
	for name, tc := range map[string]struct {
		account, role string
		complete      bool
	}{
		"the pipeline's account":        {"111122223333", "", true},
		"the service role's account":    {"", "arn:aws:iam::111122223333:role/pipeline", true},
		"a service role elsewhere":      {"111122223333", "arn:aws:iam::444455556666:role/pipeline", false},
		"no account: nothing is proven": {"", "", false},
	} {
		t.Run(name, func(t *testing.T) {
			req := policy.Request{ActionProviders: []string{"Invoke/Lambda"}, AccountID: tc.account, ServiceRoleARN: tc.role}
			if r := Audit(Request{Pipeline: req, Documents: []string{onlyOwnAccount}}); r.Complete != tc.complete {
				t.Fatalf("complete %v, want %v: %q", r.Complete, tc.complete, missingGrants(r))
			}
		})
	}
}

func TestDenyStatements(t *testing.T) {
	req := pipeline("Build/CodeBuild", nil)
	grant := allow(`"codebuild:*"`, `"arn:aws:codebuild:eu-west-1:111122223333:project/*"`)
	denyProd := `{"Effect": "Deny", "Action": "codebuild:Start*", "Resource": "arn:aws:codebuild:eu-west-1:111122223333:project/prod-*"}`
	partly := "partly denied by Documents[0] Statement[2], which names some of the resources arn:aws:codebuild:eu-west-1:111122223333:project/* stands for"
	for name, tc := range map[string]struct {
		documents []string
		missing   []string
		reason    string
		deniedBy  *StatementRef
	}{
		"denied outright": {[]string{doc(anyS3, grant), `{"Version": "2012-10-17", "Statement": {"Sid": "NoBuilds", "Effect": "Deny", "Action": "codebuild:StartBuild", "Resource": "*"}}`},
			[]string{"codebuild:StartBuild arn:aws:codebuild:eu-west-1:111122223333:project/*"}, `needed by Build/CodeBuild; denied by Documents[1] Statement[0] ("NoBuilds")`,
			&StatementRef{1, 0, "NoBuilds"}},
		"denied for some projects": {[]string{doc(anyS3, grant, denyProd)},
			[]string{"codebuild:StartBuildBatch arn:aws:codebuild:eu-west-1:111122223333:project/*", "codebuild:StartBuild arn:aws:codebuild:eu-west-1:111122223333:project/*"},
			"needed by Build/CodeBuild; " + partly, &StatementRef{0, 2, ""}},
		"denied for some projects, allowed for none": {[]string{doc(anyS3, allow(`"codebuild:BatchGet*"`, `"*"`), denyProd)},
			[]string{"codebuild:StartBuildBatch arn:aws:codebuild:eu-west-1:111122223333:project/*", "codebuild:StartBuild arn:aws:codebuild:eu-west-1:111122223333:project/*"},
			"needed by Build/CodeBuild; " + partly, &StatementRef{0, 2, ""}},
		"a deny that does not apply": {[]string{doc(anyS3, grant, `{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}`,
			`{"Effect": "Deny", "Action": "codebuild:DeleteProject", "Resource": "*"}`, `{"Effect": "Deny", "Action": "codebuild:StartBuild", "Resource": "arn:aws:codebuild:eu-west-2:*:*"}`)}, nil, "", nil},
		"allowed outside some projects": {[]string{doc(anyS3, `{"Effect": "Allow", "Action": "codebuild:*", "NotResource": "arn:aws:codebuild:eu-west-1:111122223333:project/prod-*"}`)},
			[]string{"codebuild:BatchGetBuildBatches arn:aws:codebuild:eu-west-1:111122223333:project/*", "codebuild:StartBuildBatch arn:aws:codebuild:eu-west-1:111122223333:project/*",
				"codebuild:BatchGetBuilds arn:aws:codebuild:eu-west-1:111122223333:project/*", "codebuild:StartBuild arn:aws:codebuild:eu-west-1:111122223333:project/*"},
			"needed by Build/CodeBuild; Documents[0] Statement[1] allows it only outside its NotResource, which names some of the resources arn:aws:codebuild:eu-west-1:111122223333:project/* stands for", nil},
		"NotResource and a whole grant": {[]string{doc(anyS3, grant, `{"Effect": "Allow", "Action": "codebuild:*", "NotResource": "arn:aws:codebuild:eu-west-1:111122223333:project/prod-*"}`)}, nil, "", nil},
		"NotResource elsewhere":         {[]string{doc(anyS3, `{"Effect": "Allow", "Action": "codebuild:*", "NotResource": "arn:aws:codebuild:eu-west-2:111122223333:project/*"}`)}, nil, "", nil},
	} {
		t.Run(name, func(t *testing.T) {
			r := Audit(Request{Pipeline: req, Documents: tc.documents})
			if got := missingGrants(r); !reflect.DeepEqual(got, tc.missing) {
				t.Fatalf("missing %q, want %q", got, tc.missing)
			}
			for _, m := range r.Missing {
				if m.Reason().String() != tc.reason || !reflect.DeepEqual(m.DeniedBy, tc.deniedBy) {
					t.Errorf("reason %q denied by %v, want %q by %v", m.Reason(), m.DeniedBy, tc.reason, tc.deniedBy)
				}
			}
			if tc.deniedBy != nil {
				checkNamesDeny(t, r, "Documents[0] Statement[2]", "Documents[1] Statement[0] (\"NoBuilds\")")
			}
		})
	}
}

// checkNamesDeny checks that the warning names one of the Deny statements
// and says that attaching MissingPolicy alone does not complete the role.
func checkNamesDeny(t *testing.T, r Result, denies ...string) {
	t.Helper()
	detail := r.Problems[len(r.Problems)-1].Detail.String()
	named := slices.ContainsFunc(denies, func(d string) bool { return strings.Contains(detail, "Narrow "+d) })
	if !named || !strings.Contains(detail, "attaching MissingPolicy alone does not complete the role") || strings.Contains(detail, "\nAttach ") {
		t.Errorf("the warning does not name the Deny to narrow, or promises that MissingPolicy completes the role: %q", detail)
	}
}

// TestDenyOnPartOfAMissingGrant is the case of a role that lacks a grant and
// denies part of it: attaching missing_policy_json leaves the call denied,
// so the audit names the Deny, before and after.
func TestDenyOnPartOfAMissingGrant(t *testing.T) {
	req := pipeline("Invoke/StepFunctions", map[string]string{"StateMachineArn": "arn:aws:states:eu-west-1:111122223333:stateMachine:sm"})
	documents := []string{doc(anyS3, allow(`["states:StartExecution", "states:DescribeStateMachine"]`, `"*"`),
		`{"Sid": "DenyProd", "Effect": "Deny", "Action": "states:*", "Resource": "arn:aws:states:eu-west-1:111122223333:execution:sm:prod-run"}`)}
	want := &StatementRef{0, 2, "DenyProd"}
	for round := 0; round < 2; round++ {
		r := Audit(Request{Pipeline: req, Documents: documents})
		if len(r.Missing) != 1 || r.Missing[0].Action != "states:DescribeExecution" || !reflect.DeepEqual(r.Missing[0].DeniedBy, want) {
			t.Fatalf("round %d: want states:DescribeExecution missing and denied by %v, got %+v", round, want, r.Missing)
		}
		checkNamesDeny(t, r, `Documents[0] Statement[2] ("DenyProd")`)
		documents = append(documents, r.MissingPolicy.JSON())
	}
}

func TestMissingPolicyKeepsSidsAndConditions(t *testing.T) {
	req := pipeline("Deploy/ECS", nil)
	req.ActionProviders = append(req.ActionProviders, "Invoke/Lambda")
	r := Audit(Request{Pipeline: req, Documents: []string{doc(anyS3, allow(`["ecs:DescribeServices", "lambda:ListFunctions"]`, `"*"`))}})
	built := policy.Build(req).Document
	var sids []string
	for _, s := range r.MissingPolicy.Statement {
		sids = append(sids, s.Sid)
		var same policy.Statement
		for _, b := range built.Statement {
			if b.Sid == s.Sid {
				same = b
			}
		}
		if !reflect.DeepEqual(same.Condition, s.Condition) {
			t.Errorf("%s: condition %v, the built policy's %v", s.Sid, s.Condition, same.Condition)
		}
	}
	want := []string{"ECSDescribeTasks", "ECSListTasks", "ECSServices", "ECSTagTaskDefinitions", "LambdaInvokeFunction", "PassRoleToECS", "UnscopedActions"}
	if !reflect.DeepEqual(sids, want) {
		t.Fatalf("Sids %q, want %q", sids, want)
	}
	for _, m := range r.Missing {
		if m.Sid == "ECSServices" && m.Action == "ecs:DescribeServices" {
			t.Errorf("ecs:DescribeServices is granted on \"*\" and must not be missing: %+v", m)
		}
	}
}
