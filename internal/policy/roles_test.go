package policy

import (
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
)

// crossAccountRequest is a pipeline in 111122223333 whose deploy runs with a
// role of 777788889999, with an encrypted artifact store per region and an
// S3 source that starts it through EventBridge.
func crossAccountRequest() Request {
	req := realisticPipelines["s3_lambda_crossaccount_cloudformation"]
	req.ServiceRoleARN = "arn:aws:iam::111122223333:role/data-jobs-pipeline"
	return req
}

const (
	serviceRole   = "arn:aws:iam::111122223333:role/data-jobs-pipeline"
	deployRole    = "arn:aws:iam::777788889999:role/pipeline-deploy-action"
	strangerRole  = "arn:aws:iam::999988887777:role/intruder"
	neighbourRole = "arn:aws:iam::111122223333:role/other-team"
	artifactKey   = "arn:aws:kms:us-east-1:111122223333:key/1111aaaa-12ab-34cd-56ef-1234567890ab"
	artifactObj   = "arn:aws:s3:::data-jobs-artifacts-us-east-1/data-jobs/SourceArti/abc123"
)

func evaluable(t *testing.T, docs ...Document) []iameval.Policy {
	t.Helper()
	var out []iameval.Policy
	for _, d := range docs {
		p, err := iameval.Parse(d.JSON())
		if err != nil {
			t.Fatalf("%v:\n%s", err, d.JSON())
		}
		out = append(out, p)
	}
	return out
}

// allowAll is the identity policy of a principal that may do anything
// itself: only the resource policy can stop it.
var allowAll = Document{Version: Version, Statement: []Statement{{Sid: "All", Effect: "Allow", Action: []string{"*"}, Resource: []string{"*"}}}}

func TestRolesEvaluatedTogether(t *testing.T) {
	result := Build(crossAccountRequest())
	if HasError(result.Problems) {
		t.Fatalf("unexpected problems: %+v", result.Problems)
	}
	roles := result.Roles
	deployPolicy := result.RolePolicies[deployRole]
	bucket := roles.BucketPolicies["data-jobs-artifacts-us-east-1"]
	s3Context := map[string][]string{"aws:ResourceAccount": {"111122223333"}}
	cases := []struct {
		name               string
		identity, resource []iameval.Policy
		principal          string
		action, resource0  string
		context            map[string][]string
		owner              string
		want               iameval.Decision
	}{
		{"CodePipeline assumes the service role", nil, evaluable(t, roles.Trust), "codepipeline.amazonaws.com",
			"sts:AssumeRole", serviceRole, nil, "111122223333", iameval.Allowed},
		{"no other service assumes it", nil, evaluable(t, roles.Trust), "ec2.amazonaws.com",
			"sts:AssumeRole", serviceRole, nil, "111122223333", iameval.ImplicitDeny},
		{"the service role assumes the action role", evaluable(t, result.Document), evaluable(t, roles.ActionRoleTrust[deployRole]),
			serviceRole, "sts:AssumeRole", deployRole, nil, "777788889999", iameval.Allowed},
		{"another role of the pipeline account does not", evaluable(t, allowAll), evaluable(t, roles.ActionRoleTrust[deployRole]),
			neighbourRole, "sts:AssumeRole", deployRole, nil, "777788889999", iameval.ImplicitDeny},
		{"a role of a third account does not", evaluable(t, allowAll), evaluable(t, roles.ActionRoleTrust[deployRole]),
			strangerRole, "sts:AssumeRole", deployRole, nil, "777788889999", iameval.ImplicitDeny},
		{"the service role assumes nothing else", evaluable(t, result.Document), nil,
			serviceRole, "sts:AssumeRole", neighbourRole, nil, "111122223333", iameval.ImplicitDeny},
		{"the action role reads an artifact", evaluable(t, deployPolicy), evaluable(t, bucket),
			deployRole, "s3:GetObject", artifactObj, s3Context, "111122223333", iameval.Allowed},
		{"the action role writes an artifact", evaluable(t, deployPolicy), evaluable(t, bucket),
			deployRole, "s3:PutObject", artifactObj, s3Context, "111122223333", iameval.Allowed},
		{"not without the bucket policy", evaluable(t, deployPolicy), nil,
			deployRole, "s3:GetObject", artifactObj, s3Context, "111122223333", iameval.ImplicitDeny},
		{"a third account reads no artifact", evaluable(t, allowAll), evaluable(t, bucket),
			strangerRole, "s3:GetObject", artifactObj, s3Context, "111122223333", iameval.ImplicitDeny},
		{"the action role decrypts with the artifact key", evaluable(t, deployPolicy), evaluable(t, *roles.KeyPolicy),
			deployRole, "kms:Decrypt", artifactKey, nil, "111122223333", iameval.Allowed},
		{"a third account does not", evaluable(t, allowAll), evaluable(t, *roles.KeyPolicy),
			strangerRole, "kms:Decrypt", artifactKey, nil, "111122223333", iameval.ImplicitDeny},
		{"the service role encrypts with the artifact key", evaluable(t, result.Document), evaluable(t, *roles.KeyPolicy),
			serviceRole, "kms:GenerateDataKey", artifactKey, nil, "111122223333", iameval.Allowed},
		{"EventBridge assumes the event role", nil, evaluable(t, *roles.EventRoleTrust), "events.amazonaws.com",
			"sts:AssumeRole", "arn:aws:iam::111122223333:role/data-jobs-events", nil, "111122223333", iameval.Allowed},
		{"the event role starts this pipeline", evaluable(t, *roles.EventRole), nil, "arn:aws:iam::111122223333:role/data-jobs-events",
			"codepipeline:StartPipelineExecution", "arn:aws:codepipeline:us-east-1:111122223333:data-jobs", nil, "111122223333", iameval.Allowed},
		{"and no other", evaluable(t, *roles.EventRole), nil, "arn:aws:iam::111122223333:role/data-jobs-events",
			"codepipeline:StartPipelineExecution", "arn:aws:codepipeline:us-east-1:111122223333:data-jobs-2", nil, "111122223333", iameval.ImplicitDeny},
	}
	for _, tc := range cases {
		req := iameval.Request{Principal: tc.principal, Action: tc.action, Resource: tc.resource0, Context: tc.context}
		if got := iameval.Access(tc.identity, tc.resource, req, tc.owner); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	assertGolden(t, "roles_crossaccount_trust.json", roles.Trust.JSON())
	assertGolden(t, "roles_crossaccount_action_role_trust.json", roles.ActionRoleTrust[deployRole].JSON())
	assertGolden(t, "roles_crossaccount_bucket_policy.json", bucket.JSON())
	assertGolden(t, "roles_crossaccount_key_policy.json", roles.KeyPolicy.JSON())
	assertGolden(t, "roles_crossaccount_event_role.json", roles.EventRole.JSON())
}

func TestRolesOnlyWhereNeeded(t *testing.T) {
	req := realisticPipelines["codecommit_batch_build_changeset"]
	req.PipelineActions[1].RoleARN = "arn:aws:iam::444455556666:role/build-action" // the pipeline's own account
	roles := Build(req).Roles
	if len(roles.BucketPolicies) != 0 || roles.KeyPolicy != nil || roles.EventRole != nil || roles.EventRoleTrust != nil {
		t.Errorf("a same-account action role, no key and a polling source need no bucket, key or event documents: %+v", roles)
	}
	if len(roles.ActionRoleTrust) != 0 {
		t.Error("without service_role_arn no action role trust policy can name the service role")
	}
	if roles.Trust.JSON() == "" || !strings.Contains(roles.Trust.JSON(), `"codepipeline.amazonaws.com"`) {
		t.Errorf("the service role's trust policy is always there: %s", roles.Trust.JSON())
	}
}

func TestTrustSourceConditions(t *testing.T) {
	req := crossAccountRequest()
	req.TrustSourceConditions = true
	trust := evaluable(t, Build(req).Roles.Trust)
	assume := func(context map[string][]string) iameval.Decision {
		return iameval.Access(nil, trust, iameval.Request{Principal: "codepipeline.amazonaws.com", Action: "sts:AssumeRole",
			Resource: serviceRole, Context: context}, "111122223333")
	}
	own := map[string][]string{"aws:SourceAccount": {"111122223333"}, "aws:SourceArn": {"arn:aws:codepipeline:us-east-1:111122223333:data-jobs"}}
	other := map[string][]string{"aws:SourceAccount": {"111122223333"}, "aws:SourceArn": {"arn:aws:codepipeline:us-east-1:111122223333:other"}}
	if assume(own) != iameval.Allowed || assume(other) != iameval.ImplicitDeny {
		t.Error("the conditions must admit this pipeline and refuse another")
	}
	if assume(nil) != iameval.ImplicitDeny {
		t.Error("without the keys the conditions fail, as the attribute's description warns")
	}
}

// TestUnscopedExactlyWhenWider: the realistic pipelines scope everything they
// can, so they list nothing and draw no scope warning; leaving out an input
// lists each statement it widens, with that input, and warns once.
func TestUnscopedExactlyWhenWider(t *testing.T) {
	scopeWarnings := func(problems []Problem) int {
		n := 0
		for _, p := range problems {
			if p.Code == CodeUnscoped {
				n++
			}
		}
		return n
	}
	for name, req := range realisticPipelines {
		result := Build(req)
		if len(result.Unscoped) != 0 || scopeWarnings(result.Problems) != 0 {
			t.Errorf("%s is fully scoped, yet lists %+v", name, result.Unscoped)
		}
	}
	req := realisticPipelines["connection_codebuild_ecs_bluegreen"]
	req.PassRoleARNs, req.AccountID = nil, ""
	req.PipelineActions = append(slices.Clone(req.PipelineActions), PipelineAction{Name: "Later", Category: "Build",
		Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "#{variables.project}"}})
	result := Build(req)
	if scopeWarnings(result.Problems) != 1 {
		t.Errorf("want one scope warning, got %+v", result.Problems)
	}
	reasons := map[string]bool{}
	for _, u := range result.Unscoped {
		reasons[u.Reason.String()] = true
		if u.Policy.String() != "Document" || u.Sid == "" || len(u.Actions) == 0 || len(u.Resources) == 0 {
			t.Errorf("incomplete entry %+v", u)
		}
	}
	for _, want := range []string{"AccountID is not set", "PassRoleARNs is not set",
		`PipelineActions[3].Configuration["ProjectName"] is resolved at run time (#{variables.project})`} {
		if !reasons[want] {
			t.Errorf("no entry gives the reason %q: %+v", want, result.Unscoped)
		}
	}
}
