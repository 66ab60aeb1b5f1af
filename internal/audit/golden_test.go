package audit

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit/audittest"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

var update = flag.Bool("update", false, "rewrite the golden audits under testdata/golden")

// newerActions use action types, and a CodeBuild option, that CodePipeline
// supported only after both historical policies were published (2017 policy
// until February 2019, 2019 policy until December 2019).
var newerActions = []policy.PipelineAction{
	{Name: "Source", Category: "Source", Provider: "CodeStarSourceConnection", Configuration: map[string]string{
		"ConnectionArn":    "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
		"FullRepositoryId": "example-org/shop", "BranchName": "main",
	}},
	{Name: "BatchBuild", Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{
		"ProjectName": "shop-build", "BatchEnabled": "true",
	}},
	{Name: "Image", Category: "Build", Provider: "ECRBuildAndPublish", Configuration: map[string]string{"ECRRepositoryName": "shop"}},
	{Name: "Lint", Category: "Compute", Provider: "Commands"},
	{Name: "Scan", Category: "Invoke", Provider: "InspectorScan", Configuration: map[string]string{
		"InspectorRunMode": "ECRImageScan", "ECRRepositoryName": "shop", "ImageTag": "latest",
	}},
	{Name: "Release", Category: "Invoke", Provider: "StepFunctions", Configuration: map[string]string{
		"StateMachineArn": "arn:aws:states:eu-west-1:111122223333:stateMachine:shop-release",
	}},
	{Name: "FeatureFlags", Category: "Deploy", Provider: "AppConfig", Configuration: map[string]string{
		"Application": "abc1234", "Environment": "env5678", "ConfigurationProfile": "prof901",
		"InputArtifactConfigurationPath": "flags.json",
	}},
}

// olderActions use action types each historical policy already covers.
var olderActions = map[string][]policy.PipelineAction{
	"2017": {
		{Name: "Notify", Category: "Invoke", Provider: "Lambda", Configuration: map[string]string{"FunctionName": "shop-notify"}},
	},
	"2019": {
		{Name: "Notify", Category: "Invoke", Provider: "Lambda", Configuration: map[string]string{"FunctionName": "shop-notify"}},
		{Name: "UnitTests", Category: "Test", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "shop-tests"}},
		{Name: "Stack", Category: "Deploy", Provider: "CloudFormation", Configuration: map[string]string{
			"ActionMode": "CREATE_UPDATE", "StackName": "shop", "RoleArn": "arn:aws:iam::111122223333:role/shop-cfn",
		}},
		{Name: "Assets", Category: "Deploy", Provider: "S3", Configuration: map[string]string{"BucketName": "shop-assets", "Extract": "true"}},
	},
}

// artifactAdditions are the artifact-store permissions of AWS's current base
// policy that the 2017 policy does not grant on the console's artifact bucket.
var artifactAdditions = []string{
	"s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetObjectTagging", "s3:GetObjectVersionTagging",
	"s3:PutObjectAcl", "s3:PutObjectTagging",
}

func historicalRequest(year string, h audittest.Historical) Request {
	return Request{
		Pipeline: policy.Request{
			PipelineName: "shop", Region: "eu-west-1", AccountID: "111122223333",
			// The console's artifact bucket name: the 2017 policy writes only to codepipeline* buckets.
			ArtifactStores:  []policy.ArtifactStore{{Location: "codepipeline-eu-west-1-111122223333"}},
			PipelineActions: slices.Concat(olderActions[year], newerActions),
		},
		Documents: []string{string(h.Policy)},
	}
}

// TestGoldenHistoricalPolicies audits AWS's default service-role policies of
// 2017 and 2019 against a pipeline of action types added after them: what is
// missing is exactly what those action types need (and, for 2017, the
// artifact-store permissions AWS's base policy added later). The audits
// under testdata/golden are reviewed by eye and rewritten with -update.
func TestGoldenHistoricalPolicies(t *testing.T) {
	for _, year := range []string{"2017", "2019"} {
		t.Run(year, func(t *testing.T) {
			h := audittest.Load(year)
			req := historicalRequest(year, h)
			result := Audit(req)
			if policy.HasError(result.Problems) {
				t.Fatalf("unexpected problems: %+v", result.Problems)
			}
			newer := map[string]bool{}
			for _, a := range newerActions {
				newer[fmt.Sprintf("action %q (%s/%s)", a.Name, a.Category, a.Provider)] = true
			}
			named := map[string]bool{}
			for _, m := range result.Missing {
				for _, o := range m.NeededBy {
					origin := o.Text().String()
					named[origin] = true
					artifacts := year == "2017" && origin == "the artifact stores" && slices.Contains(artifactAdditions, m.Action)
					if !newer[origin] && !artifacts {
						t.Errorf("%s on %s is needed by %s, which the %s policy covers", m.Action, m.Resource, origin, year)
					}
				}
			}
			for origin := range newer {
				if !named[origin] {
					t.Errorf("nothing of %s is missing from the %s policy", origin, year)
				}
			}
			assertGolden(t, "default-policy-"+year+".txt", describe(year, h, req, result))
		})
	}
}

// describe renders an audit for review.
func describe(year string, h audittest.Historical, req Request, r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Audit of AWS's default CodePipeline service role policy of %s\n(%s)\n", year, h.SourceURL)
	b.WriteString("against a pipeline with the actions:\n")
	for _, a := range req.Pipeline.PipelineActions {
		fmt.Fprintf(&b, "  %s (%s/%s)\n", a.Name, a.Category, a.Provider)
	}
	fmt.Fprintf(&b, "\ncomplete: %v\n\nmissing (%d):\n", r.Complete, len(r.Missing))
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "  %-28s %-40s %s\n      %s\n", m.Sid, m.Action, m.Resource, m.Reason())
	}
	fmt.Fprintf(&b, "\nbroader_than_needed (%d):\n", len(r.Broader))
	for _, x := range r.Broader {
		fmt.Fprintf(&b, "  policy_documents[%d] Statement[%d] %s: %s\n", x.Document, x.Statement, x.Kind, strings.Join(x.Granted, ", "))
		if len(x.Instead) == 0 {
			b.WriteString("      instead: nothing, the pipeline needs none of it\n")
		}
		for _, line := range x.Instead {
			fmt.Fprintf(&b, "      instead: %s\n", line)
		}
	}
	b.WriteString("\nmissing_policy_json:\n")
	if r.MissingPolicy != nil {
		b.WriteString(r.MissingPolicy.JSON() + "\n")
	}
	return b.String()
}

func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/audit -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("audit differs from %s (review, then rerun with -update):\n%s", file, got)
	}
}
