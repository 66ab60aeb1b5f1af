package catalog

// Citations for statements. Each names the document that shows the grant is
// needed; a statement may cite several when it is the union of their lists.
const (
	// SeedDocument is the AWS CodePipeline User Guide page "Identity and access
	// management for AWS CodePipeline", section "Add permissions to the
	// CodePipeline service role": the per-service statements this catalog must
	// always cover.
	SeedDocument = "AWS CodePipeline User Guide, security-iam: Add permissions to the CodePipeline service role"

	docsBase = "https://docs.aws.amazon.com/codepipeline/latest/userguide/"

	DocsServiceRole            = docsBase + "how-to-custom-role.html#how-to-custom-role-policy"
	DocsSupportTable           = docsBase + "how-to-custom-role.html#how-to-update-role-new-services"
	DocsCrossAccount           = docsBase + "pipelines-create-cross-account.html"
	DocsS3Source               = docsBase + "action-reference-S3.html#edit-role-s3source"
	DocsECRSource              = docsBase + "action-reference-ECR.html#edit-role-ecr"
	DocsCodeCommit             = docsBase + "action-reference-CodeCommit.html#edit-role-codecommit"
	DocsConnection             = docsBase + "action-reference-CodestarConnectionSource.html#edit-role-connections"
	DocsGitHubV1               = docsBase + "appendix-github-oauth.html"
	DocsCodeBuild              = docsBase + "action-reference-CodeBuild.html#edit-role-codebuild"
	DocsECRBuildAndPublish     = docsBase + "action-reference-ECRBuildAndPublish.html#edit-role-ECRBuildAndPublish"
	DocsDeviceFarm             = docsBase + "action-reference-DeviceFarm.html#edit-role-devicefarm"
	DocsS3Deploy               = docsBase + "action-reference-S3Deploy.html#edit-role-s3deploy"
	DocsCloudFormation         = docsBase + "action-reference-CloudFormation.html#edit-role-cloudformation"
	DocsStackSet               = docsBase + "action-reference-StackSets.html#edit-role-cfn-stackset"
	DocsStackInstances         = docsBase + "action-reference-StackSets.html#edit-role-cfn-stackinstances"
	DocsCodeDeploy             = docsBase + "action-reference-CodeDeploy.html#edit-role-codedeploy"
	DocsCodeDeployToECS        = docsBase + "action-reference-ECSbluegreen.html#edit-role-codedeploy-ecs"
	DocsECS                    = docsBase + "action-reference-ECS.html#edit-role-ecs"
	DocsElasticBeanstalk       = docsBase + "action-reference-Beanstalk.html#edit-role-beanstalk"
	DocsOpsWorks               = docsBase + "action-reference-OpsWorks.html#edit-role-opsworks"
	DocsServiceCatalog         = docsBase + "action-reference-ServiceCatalog.html#edit-role-servicecatalog"
	DocsAlexaSkillsKit         = docsBase + "structure-configuration-examples.html"
	DocsAppConfig              = docsBase + "action-reference-AppConfig.html#edit-role-appconfig"
	DocsEC2Deploy              = docsBase + "action-reference-EC2Deploy.html#action-reference-EC2Deploy-permissions-action"
	DocsEKS                    = docsBase + "action-reference-EKS.html#action-reference-EKS-service-role"
	DocsLambdaDeploy           = docsBase + "action-reference-LambdaDeploy.html#action-reference-LambdaDeploy-permissions-action"
	DocsManualApproval         = docsBase + "approvals-service-role-permissions.html"
	DocsLambdaInvoke           = docsBase + "actions-invoke-lambda-function.html#actions-invoke-lambda-function-create-test-pipeline"
	DocsStepFunctions          = docsBase + "action-reference-StepFunctions.html#edit-role-stepfunctions"
	DocsInspectorScan          = docsBase + "action-reference-InspectorScan.html#edit-role-InspectorScan"
	DocsPipelineInvoke         = docsBase + "action-reference-PipelineInvoke.html#action-reference-PipelineInvoke-permissions-action"
	DocsSnyk                   = "https://github.com/awsdocs/aws-codepipeline-user-guide/blob/9342aee350046990b772f68b351681576b771340/doc_source/action-reference-Snyk.md"
	DocsCommands               = docsBase + "action-reference-Commands.html#action-reference-Commands-policy"
	DocsLegacyDefaultPolicy    = "https://github.com/awsdocs/aws-codepipeline-user-guide/blob/157e1e9b757011c737143e4f731243118cd1b4bf/doc_source/how-to-custom-role.md#view-default-service-role-policy"
	DocsOldestDefaultPolicy    = "https://github.com/awsdocs/aws-codepipeline-user-guide/blob/21d97b38118a870235ca77a25b463e9c52608ea7/doc_source/how-to-custom-role.md"
	DocsIAMServiceReference    = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"
	IssueConnectionsRename     = "https://github.com/hashicorp/terraform-provider-aws/issues/38611"
	IssueECSTagResource        = "https://github.com/aws/aws-cdk/issues/29400"
	IssueArtifactKeyWrite      = "https://github.com/aws/aws-cdk/issues/6594"
	IssueCodeDeployECSPassRole = "https://stackoverflow.com/questions/56781776"
)
