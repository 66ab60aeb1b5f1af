package catalog

import "slices"

// Configuration keys per action type, from each action's reference page
// ("Configuration parameters"). Keys that name resources fill the templates of
// the same name, checked by their naming rule; Setting keys only switch
// statements on and off, and those with documented values accept only those.

func name(key string, required bool, rule *NamingRule) ConfigKey {
	return ConfigKey{Name: key, Kind: Name, Required: required, Naming: rule}
}

func nameList(key string, rule *NamingRule) ConfigKey {
	return ConfigKey{Name: key, Kind: NameList, Naming: rule}
}

func arnOf(key string, required bool, rule *NamingRule, resourceType string, services ...string) ConfigKey {
	return ConfigKey{Name: key, Kind: ARN, Required: required, Naming: rule,
		ARN: &ARNForm{Services: services, ResourceType: resourceType}}
}

// functionName is a Lambda function key; qualifier is nil where the key names
// the function alone and its version or alias has a key of its own.
func functionName(key string, qualifier *NamingRule) ConfigKey {
	return ConfigKey{Name: key, Kind: FunctionName, Required: true, Naming: lambdaFunction, Qualifier: qualifier,
		ARN: &ARNForm{Services: []string{"lambda"}, ResourceType: "function:"}}
}

// qualified lets a key's name carry a version or alias after a colon.
func qualified(k ConfigKey, qualifier *NamingRule) ConfigKey {
	k.Qualifier = qualifier
	return k
}

func setting(key string, required bool, values ...string) ConfigKey {
	return ConfigKey{Name: key, Kind: Setting, Required: required, Values: values}
}

func settings(required bool, keys ...string) []ConfigKey {
	out := make([]ConfigKey, len(keys))
	for i, k := range keys {
		out[i] = setting(k, required)
	}
	return out
}

var (
	trueOrFalse   = []string{"true", "false"}
	artifactForms = []string{"CODE_ZIP", "CODEBUILD_CLONE_REF"}
	callAs        = []string{"SELF", "DELEGATED_ADMIN"}
	roleARN       = func(key string) ConfigKey { return arnOf(key, false, IAMRole, "role/", "iam") }
)

// codeBuildKeys serve the Build and Test CodeBuild actions and the CodeBuild rule.
var codeBuildKeys = slices.Concat([]ConfigKey{name("ProjectName", true, codeBuildProject), roleARN("ServiceRoleArnOverride"),
	setting("BatchEnabled", false, trueOrFalse...), setting("CombineArtifacts", false, trueOrFalse...)},
	settings(false, "PrimarySource", "BuildspecOverride", "EnvironmentVariables"))

var configKeys = map[string][]ConfigKey{
	"Source/S3": {name("S3Bucket", true, s3Bucket), name("S3ObjectKey", true, s3ObjectKey),
		setting("AllowOverrideForS3ObjectKey", false, trueOrFalse...), setting("PollForSourceChanges", false, trueOrFalse...)},
	"Source/ECR": {name("RepositoryName", true, ecrRepository), setting("ImageTag", false)},
	"Source/CodeCommit": {name("RepositoryName", true, codeCommitRepository), setting("BranchName", true),
		setting("PollForSourceChanges", false, trueOrFalse...), setting("OutputArtifactFormat", false, artifactForms...)},
	"Source/CodeStarSourceConnection": {
		arnOf("ConnectionArn", true, connection, "connection/", "codestar-connections", "codeconnections"),
		setting("FullRepositoryId", true), setting("BranchName", true), setting("OutputArtifactFormat", false, artifactForms...),
		setting("DetectChanges", false, trueOrFalse...),
	},
	"Source/GitHub":   slices.Concat(settings(true, "Owner", "Repo", "Branch", "OAuthToken"), []ConfigKey{setting("PollForSourceChanges", false, trueOrFalse...)}),
	"Build/CodeBuild": codeBuildKeys,
	"Test/CodeBuild":  codeBuildKeys,
	"Build/ECRBuildAndPublish": {name("ECRRepositoryName", true, ecrRepository), setting("DockerFilePath", false),
		setting("ImageTags", false), setting("RegistryType", false, "private", "public")},
	"Test/DeviceFarm": slices.Concat(
		[]ConfigKey{name("ProjectId", true, deviceFarmProject), arnOf("DevicePoolArn", true, deviceFarmPool, "devicepool:", "devicefarm")},
		settings(true, "AppType", "App", "TestType"),
		settings(false, "TestSpec", "RadioBluetoothEnabled", "RecordAppPerformanceData", "RecordVideo", "RadioWifiEnabled",
			"RadioNfcEnabled", "RadioGpsEnabled", "Test", "FuzzEventCount", "FuzzEventThrottle", "FuzzRandomizerSeed",
			"CustomHostMachineArtifacts", "CustomDeviceArtifacts", "UnmeteredDevicesOnly", "JobTimeoutMinutes", "Latitude", "Longitude"),
	),
	"Deploy/S3": {name("BucketName", true, s3Bucket), setting("Extract", true, trueOrFalse...), name("ObjectKey", false, s3ObjectKey),
		setting("KMSEncryptionKeyARN", false), setting("CannedACL", false), setting("CacheControl", false)},
	"Deploy/CloudFormation": slices.Concat([]ConfigKey{
		setting("ActionMode", true, "CHANGE_SET_EXECUTE", "CHANGE_SET_REPLACE", "CREATE_UPDATE", "DELETE_ONLY", "REPLACE_ON_FAILURE"),
		name("StackName", true, cloudFormationStack), roleARN("RoleArn")},
		settings(false, "Capabilities", "ChangeSetName", "TemplatePath", "OutputFileName", "ParameterOverrides", "TemplateConfiguration")),
	"Deploy/CloudFormationStackSet": slices.Concat(
		[]ConfigKey{name("StackSetName", true, cloudFormationStackSet), setting("TemplatePath", true), roleARN("AdministrationRoleArn"),
			setting("PermissionModel", false, "SELF_MANAGED", "SERVICE_MANAGED"), setting("CallAs", false, callAs...)},
		settings(false, "Description", "Parameters", "Capabilities", "ExecutionRoleName",
			"OrganizationsAutoDeployment", "DeploymentTargets", "Regions", "FailureTolerancePercentage",
			"MaxConcurrentPercentage", "RegionConcurrencyType", "ConcurrencyMode"),
	),
	"Deploy/CloudFormationStackInstances": slices.Concat(
		[]ConfigKey{name("StackSetName", true, cloudFormationStackSet), setting("Regions", true), setting("CallAs", false, callAs...)},
		settings(false, "DeploymentTargets", "ParameterOverrides", "FailureTolerancePercentage", "MaxConcurrentPercentage",
			"RegionConcurrencyType", "ConcurrencyMode")),
	"Deploy/CodeDeploy": {name("ApplicationName", true, codeDeployApplication), name("DeploymentGroupName", true, codeDeployGroup)},
	"Deploy/CodeDeployToECS": slices.Concat(
		[]ConfigKey{name("ApplicationName", true, codeDeployApplication), name("DeploymentGroupName", true, codeDeployGroup)},
		settings(true, "TaskDefinitionTemplateArtifact", "AppSpecTemplateArtifact"),
		settings(false, "AppSpecTemplatePath", "TaskDefinitionTemplatePath",
			"Image1ArtifactName", "Image1ContainerName", "Image2ArtifactName", "Image2ContainerName",
			"Image3ArtifactName", "Image3ContainerName", "Image4ArtifactName", "Image4ContainerName"),
	),
	"Deploy/ECS": {name("ClusterName", true, ecsCluster), name("ServiceName", true, ecsService),
		setting("FileName", false), setting("DeploymentTimeout", false)},
	"Deploy/ElasticBeanstalk": {name("ApplicationName", true, beanstalkApplication), name("EnvironmentName", true, beanstalkEnvironment)},
	"Deploy/OpsWorks":         {name("Stack", true, opsWorksStack), setting("App", true), setting("Layer", false)},
	"Deploy/ServiceCatalog": slices.Concat([]ConfigKey{name("ProductId", true, serviceCatalogProduct)},
		settings(true, "TemplateFilePath", "ProductVersionName", "ProductType"),
		settings(false, "ProductVersionDescription", "ConfigurationFilePath")),
	"Deploy/AlexaSkillsKit": settings(true, "ClientId", "ClientSecret", "RefreshToken", "SkillId"),
	"Deploy/AppConfig": {name("Application", true, appConfigID), name("Environment", true, appConfigID),
		name("ConfigurationProfile", true, appConfigID), setting("InputArtifactConfigurationPath", true), setting("DeploymentStrategy", false)},
	"Deploy/EC2": slices.Concat([]ConfigKey{name("InstanceTagKey", true, ec2TagKey), name("InstanceTagValue", false, ec2TagValue),
		nameList("TargetGroupNameList", targetGroup), setting("InstanceType", true, "EC2", "SSM_MANAGED_NODE")},
		settings(true, "PostScript"),
		settings(false, "TargetDirectory", "DeploySpec", "MaxBatch", "MaxError", "PreScript")),
	"Deploy/EKS": slices.Concat([]ConfigKey{name("ClusterName", true, eksCluster)},
		settings(false, "HelmReleaseName", "HelmChartLocation", "HelmValuesFiles", "ManifestFiles", "Namespace", "Subnets", "SecurityGroupIds")),
	"Deploy/Lambda": {functionName("FunctionName", nil), setting("FunctionAlias", false),
		setting("PublishedTargetVersion", false), setting("DeployStrategy", false), nameList("Alarms", cloudWatchAlarm)},
	"Approval/Manual": {arnOf("NotificationArn", false, snsTopic, "", "sns"), setting("ExternalEntityLink", false), setting("CustomData", false)},
	"Invoke/Lambda":   {functionName("FunctionName", lambdaQualifier), setting("UserParameters", false)},
	"Invoke/StepFunctions": {qualified(arnOf("StateMachineArn", true, stepFunctionsStateMachine, "stateMachine:", "states"), stateMachineQualifier),
		name("ExecutionNamePrefix", false, stepFunctionsExecutionPrefix), setting("InputType", false, "Literal", "FilePath"), setting("Input", false)},
	"Invoke/InspectorScan": slices.Concat([]ConfigKey{setting("InspectorRunMode", true, "SourceCodeScan", "ECRImageScan"),
		name("ECRRepositoryName", false, ecrRepository)},
		settings(false, "ImageTag", "CriticalThreshold", "HighThreshold", "MediumThreshold", "LowThreshold")),
	"Invoke/CodePipeline": {name("PipelineName", true, pipeline), setting("SourceRevisions", false), setting("Variables", false)},
	"Compute/Commands": {setting("EnvironmentType", false), setting("ComputeType", false),
		name("VpcId", false, ec2VPC), nameList("Subnets", ec2Subnet), nameList("SecurityGroupIds", ec2SecurityGroup)},
}

func init() {
	for i := range actionTypes {
		actionTypes[i].ConfigKeys = configKeys[actionTypes[i].Key()]
	}
}
