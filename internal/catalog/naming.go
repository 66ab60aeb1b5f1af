package catalog

// Naming rules of the resources configuration keys name, each as the owning
// service's API reference states it. A value that breaks its rule can only
// render an ARN that matches nothing, so it is refused on its key.

const apiRef = "https://docs.aws.amazon.com/"

// uuidShape matches IDs that have a UUID's shape; the letters are not limited
// to hex digits, so the documentation's EXAMPLE IDs pass too.
// stepFunctionsName excludes what Step Functions forbids in state machine and
// execution names.
const stepFunctionsName = "^[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]{1,80}$"

const uuidShape = `^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$`

var (
	codeBuildProject = &NamingRule{
		Resource: "CodeBuild project name",
		Example:  "my-build-project",
		Pattern:  `^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$`,
		Rule:     "2 to 255 letters, digits, hyphens and underscores, starting with a letter or digit",
		Source:   apiRef + "codebuild/latest/APIReference/API_CreateProject.html",
	}
	cloudFormationStack = &NamingRule{
		Resource: "CloudFormation stack name",
		Example:  "my-stack",
		Pattern:  `^[A-Za-z][A-Za-z0-9-]{0,127}$`,
		Rule:     "1 to 128 letters, digits and hyphens, starting with a letter",
		Source:   apiRef + "AWSCloudFormation/latest/APIReference/API_CreateStack.html",
	}
	cloudFormationStackSet = &NamingRule{
		Resource: "CloudFormation stack set name",
		Example:  "my-stack-set",
		Pattern:  `^[A-Za-z][A-Za-z0-9-]{0,127}$`,
		Rule:     "1 to 128 letters, digits and hyphens, starting with a letter",
		Source:   apiRef + "AWSCloudFormation/latest/APIReference/API_CreateStackSet.html",
	}
	ecsCluster = &NamingRule{
		Resource: "ECS cluster name",
		Example:  "my-cluster",
		Pattern:  `^[A-Za-z0-9_-]{1,255}$`,
		Rule:     "1 to 255 letters, digits, hyphens and underscores",
		Source:   apiRef + "AmazonECS/latest/APIReference/API_CreateCluster.html",
	}
	ecsService = &NamingRule{
		Resource: "ECS service name",
		Example:  "my-service",
		Pattern:  `^[A-Za-z0-9_-]{1,255}$`,
		Rule:     "1 to 255 letters, digits, hyphens and underscores",
		Source:   apiRef + "AmazonECS/latest/APIReference/API_CreateService.html",
	}
	s3Bucket = &NamingRule{
		Resource: "S3 bucket name",
		Example:  "my-bucket",
		Pattern:  `^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`,
		Rule:     "3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit",
		Source:   apiRef + "AmazonS3/latest/userguide/bucketnamingrules.html",
	}
	s3ObjectKey = &NamingRule{
		Resource:  "S3 object key",
		Example:   "releases/app.zip",
		Pattern:   `^[^\x00-\x1f\x7f]+$`,
		MaxLength: 1024,
		Rule:      "1 to 1,024 characters without control characters",
		Source:    apiRef + "AmazonS3/latest/userguide/object-keys.html",
	}
	lambdaFunction = &NamingRule{
		Resource: "Lambda function name",
		Example:  "my-function",
		Pattern:  `^[A-Za-z0-9_-]{1,64}$`,
		Rule:     "1 to 64 letters, digits, hyphens and underscores",
		Source:   apiRef + "lambda/latest/api/API_CreateFunction.html",
	}
	lambdaQualifier = &NamingRule{
		Resource: "Lambda version or alias",
		Example:  "live",
		Pattern:  `^(\$LATEST|[0-9]{1,10}|[A-Za-z0-9_-]{1,128})$`,
		Rule:     "$LATEST, a version number, or an alias of 1 to 128 letters, digits, hyphens and underscores",
		Source:   apiRef + "lambda/latest/api/API_Invoke.html",
	}
	stateMachineQualifier = &NamingRule{
		Resource: "Step Functions version or alias",
		Example:  "prod",
		Pattern:  `^[A-Za-z0-9_.-]{1,80}$`,
		Rule:     "a version number or an alias of 1 to 80 letters, digits and _ . -",
		Source:   apiRef + "step-functions/latest/apireference/API_CreateStateMachineAlias.html",
	}
	snsTopic = &NamingRule{
		Resource: "SNS topic name",
		Example:  "my-topic",
		Pattern:  `^[A-Za-z0-9_-]{1,256}(\.fifo)?$`,
		Rule:     "1 to 256 letters, digits, hyphens and underscores, with .fifo at the end of a FIFO topic",
		Source:   apiRef + "sns/latest/api/API_CreateTopic.html",
	}
	cloudWatchAlarm = &NamingRule{
		Resource: "CloudWatch alarm name",
		Example:  "my-alarm",
		Pattern:  `^[^\x00-\x1f\x7f,]{1,255}$`,
		Rule:     "1 to 255 characters without control characters (and no commas in a list of alarms)",
		Source:   apiRef + "AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html",
	}
	codeDeployApplication = &NamingRule{
		Resource: "CodeDeploy application name",
		Example:  "my-application",
		Pattern:  `^[^\x00-\x1f\x7f]{1,100}$`,
		Rule:     "1 to 100 characters without control characters",
		Source:   apiRef + "codedeploy/latest/APIReference/API_CreateApplication.html",
	}
	codeDeployGroup = &NamingRule{
		Resource: "CodeDeploy deployment group name",
		Example:  "my-deployment-group",
		Pattern:  `^[^\x00-\x1f\x7f]{1,100}$`,
		Rule:     "1 to 100 characters without control characters",
		Source:   apiRef + "codedeploy/latest/APIReference/API_CreateDeploymentGroup.html",
	}
	beanstalkApplication = &NamingRule{
		Resource: "Elastic Beanstalk application name",
		Example:  "my-application",
		Pattern:  `^[^\x00-\x1f\x7f/]{1,100}$`,
		Rule:     "1 to 100 characters without control characters or slashes",
		Source:   apiRef + "elasticbeanstalk/latest/api/API_CreateApplication.html",
	}
	beanstalkEnvironment = &NamingRule{
		Resource: "Elastic Beanstalk environment name",
		Example:  "my-environment",
		Pattern:  `^[A-Za-z0-9][A-Za-z0-9-]{2,38}[A-Za-z0-9]$`,
		Rule:     "4 to 40 letters, digits and hyphens, not starting or ending with a hyphen",
		Source:   apiRef + "elasticbeanstalk/latest/api/API_CreateEnvironment.html",
	}
	ecrRepository = &NamingRule{
		Resource:  "ECR repository name",
		Example:   "my-repository",
		Pattern:   `^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$`,
		MaxLength: 256,
		Rule:      "2 to 256 lowercase letters, digits and the separators . _ - /, starting and ending with a letter or digit",
		Source:    apiRef + "AmazonECR/latest/APIReference/API_CreateRepository.html",
	}
	codeCommitRepository = &NamingRule{
		Resource: "CodeCommit repository name",
		Example:  "my-repository",
		Pattern:  `^[A-Za-z0-9._-]{1,100}$`,
		Rule:     "1 to 100 letters, digits, dots, hyphens and underscores",
		Source:   apiRef + "codecommit/latest/APIReference/API_CreateRepository.html",
	}
	stepFunctionsExecutionPrefix = &NamingRule{
		Resource: "Step Functions execution name prefix",
		Example:  "my-prefix",
		Pattern:  stepFunctionsName,
		Rule:     "1 to 80 characters without whitespace, control characters or any of < > { } [ ] ? * \" # % \\ ^ | ~ ` $ & , ; : /",
		Source:   apiRef + "step-functions/latest/apireference/API_StartExecution.html",
	}
	stepFunctionsStateMachine = &NamingRule{
		Resource: "Step Functions state machine name",
		Example:  "my-state-machine",
		Pattern:  stepFunctionsName,
		Rule:     "1 to 80 characters without whitespace, control characters or any of < > { } [ ] ? * \" # % \\ ^ | ~ ` $ & , ; : /",
		Source:   apiRef + "step-functions/latest/apireference/API_CreateStateMachine.html",
	}
	deviceFarmProject = &NamingRule{
		Resource: "Device Farm project ID",
		Example:  "eec4905f-98f8-40aa-9afc-4c1cf0000001",
		Pattern:  uuidShape,
		Rule:     "the project's ID, a UUID such as eec4905f-98f8-40aa-9afc-4c1cf0000001, from the project's console URL",
		Source:   DocsDeviceFarm,
	}
	deviceFarmPool = &NamingRule{
		Resource: "Device Farm device pool ID",
		Example:  "eec4905f-98f8-40aa-9afc-4c1cf0000001/0f1a2b3c-d7d7-48a5-ba5c-b33d66efa1f5",
		Pattern:  `^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}/[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$`,
		Rule:     "a project ID and a pool ID, both UUIDs, separated by a slash",
		Source:   apiRef + "devicefarm/latest/APIReference/API_DevicePool.html",
	}
	serviceCatalogProduct = &NamingRule{
		Resource: "Service Catalog product ID",
		Example:  "prod-abcdefgh12345",
		Pattern:  `^[A-Za-z0-9_-]{1,100}$`,
		Rule:     "the product's ID, 1 to 100 letters, digits, hyphens and underscores, such as prod-abcdefgh12345",
		Source:   apiRef + "servicecatalog/latest/dg/API_DescribeProduct.html",
	}
	appConfigID = &NamingRule{
		Resource: "AppConfig ID",
		Example:  "abc1234",
		Pattern:  `^[a-z0-9]{4,7}$`,
		Rule:     "the resource's ID, 4 to 7 lowercase letters and digits (not its name)",
		Source:   apiRef + "appconfig/2019-10-09/APIReference/API_StartDeployment.html",
	}
	eksCluster = &NamingRule{
		Resource: "EKS cluster name",
		Example:  "my-cluster",
		Pattern:  `^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$`,
		Rule:     "1 to 100 letters, digits, hyphens and underscores, starting with a letter or digit",
		Source:   apiRef + "eks/latest/APIReference/API_CreateCluster.html",
	}
	opsWorksStack = &NamingRule{
		Resource: "OpsWorks stack ID",
		Example:  "cfb7e082-ad1d-4599-8e81-de1c39ab45bf",
		Pattern:  uuidShape,
		Rule:     "the stack's ID, a UUID",
		Source:   apiRef + "opsworks/latest/APIReference/API_CreateDeployment.html",
	}
	ec2TagKey = &NamingRule{
		Resource: "EC2 tag key",
		Example:  "Environment",
		Pattern:  `^[\p{L}\p{N} +\-=._:/@]{1,128}$`,
		Rule:     "1 to 128 letters, digits, spaces and + - = . _ : / @",
		Source:   apiRef + "AWSEC2/latest/UserGuide/Using_Tags.html",
	}
	ec2TagValue = &NamingRule{
		Resource: "EC2 tag value",
		Example:  "production",
		Pattern:  `^[\p{L}\p{N} +\-=._:/@]{0,256}$`,
		Rule:     "up to 256 letters, digits, spaces and + - = . _ : / @",
		Source:   apiRef + "AWSEC2/latest/UserGuide/Using_Tags.html",
	}
	targetGroup = &NamingRule{
		Resource: "Elastic Load Balancing target group name",
		Example:  "my-target-group",
		Pattern:  `^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$`,
		Rule:     "1 to 32 letters, digits and hyphens, not starting or ending with a hyphen",
		Source:   apiRef + "elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html",
	}
	pipeline = &NamingRule{
		Resource: "CodePipeline pipeline name",
		Example:  "my-pipeline",
		Pattern:  `^[A-Za-z0-9.@_-]{1,100}$`,
		Rule:     "1 to 100 letters, digits and . @ - _",
		Source:   apiRef + "codepipeline/latest/APIReference/API_PipelineDeclaration.html",
	}
	// IAMRole is the rule of a role's path and name, as in a role ARN after "role/".
	IAMRole = &NamingRule{
		Resource: "IAM role path and name",
		Example:  "my-role",
		Pattern:  `^(?:[\x21-\x7e]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$`,
		Rule:     "an optional path and a name of 1 to 64 letters, digits and + = , . @ - _",
		Source:   apiRef + "IAM/latest/APIReference/API_CreateRole.html",
	}
	connection = &NamingRule{
		Resource: "connection ID",
		Example:  "aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
		Pattern:  uuidShape,
		Rule:     "a UUID, as in the last part of the connection's ARN",
		Source:   apiRef + "dtconsole/latest/APIReference/API_Connection.html",
	}
	// SecretSuffix is what Secrets Manager appends to a secret's name in its
	// ARN: a hyphen and six random characters. A secret given by name is
	// granted with it, the one pattern a secret's grant holds
	// (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resources.html).
	SecretSuffix = "-??????"
	// SecretNaming is the rule of a Secrets Manager secret name, which an
	// environment variable of type SECRETS_MANAGER holds.
	SecretNaming = &NamingRule{
		Resource: "Secrets Manager secret name",
		Example:  "my-secret",
		Pattern:  `^[A-Za-z0-9/_+=.@-]{1,512}$`,
		Rule:     "1 to 512 letters, digits and / _ + = . @ -",
		Source:   apiRef + "secretsmanager/latest/apireference/API_CreateSecret.html",
	}
	ec2VPC = &NamingRule{
		Resource: "VPC ID",
		Example:  "vpc-0abcd1234ef567890",
		Pattern:  `^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$`,
		Rule:     "vpc- and 8 or 17 hexadecimal digits",
		Source:   apiRef + "AWSEC2/latest/APIReference/API_Vpc.html",
	}
	ec2Subnet = &NamingRule{
		Resource: "subnet ID",
		Example:  "subnet-0abcd1234ef567890",
		Pattern:  `^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$`,
		Rule:     "subnet- and 8 or 17 hexadecimal digits; separate several with commas",
		Source:   apiRef + "AWSEC2/latest/APIReference/API_Subnet.html",
	}
	ec2SecurityGroup = &NamingRule{
		Resource: "security group ID",
		Example:  "sg-0abcd1234ef567890",
		Pattern:  `^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$`,
		Rule:     "sg- and 8 or 17 hexadecimal digits; separate several with commas",
		Source:   apiRef + "AWSEC2/latest/APIReference/API_SecurityGroup.html",
	}
)
