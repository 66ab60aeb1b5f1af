package policy

import (
	"strings"
	"testing"
)

func TestValidRequestsPass(t *testing.T) {
	for _, req := range []Request{
		{ActionProviders: []string{"S3"}, ArtifactStores: []ArtifactStore{{Location: "a.b-c"}}},
		{ActionProviders: []string{"Deploy/S3"}, Partition: "aws-us-gov", Region: "us-gov-west-1", AccountID: "000011112222"},
		{ActionProviders: []string{"CodeStarSourceConnection", "CodeBuild"}, Partition: "aws-cn", Region: "cn-north-1", ArtifactStores: []ArtifactStore{
			{Location: "artifacts", Region: "cn-north-1", EncryptionKeyID: "arn:aws-cn:kms:cn-north-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"},
		}},
	} {
		if problems := Validate(req); len(problems) != 0 {
			t.Errorf("%+v: unexpected problems %+v", req, problems)
		}
	}
}

func TestWarnings(t *testing.T) {
	result := Build(Request{ActionProviders: []string{"CodeBuild"}})
	if len(result.Problems) != 1 || result.Problems[0].Code != CodeUnscoped ||
		!strings.Contains(result.Problems[0].Detail.String(), "ArtifactStores is not set") {
		t.Fatalf("want one scope warning that names artifact_stores, got %+v", result.Problems)
	}
	if !strings.Contains(result.Document.JSON(), `"arn:aws:s3:::*/*"`) {
		t.Error("unscoped artifact access must cover every bucket's objects")
	}
}

func TestSizeLimits(t *testing.T) {
	// Each CodeBuild project adds its ARN to one statement; enough of them
	// push the policy over each quota.
	projects := func(n int) Request {
		req := goldenContext()
		for i := 0; i < n; i++ {
			name := "build-project-number-" + strings.Repeat("x", 20) + string(rune('a'+i%26)) + string(rune('a'+i/26))
			req.PipelineActions = append(req.PipelineActions, PipelineAction{Category: "Build", Owner: "AWS", Provider: "CodeBuild",
				Configuration: map[string]string{"ProjectName": name}})
		}
		return req
	}
	over := func(req Request) (size int, problems []Problem) {
		doc := assemble(req).Document
		for _, p := range Build(req).Problems {
			if p.Code != CodeUnscoped {
				problems = append(problems, p)
			}
		}
		return doc.Size(), problems
	}
	size, problems := over(projects(60))
	if size <= ManagedPolicyLimit || size > InlinePolicyLimit {
		t.Fatalf("test setup: size %d should be between the quotas", size)
	}
	if len(problems) != 0 {
		t.Errorf("a policy that fits inline plans quietly; policy_size reports the managed quota. Got %+v", problems)
	}
	size, problems = over(projects(110))
	if size <= InlinePolicyLimit {
		t.Fatalf("test setup: size %d should be over the inline quota", size)
	}
	if !HasError(problems) || !strings.Contains(problems[0].Detail.String(), "10240") {
		t.Errorf("want an error naming 10240, got %+v", problems)
	}
}

func TestSizeCountsCharactersWithoutWhitespace(t *testing.T) {
	doc := Build(goldenContext("CodeBuild")).Document
	if doc.Size() != len(doc.MinifiedJSON()) {
		t.Errorf("Size() = %d, minified length %d: ARNs hold no whitespace, so they must agree", doc.Size(), len(doc.MinifiedJSON()))
	}
	if doc.Size() >= len(doc.JSON()) {
		t.Error("indented JSON must be longer than the counted size")
	}
}
