package policy

import (
	"strings"
	"testing"
)

// Three realistic pipelines, each described the way its aws_codepipeline
// resource is; their golden policies are reviewed by eye.
var realisticPipelines = map[string]Request{
	"connection_codebuild_ecs_bluegreen": {
		PipelineName: "web-frontend",
		Region:       "eu-west-1",
		AccountID:    "111122223333",
		ArtifactStores: []ArtifactStore{{
			Location:        "web-frontend-artifacts",
			EncryptionKeyID: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		}},
		PassRoleARNs: []string{
			"arn:aws:iam::111122223333:role/web-frontend-task",
			"arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
		},
		PipelineActions: []PipelineAction{
			{Name: "Source", Category: "Source", Provider: "CodeStarSourceConnection", Configuration: map[string]string{
				"ConnectionArn":    "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
				"FullRepositoryId": "example-org/web-frontend",
				"BranchName":       "main",
			}},
			{Name: "Build", Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "web-frontend-build"}},
			{Name: "Deploy", Category: "Deploy", Provider: "CodeDeployToECS", Configuration: map[string]string{
				"ApplicationName":                "web-frontend",
				"DeploymentGroupName":            "web-frontend-bluegreen",
				"TaskDefinitionTemplateArtifact": "BuildOutput",
				"AppSpecTemplateArtifact":        "BuildOutput",
				"Image1ArtifactName":             "BuildOutput",
				"Image1ContainerName":            "IMAGE1_NAME",
			}},
		},
	},
	"codecommit_batch_build_changeset": {
		PipelineName:   "platform-infra",
		Region:         "us-east-1",
		AccountID:      "444455556666",
		ArtifactStores: []ArtifactStore{{Location: "platform-infra-artifacts"}},
		PipelineActions: []PipelineAction{
			{Name: "Source", Category: "Source", Provider: "CodeCommit", Configuration: map[string]string{
				"RepositoryName": "platform-infra", "BranchName": "main",
			}},
			{Name: "Build", Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{
				"ProjectName": "platform-infra-synth", "BatchEnabled": "true",
			}},
			{Name: "CreateChangeSet", Category: "Deploy", Provider: "CloudFormation", Configuration: map[string]string{
				"ActionMode": "CHANGE_SET_REPLACE", "StackName": "platform-network", "ChangeSetName": "pipeline-changes",
				"TemplatePath": "BuildOutput::network.yaml", "RoleArn": "arn:aws:iam::444455556666:role/cfn-deployer",
			}},
			{Name: "Approve", Category: "Approval", Provider: "Manual", Configuration: map[string]string{
				"NotificationArn": "arn:aws:sns:us-east-1:444455556666:platform-approvals",
			}},
			{Name: "ExecuteChangeSet", Category: "Deploy", Provider: "CloudFormation", Configuration: map[string]string{
				"ActionMode": "CHANGE_SET_EXECUTE", "StackName": "platform-network", "ChangeSetName": "pipeline-changes",
			}},
		},
	},
	"s3_lambda_crossaccount_cloudformation": {
		PipelineName: "data-jobs",
		Region:       "us-east-1",
		AccountID:    "111122223333",
		ArtifactStores: []ArtifactStore{
			{Location: "data-jobs-artifacts-us-east-1", Region: "us-east-1",
				EncryptionKeyID: "arn:aws:kms:us-east-1:111122223333:key/1111aaaa-12ab-34cd-56ef-1234567890ab"},
			{Location: "data-jobs-artifacts-eu-central-1", Region: "eu-central-1",
				EncryptionKeyID: "arn:aws:kms:eu-central-1:111122223333:key/2222bbbb-12ab-34cd-56ef-1234567890ab"},
		},
		PipelineActions: []PipelineAction{
			{Name: "Source", Category: "Source", Provider: "S3", Configuration: map[string]string{
				"S3Bucket": "data-jobs-source", "S3ObjectKey": "releases/data-jobs.zip", "PollForSourceChanges": "false",
			}},
			{Name: "Validate", Category: "Invoke", Provider: "Lambda", Configuration: map[string]string{
				"FunctionName": "data-jobs-validate", "UserParameters": "strict",
			}},
			{Name: "DeployProd", Category: "Deploy", Provider: "CloudFormation", Region: "eu-central-1",
				RoleARN: "arn:aws:iam::777788889999:role/pipeline-deploy-action",
				Configuration: map[string]string{
					"ActionMode": "CREATE_UPDATE", "StackName": "data-jobs-prod", "TemplatePath": "SourceOutput::stack.yaml",
					"RoleArn": "arn:aws:iam::777788889999:role/cfn-data-jobs-prod",
				}},
		},
	},
}

func TestGoldenRealisticPipelines(t *testing.T) {
	for name, req := range realisticPipelines {
		t.Run(name, func(t *testing.T) {
			result := Build(req)
			if HasError(result.Problems) {
				t.Fatalf("unexpected problems: %+v", result.Problems)
			}
			assertGolden(t, "pipeline_"+name+".json", result.Document.JSON())
			for role, doc := range result.RolePolicies {
				assertGolden(t, "pipeline_"+name+"_role_"+role[strings.LastIndex(role, "/")+1:]+".json", doc.JSON())
			}
		})
	}
}
