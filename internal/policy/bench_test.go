package policy_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy/policytest"
)

// Package-level sinks keep the compiler from discarding the measured work.
var (
	benchResult policy.Result
	benchBytes  []byte
)

func BenchmarkBuildTypical(b *testing.B) {
	req := policytest.Typical()
	if p := policy.Build(req).Problems; policy.HasError(p) {
		b.Fatalf("typical request fails, so only validation would be measured: %+v", p)
	}
	b.ReportAllocs()
	for b.Loop() {
		benchResult = policy.Build(req)
	}
}

// BenchmarkBuildAllActionTypes selects every action type at once. The policy
// exceeds IAM's inline size limit, so Build returns an error problem and an
// empty document, but only after validating, rendering, merging and sizing
// everything: it is the worst case of the work a data source read does.
func BenchmarkBuildAllActionTypes(b *testing.B) {
	req := policytest.Typical()
	req.PipelineActions = nil
	for _, at := range catalog.All() {
		req.ActionProviders = append(req.ActionProviders, at.Key())
	}
	b.ReportAllocs()
	for b.Loop() {
		benchResult = policy.Build(req)
	}
}

// BenchmarkMarshalTypical is the floor Build is compared with: encoding the
// finished typical document once, as any JSON-producing data source must.
// Read BuildTypical ÷ MarshalTypical as the builder's overhead ratio.
func BenchmarkMarshalTypical(b *testing.B) {
	doc := policy.Build(policytest.Typical()).Document
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
func hugeRequests() map[string]policy.Request {
	many := policy.Request{}
	for i := range 10000 {
		many.PipelineActions = append(many.PipelineActions, policy.PipelineAction{Category: "Build", Provider: "CodeBuild",
			Configuration: map[string]string{"ProjectName": "project-" + strconv.Itoa(i)}})
	}
	long := policy.Request{PipelineActions: []policy.PipelineAction{{Category: "Build", Provider: "CodeBuild",
		Configuration: map[string]string{"ProjectName": strings.Repeat("x", 1<<20)}}}}
	return map[string]policy.Request{"TenThousandActions": many, "OneMegabyteValue": long}
}

func BenchmarkRefuseHugeInput(b *testing.B) {
	for name, req := range hugeRequests() {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				benchResult = policy.Build(req)
			}
			if !policy.HasError(benchResult.Problems) {
				b.Fatal("a request beyond CodePipeline's quotas must be refused")
			}
		})
	}
}
