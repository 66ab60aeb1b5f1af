package policy

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// FuzzBuild feeds arbitrary provider lists, ARN context, artifact stores and
// pipeline action configuration to the builder: it must never panic, always
// answer with valid JSON or an error, and answer the same way twice. The
// category "Rule" makes the action a stage-condition rule; the configuration
// value is also an environment variable's secret and the service role.
func FuzzBuild(f *testing.F) {
	f.Add("CodeBuild,Deploy/ECS", "eu-west-1", "111122223333", "aws", "artifacts",
		"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"Deploy", "CloudFormation", "RoleArn", "arn:aws:iam::111122223333:role/deployer", "")
	f.Add("codebuild", "", "", "", "", "", "Invoke", "StepFunctions", "StateMachineArn",
		"arn:aws:states:us-east-1:111122223333:stateMachine:m", "arn:aws:iam::444455556666:role/action")
	f.Add("Source/CloudFormation, S3", "us-gov-west-1", "0", "aws-us-gov", "Bucket..", "alias/x",
		"Build", "CodeBuild", "ProjectName", "#{variables.project}", "")
	f.Add("", "", "", "", "", "", "Deploy", "Lambda", "FunctionName", "arn:aws:lambda:eu-west-1:1:function:f:live", "")
	f.Add("CodeBuild", "eu-west-1", "111122223333", "", "artifacts", "", "Rule", "LambdaInvoke", "FunctionName", "gate", "")
	f.Add("", "us-east-1", "", "", "", "", "Compute", "Commands", "VpcId", "apiTokens:token", "")
	f.Fuzz(func(t *testing.T, providers, region, account, partition, bucket, key, category, provider, configKey, configValue, roleARN string) {
		req := Request{Region: region, AccountID: account, Partition: partition, PipelineName: "p"}
		if providers != "" {
			req.ActionProviders = strings.Split(providers, ",")
		}
		if bucket != "" || key != "" {
			req.ArtifactStores = []ArtifactStore{{Location: bucket, EncryptionKeyID: key}}
		}
		config := map[string]string{configKey: configValue}
		switch {
		case category == "Rule":
			req.PipelineRules = []PipelineRule{{Provider: provider, RoleARN: roleARN, Configuration: config}}
		case category != "" || provider != "":
			req.PipelineActions = []PipelineAction{{Category: category, Provider: provider, RoleARN: roleARN, Configuration: config,
				EnvironmentVariables: []EnvironmentVariable{{Name: "SECRET", Value: configValue, Type: SecretsManager}}}}
		}
		req.ServiceRoleARN = configValue
		first, second := Build(req), Build(req)
		for _, p := range first.Problems {
			if p.Code == "" || p.Summary == "" || len(p.Detail) == 0 {
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
		if a, b := rolesJSON(first), rolesJSON(second); a != b || !json.Valid([]byte("["+a+"]")) {
			t.Fatalf("the other documents differ between two builds or are not JSON:\n%s\n%s", a, b)
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
		types, p := resolveActionProvider(Path{FieldActionProviders, 0}, entry)
		if (len(types) > 0) == (p != nil) {
			t.Fatalf("%q: %d types and problem %+v", entry, len(types), p)
		}
	})
}

// rolesJSON renders a result's other documents and unscoped list in a fixed
// order, for comparing two builds.
func rolesJSON(r Result) string {
	parts := []string{r.Roles.Trust.JSON(), fmt.Sprintf("%q", fmt.Sprint(r.Unscoped))}
	for _, docs := range []map[string]Document{r.Roles.ActionRoleTrust, r.Roles.BucketPolicies} {
		for _, key := range slices.Sorted(maps.Keys(docs)) {
			parts = append(parts, fmt.Sprintf("%q", key), docs[key].JSON())
		}
	}
	for _, doc := range []*Document{r.Roles.KeyPolicy, r.Roles.EventRole, r.Roles.EventRoleTrust} {
		if doc != nil {
			parts = append(parts, doc.JSON())
		}
	}
	return strings.Join(parts, ",")
}
