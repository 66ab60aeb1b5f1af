package audit

import (
	"net/url"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit/audittest"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// TestCLIShapesAuditAlike audits a role whose policy is given bare, as aws
// iam get-role-policy prints it, as aws iam get-policy-version prints it,
// URL-encoded as the IAM API returns it, and in both CLI shapes with the
// document URL-encoded: every form gives the same result.
func TestCLIShapesAuditAlike(t *testing.T) {
	doc := string(audittest.Load("2019").Policy)
	encoded := url.QueryEscape(doc)
	forms := map[string]string{
		"bare":                       doc,
		"get-role-policy":            `{"RoleName": "shop-pipeline", "PolicyName": "inline", "PolicyDocument": ` + doc + `}`,
		"get-policy-version":         `{"PolicyVersion": {"Document": ` + doc + `, "VersionId": "v3", "IsDefaultVersion": true}}`,
		"URL-encoded":                encoded,
		"get-role-policy, encoded":   `{"RoleName": "r", "PolicyName": "p", "PolicyDocument": "` + encoded + `"}`,
		"get-policy-version, string": `{"PolicyVersion": {"Document": "` + encoded + `"}}`,
	}
	pipeline := policy.Request{ActionProviders: []string{"CodeBuild", "Deploy/ECS"}, Region: "eu-west-1", AccountID: "111122223333",
		ArtifactStores: []policy.ArtifactStore{{Location: "shop-artifacts"}}}
	want := Audit(Request{Pipeline: pipeline, Documents: []string{doc}})
	if policy.HasError(want.Problems) {
		t.Fatal(want.Problems)
	}
	for name, form := range forms {
		got := Audit(Request{Pipeline: pipeline, Documents: []string{form}})
		if policy.HasError(got.Problems) || len(got.Missing) != len(want.Missing) || len(got.Broader) != len(want.Broader) ||
			got.MissingPolicy.JSON() != want.MissingPolicy.JSON() {
			t.Errorf("%s: %d missing, %d broader, problems %v; bare: %d missing, %d broader", name,
				len(got.Missing), len(got.Broader), got.Problems, len(want.Missing), len(want.Broader))
		}
	}
}
