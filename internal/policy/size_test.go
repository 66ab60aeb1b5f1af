package policy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// worstCaseRequest is a realistic worst case: every action type three times,
// each naming its own resources in every key that scopes a grant.
func worstCaseRequest() Request {
	req := goldenContext()
	req.PipelineName = "everything-pipeline"
	for _, at := range catalog.All() {
		for i := 1; i <= 3; i++ {
			config := map[string]string{}
			for _, k := range at.ConfigKeys {
				config[k.Name] = sampleConfigValue(k, i)
			}
			req.PipelineActions = append(req.PipelineActions, PipelineAction{
				Name: fmt.Sprintf("%s%d", at.Provider, i), Category: at.Category, Owner: at.Owner, Provider: at.Provider, Configuration: config,
			})
		}
	}
	return req
}

func TestWorstCaseSize(t *testing.T) {
	result := assemble(worstCaseRequest())
	t.Logf("worst case: %d statements, %d characters", len(result.Document.Statement), result.Document.Size())
}

func TestSplitFitsManagedPolicies(t *testing.T) {
	doc := assemble(worstCaseRequest()).Document
	parts := doc.Split(ManagedPolicyLimit)
	t.Logf("worst case of %d characters splits into %d managed policies", doc.Size(), len(parts))
	var statements int
	for i, p := range parts {
		if p.Size() > ManagedPolicyLimit {
			t.Errorf("part %d has %d characters", i, p.Size())
		}
		statements += len(p.Statement)
	}
	if statements != len(doc.Statement) || len(parts) < 2 {
		t.Errorf("%d parts with %d statements; want the %d statements in several parts", len(parts), statements, len(doc.Statement))
	}
	if got := Build(goldenContext("CodeBuild")).Document; len(got.Split(ManagedPolicyLimit)) != 1 {
		t.Error("a policy that fits stays one document")
	}
}

func TestSplitDividesOversizedStatements(t *testing.T) {
	var stores []ArtifactStore
	for i := 0; i < 300; i++ {
		stores = append(stores, ArtifactStore{Location: fmt.Sprintf("artifact-bucket-%03d", i)})
	}
	doc := assemble(Request{ActionProviders: []string{"CodeBuild"}, ArtifactStores: stores}).Document
	for i, p := range doc.Split(ManagedPolicyLimit) {
		if p.Size() > ManagedPolicyLimit {
			t.Errorf("part %d has %d characters", i, p.Size())
		}
	}
}

func TestWorstCaseSaysWhatToDo(t *testing.T) {
	req := worstCaseRequest()
	result := Build(req)
	parts := len(assemble(req).Document.Split(ManagedPolicyLimit))
	advice := fmt.Sprintf("Set SplitForManagedPolicies = true: Documents then holds %d documents", parts)
	if !HasError(result.Problems) || parts < 3 || !strings.Contains(result.Problems[len(result.Problems)-1].Detail.String(), advice) {
		t.Fatalf("want an error that says how to split into %d parts, got %+v", parts, result.Problems)
	}
	req.SplitForManagedPolicies = true
	result = Build(req)
	if HasError(result.Problems) || len(result.Documents) != parts {
		t.Fatalf("split: %d documents, problems %+v", len(result.Documents), result.Problems)
	}
}

func TestSizeOfCountsCharactersNotBytes(t *testing.T) {
	for text, want := range map[string]int{`{"a":"b"}`: 9, "{\"a\":\"b c\"}": 10, "{\"é\":\"\u00a0x\"}": 9, "\t\n\v\f\r ": 0} {
		if got := sizeOf(text); got != want {
			t.Errorf("sizeOf(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestEstimatedSizeIsAnUpperBound(t *testing.T) {
	for _, req := range []Request{worstCaseRequest(), goldenContext("CodeBuild"), realisticPipelines["connection_codebuild_ecs_bluegreen"]} {
		doc := assemble(req).Document
		if got, est := len(doc.MinifiedJSON()), doc.estimatedSize(); got > est || est > got+got/5 {
			t.Errorf("estimated %d for a document of %d bytes", est, got)
		}
	}
}

// TestBeanstalkFitsAManagedPolicy: a typical Elastic Beanstalk pipeline (a
// connection source, CodeBuild, an Elastic Beanstalk deploy) fits a managed
// policy with use_aws_managed_policies, which names AWS's policy instead.
func TestBeanstalkFitsAManagedPolicy(t *testing.T) {
	req := goldenContext()
	req.PipelineName = "shop"
	req.PassRoleARNs = []string{"arn:aws:iam::111122223333:role/aws-elasticbeanstalk-service-role"}
	req.PipelineActions = []PipelineAction{
		{Category: "Source", Provider: "CodeStarSourceConnection", Configuration: map[string]string{
			"ConnectionArn":    "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
			"FullRepositoryId": "example/shop", "BranchName": "main"}},
		{Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "shop-build"}},
		{Category: "Deploy", Provider: "ElasticBeanstalk", Configuration: map[string]string{"ApplicationName": "shop", "EnvironmentName": "shop-prod"}},
	}
	inline := Build(req)
	req.UseAWSManagedPolicies = true
	managed := Build(req)
	t.Logf("inline %d characters, with the managed policy %d", inline.Rendered.Size, managed.Rendered.Size)
	if managed.Rendered.Size > ManagedPolicyLimit || inline.Rendered.Size <= managed.Rendered.Size {
		t.Errorf("with the managed policy the policy has %d characters; want at most %d", managed.Rendered.Size, ManagedPolicyLimit)
	}
	want := []string{"arn:aws:iam::aws:policy/AdministratorAccess-AWSElasticBeanstalk"}
	if !slices.Equal(managed.ManagedPolicyARNs, want) || inline.ManagedPolicyARNs != nil {
		t.Errorf("managed policy ARNs: %v and %v", managed.ManagedPolicyARNs, inline.ManagedPolicyARNs)
	}
	if !slices.Contains(managed.Document.Actions(), "iam:PassRole") {
		t.Error("iam:PassRole stays inline, scoped to the roles given")
	}
}

// TestRandomCombinationsFitInline builds 200 random combinations of two to
// eight action types: with use_aws_managed_policies each fits inline; the
// count without it is logged, for the record.
func TestRandomCombinationsFitInline(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 200))
	all := catalog.All()
	over := map[bool]int{}
	for range 200 {
		var keys []string
		for _, j := range rng.Perm(len(all))[:2+rng.IntN(7)] {
			keys = append(keys, all[j].Key())
		}
		for _, managed := range []bool{false, true} {
			problems := Build(Request{ActionProviders: keys, UseAWSManagedPolicies: managed}).Problems
			if slices.ContainsFunc(problems, func(p Problem) bool { return p.Code == CodePolicyTooLarge }) {
				over[managed]++
			}
		}
	}
	t.Logf("of 200 combinations, %d need split_for_managed_policies; %d with use_aws_managed_policies", over[false], over[true])
	if over[true] > 0 {
		t.Errorf("%d combinations do not fit inline even with use_aws_managed_policies", over[true])
	}
}
