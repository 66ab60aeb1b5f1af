package policy

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// Package-level sinks keep the compiler from discarding the measured work.
var (
	benchResult Result
	benchBytes  []byte
)

// typicalRequest is a common scoped pipeline, described with its configuration:
// connection source, CodeBuild, CloudFormation and ECS deploys, one
// KMS-encrypted artifact store.
func typicalRequest() Request {
	return Request{
		PipelineName: "web-frontend",
		ArtifactStores: []ArtifactStore{{
			Location:        "codepipeline-artifacts-example",
			EncryptionKeyID: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
			Region:          "eu-west-1",
		}},
		Region:       "eu-west-1",
		AccountID:    "111122223333",
		PassRoleARNs: []string{"arn:aws:iam::111122223333:role/web-frontend-task"},
		PipelineActions: []PipelineAction{
			{Category: "Source", Provider: "CodeStarSourceConnection", Configuration: map[string]string{
				"ConnectionArn":    "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
				"FullRepositoryId": "example-org/web-frontend", "BranchName": "main"}},
			{Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "web-frontend-build"}},
			{Category: "Deploy", Provider: "CloudFormation", Configuration: map[string]string{
				"ActionMode": "CREATE_UPDATE", "StackName": "web-frontend-infra", "RoleArn": "arn:aws:iam::111122223333:role/cfn-deployer"}},
			{Category: "Deploy", Provider: "ECS", Configuration: map[string]string{"ClusterName": "production", "ServiceName": "web-frontend"}},
		},
	}
}

func BenchmarkBuildTypical(b *testing.B) {
	req := typicalRequest()
	if p := Build(req).Problems; HasError(p) {
		b.Fatalf("typical request fails, so only validation would be measured: %+v", p)
	}
	b.ReportAllocs()
	for b.Loop() {
		benchResult = Build(req)
	}
}

// BenchmarkBuildAllActionTypes selects every action type at once. The policy
// exceeds IAM's inline size limit, so Build returns an error problem and an
// empty document, but only after validating, rendering, merging and sizing
// everything: it is the worst case of the work a data source read does.
func BenchmarkBuildAllActionTypes(b *testing.B) {
	req := typicalRequest()
	req.PipelineActions = nil
	for _, at := range catalog.All() {
		req.ActionProviders = append(req.ActionProviders, at.Key())
	}
	b.ReportAllocs()
	for b.Loop() {
		benchResult = Build(req)
	}
}

// BenchmarkMarshalTypical is the floor Build is compared with: encoding the
// finished typical document once, as any JSON-producing data source must.
// Read BuildTypical ÷ MarshalTypical as the builder's overhead ratio.
func BenchmarkMarshalTypical(b *testing.B) {
	doc := Build(typicalRequest()).Document
	if len(doc.Statement) == 0 {
		b.Fatal("typical request built no statements")
	}
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if benchBytes, err = json.MarshalIndent(doc, "", "  "); err != nil {
			b.Fatal(err)
		}
	}
}

// hugeRequests are inputs far beyond CodePipeline's quotas: each must be
// refused quickly, never hang.
func hugeRequests() map[string]Request {
	many := Request{}
	for i := range 10000 {
		many.PipelineActions = append(many.PipelineActions, PipelineAction{Category: "Build", Provider: "CodeBuild",
			Configuration: map[string]string{"ProjectName": "project-" + strconv.Itoa(i)}})
	}
	long := Request{PipelineActions: []PipelineAction{{Category: "Build", Provider: "CodeBuild",
		Configuration: map[string]string{"ProjectName": strings.Repeat("x", 1<<20)}}}}
	return map[string]Request{"TenThousandActions": many, "OneMegabyteValue": long}
}

func BenchmarkRefuseHugeInput(b *testing.B) {
	for name, req := range hugeRequests() {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				benchResult = Build(req)
			}
			if !HasError(benchResult.Problems) {
				b.Fatal("a request beyond CodePipeline's quotas must be refused")
			}
		})
	}
}
