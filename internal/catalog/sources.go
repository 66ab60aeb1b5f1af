package catalog

// Citations for statements. Each names the document that shows the grant is
// needed; a statement may cite several when it is the union of their lists.
const (
	// SeedDocument is the AWS CodePipeline User Guide page "Identity and access
	// management for AWS CodePipeline", section "Add permissions to the
	// CodePipeline service role": the per-service statements this catalog must
	// always cover.
	SeedDocument = "AWS CodePipeline User Guide, security-iam: Add permissions to the CodePipeline service role"
	// DocsSeed is the address of that page, for outputs that link every source.
	DocsSeed = "https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html"

	docsBase = "https://docs.aws.amazon.com/codepipeline/latest/userguide/"

	DocsServiceRole  = docsBase + "how-to-custom-role.html#how-to-custom-role-policy"
	DocsSupportTable = docsBase + "how-to-custom-role.html#how-to-update-role-new-services"
	DocsCrossAccount = docsBase + "pipelines-create-cross-account.html"
	// DocsSecretsEncryption: a caller of GetSecretValue on a secret under a
	// customer managed key needs kms:Decrypt on it, via Secrets Manager.
	DocsSecretsEncryption = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html"
	// DocsCrossRegion: a pipeline needs an artifact store in each region it
	// runs actions in, one per region (also API PipelineDeclaration).
	DocsCrossRegion        = docsBase + "actions-create-cross-region.html"
	DocsS3Source           = docsBase + "action-reference-S3.html#edit-role-s3source"
	DocsECRSource          = docsBase + "action-reference-ECR.html#edit-role-ecr"
	DocsCodeCommit         = docsBase + "action-reference-CodeCommit.html#edit-role-codecommit"
	DocsConnection         = docsBase + "action-reference-CodestarConnectionSource.html#edit-role-connections"
	DocsGitHubV1           = docsBase + "appendix-github-oauth.html"
	DocsCodeBuild          = docsBase + "action-reference-CodeBuild.html#edit-role-codebuild"
	DocsECRBuildAndPublish = docsBase + "action-reference-ECRBuildAndPublish.html#edit-role-ECRBuildAndPublish"
	DocsDeviceFarm         = docsBase + "action-reference-DeviceFarm.html#edit-role-devicefarm"
	DocsS3Deploy           = docsBase + "action-reference-S3Deploy.html#edit-role-s3deploy"
	DocsCloudFormation     = docsBase + "action-reference-CloudFormation.html#edit-role-cloudformation"
	DocsStackSet           = docsBase + "action-reference-StackSets.html#edit-role-cfn-stackset"
	DocsStackInstances     = docsBase + "action-reference-StackSets.html#edit-role-cfn-stackinstances"
	DocsCodeDeploy         = docsBase + "action-reference-CodeDeploy.html#edit-role-codedeploy"
	DocsCodeDeployToECS    = docsBase + "action-reference-ECSbluegreen.html#edit-role-codedeploy-ecs"
	DocsECS                = docsBase + "action-reference-ECS.html#edit-role-ecs"
	DocsElasticBeanstalk   = docsBase + "action-reference-Beanstalk.html#edit-role-beanstalk"
	DocsOpsWorks           = docsBase + "action-reference-OpsWorks.html#edit-role-opsworks"
	DocsServiceCatalog     = docsBase + "action-reference-ServiceCatalog.html#edit-role-servicecatalog"
	DocsAlexaSkillsKit     = docsBase + "structure-configuration-examples.html"
	DocsAppConfig          = docsBase + "action-reference-AppConfig.html#edit-role-appconfig"
	DocsEC2Deploy          = docsBase + "action-reference-EC2Deploy.html#action-reference-EC2Deploy-permissions-action"
	DocsEKS                = docsBase + "action-reference-EKS.html#action-reference-EKS-service-role"
	DocsLambdaDeploy       = docsBase + "action-reference-LambdaDeploy.html#action-reference-LambdaDeploy-permissions-action"
	DocsManualApproval     = docsBase + "approvals-service-role-permissions.html"
	DocsLambdaInvoke       = docsBase + "actions-invoke-lambda-function.html#actions-invoke-lambda-function-create-test-pipeline"
	DocsStepFunctions      = docsBase + "action-reference-StepFunctions.html#edit-role-stepfunctions"
	// DocsLambdaQualifiers: Lambda compares the policy's resource with the
	// call's function name and qualifier; an unqualified ARN does not allow a
	// qualified call, and function:fn:* does not allow the unqualified one.
	DocsLambdaQualifiers = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html"
	// DocsStepFunctionsQualifiers: calls on a version or alias are authorized
	// against the state machine's ARN, narrowed by states:StateMachineQualifier.
	DocsStepFunctionsQualifiers = "https://docs.aws.amazon.com/step-functions/latest/dg/auth-version-alias.html"
	DocsInspectorScan           = docsBase + "action-reference-InspectorScan.html#edit-role-InspectorScan"
	DocsPipelineInvoke          = docsBase + "action-reference-PipelineInvoke.html#action-reference-PipelineInvoke-permissions-action"
	DocsSnyk                    = "https://github.com/awsdocs/aws-codepipeline-user-guide/blob/9342aee350046990b772f68b351681576b771340/doc_source/action-reference-Snyk.md"
	DocsCommands                = docsBase + "action-reference-Commands.html#action-reference-Commands-policy"
	DocsLegacyDefaultPolicy     = "https://github.com/awsdocs/aws-codepipeline-user-guide/blob/157e1e9b757011c737143e4f731243118cd1b4bf/doc_source/how-to-custom-role.md#view-default-service-role-policy"
	DocsOldestDefaultPolicy     = "https://github.com/awsdocs/aws-codepipeline-user-guide/blob/21d97b38118a870235ca77a25b463e9c52608ea7/doc_source/how-to-custom-role.md"
	DocsIAMServiceReference     = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"
	DocsPipelineStop            = docsBase + "concepts-how-it-works.html"
	DocsConsoleLogs             = docsBase + "security-iam-permissions-console-logs.html"
	DocsRoleArnTemplateURL      = docsBase + "action-reference-CloudFormation.html#action-reference-CloudFormation-config"
	DocsCodeBuildVPC            = "https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface"
	DocsBeanstalkUserPolicies   = "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.iam.managed-policies.html"
	DocsBeanstalkUserPolicy     = "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess-AWSElasticBeanstalk.html"
	DocsBeanstalkCallerRights   = "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/concepts-roles-user.html"
	DocsBeanstalkExtensions     = "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-resources.html"
	DocsBeanstalkManagedPolicy  = "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy.html"
	DocsOpsWorksEndOfLife       = "https://docs.aws.amazon.com/opsworks/latest/APIReference/Welcome.html"
	IssueConnectionsRename      = "https://github.com/hashicorp/terraform-provider-aws/issues/38611"
	IssueBeanstalkLogs          = "https://github.com/cloudposse/terraform-aws-cicd/issues/33"
	IssueECSTagResource         = "https://github.com/aws/aws-cdk/issues/29400"
	IssueArtifactKeyWrite       = "https://github.com/aws/aws-cdk/issues/6594"
	IssueCodeDeployECSPassRole  = "https://stackoverflow.com/questions/56781776"
)

// AWS CDK sources: the files of aws/aws-cdk's aws-codepipeline-actions (and
// the pipeline construct) whose grants the catalog is compared with, each at
// the commit read. testdata/cdk-grants.json lists what each grants.
const (
	cdkBase             = "https://github.com/aws/aws-cdk/blob/"
	CDKPipeline         = cdkBase + "02bb4861db674e5911d6801fbe9906c278f46bc5/packages/aws-cdk-lib/aws-codepipeline/lib/pipeline.ts"
	CDKS3Source         = cdkBase + "0d4920d4c56a84c3e6fd212f1ac75f0ded249f8f/packages/aws-cdk-lib/aws-codepipeline-actions/lib/s3/source-action.ts"
	CDKCodeCommitSource = cdkBase + "00e9da1ff45ffce5251cc879c9077fd1b8d90bc8/packages/aws-cdk-lib/aws-codepipeline-actions/lib/codecommit/source-action.ts"
	CDKConnectionSource = cdkBase + "0eedab31f8ce72fa327138bc9eee858a4d3754f4/packages/aws-cdk-lib/aws-codepipeline-actions/lib/codestar-connections/source-action.ts"
	CDKCodeBuild        = cdkBase + "0d4920d4c56a84c3e6fd212f1ac75f0ded249f8f/packages/aws-cdk-lib/aws-codepipeline-actions/lib/codebuild/build-action.ts"
	CDKS3Deploy         = cdkBase + "e0915c6b3ae5287d470ae9cb51018e14ced6551c/packages/aws-cdk-lib/aws-codepipeline-actions/lib/s3/deploy-action.ts"
	CDKCloudFormation   = cdkBase + "102987d175c32d0eeb3f781f031bd9404b420796/packages/aws-cdk-lib/aws-codepipeline-actions/lib/cloudformation/private/singleton-policy.ts"
	CDKStackInstances   = cdkBase + "26c1e4fb05a367ebae8232595798cf6ff9cc252b/packages/aws-cdk-lib/aws-codepipeline-actions/lib/cloudformation/stackinstances-action.ts"
	CDKElasticBeanstalk = cdkBase + "01bfbbbb3e806e5058dc217e5505d73c1052dd5f/packages/aws-cdk-lib/aws-codepipeline-actions/lib/elastic-beanstalk/deploy-action.ts"
	CDKServiceCatalog   = cdkBase + "200ac27665334abf769895859f77ea6a543e61c9/packages/aws-cdk-lib/aws-codepipeline-actions/lib/servicecatalog/deploy-action-beta1.ts"
	CDKECSDeploy        = cdkBase + "26c1e4fb05a367ebae8232595798cf6ff9cc252b/packages/aws-cdk-lib/aws-codepipeline-actions/lib/ecs/deploy-action.ts"
	CDKCommands         = cdkBase + "01d3c1b9ee5bb32b5e67bd7e6e3c575b9208cd40/packages/aws-cdk-lib/aws-codepipeline-actions/lib/commands/commands-action.ts"
	CDKLambdaInvoke     = cdkBase + "1b4ef4f318e9be8ee1b601ad04f18fe7de0f3ecd/packages/aws-cdk-lib/aws-codepipeline-actions/lib/lambda/invoke-action.ts"
	CDKInspectorScan    = cdkBase + "05f41b5388913c525ec5ab70c1d9a5674a5c90e4/packages/aws-cdk-lib/aws-codepipeline-actions/lib/inspector/scan-action-base.ts"
)

// BeanstalkManagedPolicy is the AWS managed policy for Elastic Beanstalk
// environment updates that the ElasticBeanstalk entry is built from;
// testdata/managed-policies.json holds the version read.
const BeanstalkManagedPolicy = "AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy"

// BeanstalkUserPolicy is the AWS managed policy for users who manage Elastic
// Beanstalk environments and their resources; it can stand in for the
// deploy action's statements on other services (see ManagedAlternative).
const BeanstalkUserPolicy = "AdministratorAccess-AWSElasticBeanstalk"
