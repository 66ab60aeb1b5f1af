package policy

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzBuild feeds arbitrary provider lists, ARN context, artifact stores and
// pipeline action configuration to the builder: it must never panic, always
// answer with valid JSON or an error, and answer the same way twice.
func FuzzBuild(f *testing.F) {
	f.Add("CodeBuild,Deploy/ECS", "eu-west-1", "111122223333", "aws", "artifacts",
		"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"Deploy", "CloudFormation", "RoleArn", "arn:aws:iam::111122223333:role/deployer", "")
	f.Add("codebuild", "", "", "", "", "", "Invoke", "StepFunctions", "StateMachineArn",
		"arn:aws:states:us-east-1:111122223333:stateMachine:m", "arn:aws:iam::444455556666:role/action")
	f.Add("Source/CloudFormation, S3", "us-gov-west-1", "0", "aws-us-gov", "Bucket..", "alias/x",
		"Build", "CodeBuild", "ProjectName", "#{variables.project}", "")
	f.Add("", "", "", "", "", "", "Deploy", "Lambda", "FunctionName", "arn:aws:lambda:eu-west-1:1:function:f:live", "")
	f.Fuzz(func(t *testing.T, providers, region, account, partition, bucket, key, category, provider, configKey, configValue, roleARN string) {
		req := Request{Region: region, AccountID: account, Partition: partition, PipelineName: "p"}
		if providers != "" {
			req.ActionProviders = strings.Split(providers, ",")
		}
		if bucket != "" || key != "" {
			req.ArtifactStores = []ArtifactStore{{Location: bucket, EncryptionKeyID: key}}
		}
		if category != "" || provider != "" {
			req.PipelineActions = []PipelineAction{{Category: category, Provider: provider, RoleARN: roleARN,
				Configuration: map[string]string{configKey: configValue}}}
		}
		first, second := Build(req), Build(req)
		for _, p := range first.Problems {
			if p.Summary == "" || p.Detail == "" {
				t.Fatalf("problem without words: %+v", p)
			}
		}
		if HasError(first.Problems) {
			if first.Document.Statement != nil {
				t.Fatal("an error must not come with a document")
			}
			return
		}
		out := first.Document.JSON()
		if !json.Valid([]byte(out)) || !json.Valid([]byte(first.Document.MinifiedJSON())) {
			t.Fatalf("invalid JSON:\n%s", out)
		}
		if out != second.Document.JSON() {
			t.Fatal("the same request gave two different policies")
		}
		assertInvariants(t, req.ActionProviders, first.Document)
		for role, doc := range first.RolePolicies {
			if !json.Valid([]byte(doc.JSON())) {
				t.Fatalf("invalid JSON for role %s", role)
			}
		}
	})
}

// FuzzResolveActionProvider checks that every string either selects action
// types or is explained, never both.
func FuzzResolveActionProvider(f *testing.F) {
	for _, seed := range []string{"CodeBuild", "Deploy/S3", "deploy/s3", "Source/CloudFormation", "", " ECS", "a/b/c", "CodeBuld", "\xff/\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, entry string) {
		types, p := ResolveActionProvider(Path{AttrActionProviders, 0}, entry)
		if (len(types) > 0) == (p != nil) {
			t.Fatalf("%q: %d types and problem %+v", entry, len(types), p)
		}
	})
}
