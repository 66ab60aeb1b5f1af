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
	"v2_stage_conditions": {
		PipelineName:   "checkout-service",
		Region:         "eu-west-1",
		AccountID:      "111122223333",
		ArtifactStores: []ArtifactStore{{Location: "checkout-service-artifacts"}},
		PassRoleARNs:   []string{"arn:aws:iam::111122223333:role/checkout-task"},
		PipelineActions: []PipelineAction{
			{Name: "Source", Category: "Source", Provider: "CodeStarSourceConnection", Configuration: map[string]string{
				"ConnectionArn":    "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
				"FullRepositoryId": "example-org/checkout-service", "BranchName": "main",
			}},
			{Name: "Build", Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "checkout-build"}},
			{Name: "Deploy", Category: "Deploy", Provider: "ECS", Configuration: map[string]string{
				"ClusterName": "production", "ServiceName": "checkout",
			}},
		},
		PipelineRules: []PipelineRule{
			{Name: "BusinessHours", Provider: "DeploymentWindow", Configuration: map[string]string{"Cron": "0 0 9-17 ? * MON-FRI *", "TimeZone": "Europe/Dublin"}},
			{Name: "ReleaseBranch", Provider: "VariableCheck", Configuration: map[string]string{
				"Variable": "#{SourceVariables.BranchName}", "Operator": "EQ", "Value": "main",
			}},
			{Name: "ChangeFreeze", Provider: "LambdaInvoke", RoleARN: "arn:aws:iam::111122223333:role/checkout-gate",
				Configuration: map[string]string{"FunctionName": "change-freeze-check"}},
			{Name: "ErrorRate", Provider: "CloudWatchAlarm", Configuration: map[string]string{
				"AlarmName": "checkout-5xx-rate", "AlarmStates": "ALARM", "WaitTime": "10",
			}},
			{Name: "SmokeTest", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "checkout-smoke-test"}},
			{Name: "Verify", Provider: "Commands", Commands: []string{"curl --fail https://checkout.example.com/health"}},
		},
	},
	"commands_secrets_vpc": {
		PipelineName:   "reports",
		Region:         "us-east-1",
		AccountID:      "444455556666",
		ArtifactStores: []ArtifactStore{{Location: "reports-artifacts"}},
		PipelineActions: []PipelineAction{
			{Name: "Source", Category: "Source", Provider: "S3", Configuration: map[string]string{
				"S3Bucket": "reports-source", "S3ObjectKey": "reports.zip", "AllowOverrideForS3ObjectKey": "true",
			}},
			{Name: "Generate", Category: "Compute", Provider: "Commands",
				Configuration: map[string]string{
					"VpcId": "vpc-0abcd1234ef567890", "Subnets": "subnet-0abcd1234ef567890,subnet-0bcde2345f0678901",
					"SecurityGroupIds": "sg-0abcd1234ef567890",
				},
				EnvironmentVariables: []EnvironmentVariable{
					{Name: "STAGE", Value: "production"},
					{Name: "API_TOKEN", Value: "apiTokens:bedrockToken", Type: "SECRETS_MANAGER"},
					{Name: "DB_PASSWORD", Value: "arn:aws:secretsmanager:us-east-1:444455556666:secret:reports/db-AbCdEf", Type: "SECRETS_MANAGER"},
				}},
		},
	},
	"legacy_connection": {
		PipelineName:   "legacy-app",
		Region:         "us-west-2",
		AccountID:      "111122223333",
		ArtifactStores: []ArtifactStore{{Location: "legacy-app-artifacts"}},
		PipelineActions: []PipelineAction{
			{Name: "Source", Category: "Source", Provider: "CodeStarSourceConnection", Configuration: map[string]string{
				"ConnectionArn":    "arn:aws:codestar-connections:us-west-2:111122223333:connection/bEXAMPLE-1234-4d5d-8878-dfcab0bc441f",
				"FullRepositoryId": "example-org/legacy-app", "BranchName": "main",
			}},
			{Name: "Build", Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "legacy-app-build"}},
		},
	},
	"elastic_beanstalk": {
		PipelineName:   "storefront",
		Region:         "eu-central-1",
		AccountID:      "111122223333",
		ArtifactStores: []ArtifactStore{{Location: "storefront-artifacts"}},
		PassRoleARNs: []string{
			"arn:aws:iam::111122223333:role/aws-elasticbeanstalk-service-role",
			"arn:aws:iam::111122223333:role/aws-elasticbeanstalk-ec2-role",
		},
		PipelineActions: []PipelineAction{
			{Name: "Source", Category: "Source", Provider: "CodeCommit", Configuration: map[string]string{
				"RepositoryName": "storefront", "BranchName": "main",
			}},
			{Name: "Deploy", Category: "Deploy", Provider: "ElasticBeanstalk", Configuration: map[string]string{
				"ApplicationName": "storefront", "EnvironmentName": "storefront-prod",
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
