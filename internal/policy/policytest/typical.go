// Package policytest holds the test data that several packages share: the
// pipeline the benchmarks measure, the realistic pipelines and the reviewed
// golden documents.
package policytest

import "github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"

// Typical is a common scoped pipeline: connection source, CodeBuild,
// CloudFormation and ECS deploys, one KMS-encrypted artifact store.
func Typical() policy.Request {
	return policy.Request{
		PipelineName: "web-frontend",
		ArtifactStores: []policy.ArtifactStore{{
			Location:        "codepipeline-artifacts-example",
			EncryptionKeyID: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
			Region:          "eu-west-1",
		}},
		Region:       "eu-west-1",
		AccountID:    "111122223333",
		PassRoleARNs: []string{"arn:aws:iam::111122223333:role/web-frontend-task"},
		PipelineActions: []policy.PipelineAction{
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
