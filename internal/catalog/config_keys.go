package catalog

import "slices"

// Configuration keys per action type, from each action's reference page
// ("Configuration parameters"). Keys that name resources fill the templates of
// the same name; Setting keys only switch statements on and off.

func name(key string, required bool) ConfigKey {
	return ConfigKey{Name: key, Kind: Name, Required: required}
}

func setting(key string, required bool) ConfigKey {
	return ConfigKey{Name: key, Kind: Setting, Required: required}
}

func arnOf(key string, required bool, resourceType string, services ...string) ConfigKey {
	return ConfigKey{Name: key, Kind: ARN, Required: required, Services: services, ResourceType: resourceType}
}

func settings(required bool, keys ...string) []ConfigKey {
	out := make([]ConfigKey, len(keys))
	for i, k := range keys {
		out[i] = setting(k, required)
	}
	return out
}

// codeBuildKeys serve both the Build and the Test CodeBuild action.
var codeBuildKeys = slices.Concat([]ConfigKey{name("ProjectName", true), arnOf("ServiceRoleArnOverride", false, "role/", "iam")},
	settings(false, "PrimarySource", "BatchEnabled", "CombineArtifacts", "BuildspecOverride", "EnvironmentVariables"))

var configKeys = map[string][]ConfigKey{
	"Source/S3": {name("S3Bucket", true), name("S3ObjectKey", true),
		setting("AllowOverrideForS3ObjectKey", false), setting("PollForSourceChanges", false)},
	"Source/ECR":        {name("RepositoryName", true), setting("ImageTag", false)},
	"Source/CodeCommit": {name("RepositoryName", true), setting("BranchName", true), setting("PollForSourceChanges", false), setting("OutputArtifactFormat", false)},
	"Source/CodeStarSourceConnection": {
		arnOf("ConnectionArn", true, "connection/", "codestar-connections", "codeconnections"),
		setting("FullRepositoryId", true), setting("BranchName", true), setting("OutputArtifactFormat", false), setting("DetectChanges", false),
	},
	"Source/GitHub":            slices.Concat(settings(true, "Owner", "Repo", "Branch", "OAuthToken"), settings(false, "PollForSourceChanges")),
	"Build/CodeBuild":          codeBuildKeys,
	"Test/CodeBuild":           codeBuildKeys,
	"Build/ECRBuildAndPublish": {name("ECRRepositoryName", true), setting("DockerFilePath", false), setting("ImageTags", false), setting("RegistryType", false)},
	"Test/DeviceFarm": slices.Concat(
		[]ConfigKey{name("ProjectId", true), arnOf("DevicePoolArn", true, "devicepool:", "devicefarm")},
		settings(true, "AppType", "App", "TestType"),
		settings(false, "TestSpec", "RadioBluetoothEnabled", "RecordAppPerformanceData", "RecordVideo", "RadioWifiEnabled",
			"RadioNfcEnabled", "RadioGpsEnabled", "Test", "FuzzEventCount", "FuzzEventThrottle", "FuzzRandomizerSeed",
			"CustomHostMachineArtifacts", "CustomDeviceArtifacts", "UnmeteredDevicesOnly", "JobTimeoutMinutes", "Latitude", "Longitude"),
	),
	"Deploy/S3": {name("BucketName", true), setting("Extract", true), name("ObjectKey", false),
		setting("KMSEncryptionKeyARN", false), setting("CannedACL", false), setting("CacheControl", false)},
	"Deploy/CloudFormation": slices.Concat([]ConfigKey{setting("ActionMode", true), name("StackName", true), arnOf("RoleArn", false, "role/", "iam")},
		settings(false, "Capabilities", "ChangeSetName", "TemplatePath", "OutputFileName", "ParameterOverrides", "TemplateConfiguration")),
	"Deploy/CloudFormationStackSet": slices.Concat(
		[]ConfigKey{name("StackSetName", true), setting("TemplatePath", true), arnOf("AdministrationRoleArn", false, "role/", "iam")},
		settings(false, "Description", "Parameters", "Capabilities", "PermissionModel", "ExecutionRoleName",
			"OrganizationsAutoDeployment", "DeploymentTargets", "Regions", "FailureTolerancePercentage",
			"MaxConcurrentPercentage", "RegionConcurrencyType", "ConcurrencyMode", "CallAs"),
	),
	"Deploy/CloudFormationStackInstances": slices.Concat([]ConfigKey{name("StackSetName", true), setting("Regions", true)},
		settings(false, "DeploymentTargets", "ParameterOverrides", "FailureTolerancePercentage", "MaxConcurrentPercentage",
			"RegionConcurrencyType", "ConcurrencyMode", "CallAs")),
	"Deploy/CodeDeploy": {name("ApplicationName", true), name("DeploymentGroupName", true)},
	"Deploy/CodeDeployToECS": slices.Concat(
		[]ConfigKey{name("ApplicationName", true), name("DeploymentGroupName", true)},
		settings(true, "TaskDefinitionTemplateArtifact", "AppSpecTemplateArtifact"),
		settings(false, "AppSpecTemplatePath", "TaskDefinitionTemplatePath",
			"Image1ArtifactName", "Image1ContainerName", "Image2ArtifactName", "Image2ContainerName",
			"Image3ArtifactName", "Image3ContainerName", "Image4ArtifactName", "Image4ContainerName"),
	),
	"Deploy/ECS":              {name("ClusterName", true), name("ServiceName", true), setting("FileName", false), setting("DeploymentTimeout", false)},
	"Deploy/ElasticBeanstalk": {name("ApplicationName", true), name("EnvironmentName", true)},
	"Deploy/OpsWorks":         {name("Stack", true), setting("App", true), setting("Layer", false)},
	"Deploy/ServiceCatalog": slices.Concat([]ConfigKey{name("ProductId", true)},
		settings(true, "TemplateFilePath", "ProductVersionName", "ProductType"),
		settings(false, "ProductVersionDescription", "ConfigurationFilePath")),
	"Deploy/AlexaSkillsKit": settings(true, "ClientId", "ClientSecret", "RefreshToken", "SkillId"),
	"Deploy/AppConfig": {name("Application", true), name("Environment", true), name("ConfigurationProfile", true),
		setting("InputArtifactConfigurationPath", true), setting("DeploymentStrategy", false)},
	"Deploy/EC2": slices.Concat([]ConfigKey{name("InstanceTagKey", true), name("InstanceTagValue", false),
		{Name: "TargetGroupNameList", Kind: NameList}},
		settings(true, "InstanceType", "PostScript"),
		settings(false, "TargetDirectory", "DeploySpec", "MaxBatch", "MaxError", "PreScript")),
	"Deploy/EKS": slices.Concat([]ConfigKey{name("ClusterName", true)},
		settings(false, "HelmReleaseName", "HelmChartLocation", "HelmValuesFiles", "ManifestFiles", "Namespace", "Subnets", "SecurityGroupIds")),
	"Deploy/Lambda": {{Name: "FunctionName", Kind: FunctionName, Required: true}, setting("FunctionAlias", false),
		setting("PublishedTargetVersion", false), setting("DeployStrategy", false), {Name: "Alarms", Kind: NameList}},
	"Approval/Manual":      {arnOf("NotificationArn", false, "", "sns"), setting("ExternalEntityLink", false), setting("CustomData", false)},
	"Invoke/Lambda":        {{Name: "FunctionName", Kind: FunctionName, Required: true}, setting("UserParameters", false)},
	"Invoke/StepFunctions": {arnOf("StateMachineArn", true, "stateMachine:", "states"), name("ExecutionNamePrefix", false), setting("InputType", false), setting("Input", false)},
	"Invoke/InspectorScan": slices.Concat([]ConfigKey{setting("InspectorRunMode", true), name("ECRRepositoryName", false)},
		settings(false, "ImageTag", "CriticalThreshold", "HighThreshold", "MediumThreshold", "LowThreshold")),
	"Invoke/CodePipeline": {name("PipelineName", true), setting("SourceRevisions", false), setting("Variables", false)},
	"Compute/Commands":    settings(false, "EnvironmentType", "ComputeType"),
}

func init() {
	for i := range actionTypes {
		actionTypes[i].ConfigKeys = configKeys[actionTypes[i].Key()]
	}
}
