package policy

import (
	"reflect"
	"strings"
	"testing"
)

// TestBadRequests checks that each kind of wrong input is reported once, on
// the attribute at fault, with a message that says what would be right.
func TestBadRequests(t *testing.T) {
	valid := func(edit func(*Request)) Request {
		r := goldenContext("CodeBuild")
		edit(&r)
		return r
	}
	cases := []struct {
		name    string
		req     Request
		path    Path
		summary string
		detail  string
	}{
		{"no actions", valid(func(r *Request) { r.ActionProviders = nil }), Path{"action_providers"}, "No pipeline actions", `action_providers = ["CodeStarSourceConnection", "CodeBuild"]`},
		{"empty provider", valid(func(r *Request) { r.ActionProviders = []string{"CodeBuild", ""} }), Path{"action_providers", 1}, "Empty action provider", `"Deploy/S3"`},
		{"wrong case", valid(func(r *Request) { r.ActionProviders = []string{"codebuild"} }), Path{"action_providers", 0}, "Action provider has the wrong case", `Did you mean "CodeBuild"?`},
		{"misspelled", valid(func(r *Request) { r.ActionProviders = []string{"CodeStarSourceConection"} }), Path{"action_providers", 0}, "Unknown action provider", `Did you mean "CodeStarSourceConnection"?`},
		{"nothing close", valid(func(r *Request) { r.ActionProviders = []string{"Jenkins"} }), Path{"action_providers", 0}, "Unknown action provider", `Valid providers are "AlexaSkillsKit"`},
		{"wrong category", valid(func(r *Request) { r.ActionProviders = []string{"Source/CloudFormation"} }), Path{"action_providers", 0}, "Action provider not in this category", `available as "Deploy/CloudFormation"`},
		{"wrong category, several", valid(func(r *Request) { r.ActionProviders = []string{"Deploy/CodeBuild"} }), Path{"action_providers", 0}, "Action provider not in this category", `"Build/CodeBuild" or "Test/CodeBuild"`},
		{"wrong category and case", valid(func(r *Request) { r.ActionProviders = []string{"Deploy/codebuild"} }), Path{"action_providers", 0}, "Action provider not in this category", `"Build/CodeBuild" or "Test/CodeBuild"`},
		{"unknown category", valid(func(r *Request) { r.ActionProviders = []string{"Release/S3"} }), Path{"action_providers", 0}, "Unknown action category", `"Source", "Build", "Test", "Deploy", "Approval", "Invoke", "Compute"`},
		{"category case", valid(func(r *Request) { r.ActionProviders = []string{"deploy/S3"} }), Path{"action_providers", 0}, "Action category has the wrong case", `"Deploy/S3"`},
		{"spaces", valid(func(r *Request) { r.ActionProviders = []string{"ECS "} }), Path{"action_providers", 0}, "Action provider has surrounding spaces", `did you mean "ECS"?`},
		{"account", valid(func(r *Request) { r.AccountID = "11112222333" }), Path{"account_id"}, "Invalid account ID", "exactly 12 digits"},
		{"region", valid(func(r *Request) { r.Region = "us-east" }), Path{"region"}, "Invalid region", `"us-east-1"`},
		{"partition", valid(func(r *Request) { r.Partition = "aws-china" }), Path{"partition"}, "Unknown partition", `"aws-cn"`},
		{"bucket ARN", valid(func(r *Request) { r.ArtifactStores[0].Location = "arn:aws:s3:::artifacts" }), Path{"artifact_stores", 0, "location"}, "Invalid artifact store bucket name", "looks like an ARN"},
		{"bucket case", valid(func(r *Request) { r.ArtifactStores[0].Location = "My_Artifacts" }), Path{"artifact_stores", 0, "location"}, "Invalid artifact store bucket name", "lowercase letters"},
		{"bucket IP", valid(func(r *Request) { r.ArtifactStores[0].Location = "192.168.5.4" }), Path{"artifact_stores", 0, "location"}, "Invalid artifact store bucket name", "IP address"},
		{"store region", valid(func(r *Request) { r.ArtifactStores[0].Region = "EU" }), Path{"artifact_stores", 0, "region"}, "Invalid region", `"us-east-1"`},
		{"key alias", valid(func(r *Request) {
			r.ArtifactStores[0].EncryptionKeyID = "arn:aws:kms:eu-west-1:111122223333:alias/artifacts"
		}), Path{"artifact_stores", 0, "encryption_key_id"}, "Invalid artifact store encryption key", "alias ARN"},
		{"key id", valid(func(r *Request) { r.ArtifactStores[0].EncryptionKeyID = "1234abcd-12ab-34cd-56ef-1234567890ab" }), Path{"artifact_stores", 0, "encryption_key_id"}, "Invalid artifact store encryption key", "key ID or alias name"},
		{"key of other service", valid(func(r *Request) {
			r.ArtifactStores[0].EncryptionKeyID = "arn:aws:s3:::artifacts"
		}), Path{"artifact_stores", 0, "encryption_key_id"}, "Invalid artifact store encryption key", `"s3" service`},
		{"key in other partition", valid(func(r *Request) { r.Partition = "aws-cn" }), Path{"artifact_stores", 0, "encryption_key_id"}, "Invalid artifact store encryption key", `partition "aws"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			result := Build(tc.req)
			if len(result.Problems) == 0 {
				t.Fatal("no problem reported")
			}
			var errs []Problem
			for _, p := range result.Problems {
				if !p.Warning {
					errs = append(errs, p)
				}
			}
			if len(errs) != 1 {
				t.Fatalf("want one error, got %+v", errs)
			}
			p := errs[0]
			if !reflect.DeepEqual(p.Path, tc.path) || p.Summary != tc.summary || !strings.Contains(p.Detail, tc.detail) {
				t.Errorf("got %v %q: %s\nwant %v %q containing %q", p.Path, p.Summary, p.Detail, tc.path, tc.summary, tc.detail)
			}
			if result.Document.Statement != nil {
				t.Error("a request with an error must not produce a document")
			}
		})
	}
}

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
	if len(result.Problems) != 1 || !result.Problems[0].Warning || result.Problems[0].Summary != "Policy is not fully scoped" ||
		!strings.Contains(result.Problems[0].Detail, "artifact_stores is not set") {
		t.Fatalf("want one scope warning that names artifact_stores, got %+v", result.Problems)
	}
	if !strings.Contains(result.Document.JSON(), `"arn:aws:s3:::*/*"`) {
		t.Error("unscoped artifact access must cover every bucket's objects")
	}
}

func TestSizeLimits(t *testing.T) {
	// Each artifact store adds its bucket to two statements; enough of them push
	// the policy over each quota.
	stores := func(n int) []ArtifactStore {
		var s []ArtifactStore
		for i := 0; i < n; i++ {
			s = append(s, ArtifactStore{Location: "artifact-store-bucket-number-" + strings.Repeat("x", 20) + string(rune('a'+i%26)) + string(rune('a'+i/26))})
		}
		return s
	}
	over := func(req Request) (size int, problems []Problem) {
		doc := assemble(req).Document
		for _, p := range Build(req).Problems {
			if p.Summary != "Policy is not fully scoped" {
				problems = append(problems, p)
			}
		}
		return doc.Size(), problems
	}
	size, problems := over(Request{ActionProviders: []string{"CodeBuild"}, ArtifactStores: stores(60)})
	if size <= ManagedPolicyLimit || size > InlinePolicyLimit {
		t.Fatalf("test setup: size %d should be between the quotas", size)
	}
	if len(problems) != 1 || !problems[0].Warning || !strings.Contains(problems[0].Detail, "6144") {
		t.Errorf("want one warning naming 6144, got %+v", problems)
	}
	size, problems = over(Request{ActionProviders: []string{"CodeBuild"}, ArtifactStores: stores(110)})
	if size <= InlinePolicyLimit {
		t.Fatalf("test setup: size %d should be over the inline quota", size)
	}
	if !HasError(problems) || !strings.Contains(problems[0].Detail, "10240") {
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
