package catalog

// The Elastic Beanstalk deploy action calls UpdateEnvironment, and Elastic
// Beanstalk then updates the environment's CloudFormation stack with the
// caller's permissions: the pipeline's role needs whatever the stack changes.
// AWS keeps a scoped policy for exactly such an update, the managed policy
// AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy; these statements are
// built from it (testdata/managed-policies.json holds the version read),
// limited to the action's region and account and to the names Elastic
// Beanstalk gives its resources: awseb-e-<environment id>-... or eb-...,
// the bucket elasticbeanstalk-<region>-<account>, and log groups under
// /aws/elasticbeanstalk/<environment name>/. The environment ID is not part
// of the pipeline definition, so names stay prefix-wide.

// beanstalkSource cites both the managed policy and the action's page.
var beanstalkSource = []string{DocsBeanstalkManagedPolicy, DocsElasticBeanstalk}

// inBeanstalkRegion prefixes a resource of service in the action's region and account.
func inBeanstalkRegion(service, resource string) string {
	return "arn:${Partition}:" + service + ":${Region}:${Account}:" + resource
}

func beanstalkStatement(sid string, actions []string, resources ...string) Statement {
	return Statement{Sid: sid, Actions: actions, Resources: resources, Sources: beanstalkSource}
}

var beanstalkStatements = []Statement{
	{
		Sid:     "BeanstalkApplicationVersions",
		Actions: []string{"elasticbeanstalk:CreateApplicationVersion"},
		Resources: []string{
			inBeanstalkRegion("elasticbeanstalk", "application/${ApplicationName}"),
			inBeanstalkRegion("elasticbeanstalk", "applicationversion/${ApplicationName}/*"),
		},
		Sources: []string{DocsOldestDefaultPolicy, DocsElasticBeanstalk},
	},
	{
		Sid:       "BeanstalkUpdateEnvironment",
		Actions:   []string{"elasticbeanstalk:UpdateEnvironment"},
		Resources: []string{inBeanstalkRegion("elasticbeanstalk", "environment/${ApplicationName}/${EnvironmentName}")},
		Sources:   []string{DocsOldestDefaultPolicy, DocsElasticBeanstalk},
	},
	{
		Sid: "BeanstalkRead",
		Actions: []string{
			"autoscaling:DescribeAccountLimits", "autoscaling:DescribeAutoScalingGroups",
			"autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLaunchConfigurations",
			"autoscaling:DescribeLoadBalancers", "autoscaling:DescribeNotificationConfigurations",
			"autoscaling:DescribeScalingActivities", "autoscaling:DescribeScheduledActions",
			"ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones",
			"ec2:DescribeImages", "ec2:DescribeInstances", "ec2:DescribeKeyPairs", "ec2:DescribeLaunchTemplateVersions",
			"ec2:DescribeLaunchTemplates", "ec2:DescribeSecurityGroups", "ec2:DescribeSnapshots",
			"ec2:DescribeSpotInstanceRequests", "ec2:DescribeSubnets", "ec2:DescribeVpcClassicLink", "ec2:DescribeVpcs",
			"elasticbeanstalk:DescribeApplicationVersions", "elasticbeanstalk:DescribeEnvironments",
			"elasticbeanstalk:DescribeEvents", "elasticloadbalancing:DescribeInstanceHealth",
			"elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTargetGroups",
			"elasticloadbalancing:DescribeTargetHealth", "logs:DescribeLogGroups", "rds:DescribeDBEngineVersions",
			"rds:DescribeDBInstances", "rds:DescribeOrderableDBInstanceOptions",
		},
		Resources: []string{"*"},
		Sources:   append([]string{DocsOldestDefaultPolicy}, beanstalkSource...),
		Note: "Read-only. Most have no resource-level permission; the Elastic Beanstalk and RDS describe calls list " +
			"without naming a resource, so IAM evaluates them against \"*\".",
	},
	beanstalkStatement("BeanstalkStacks", []string{
		"cloudformation:DescribeStackEvents", "cloudformation:DescribeStackResource", "cloudformation:DescribeStackResources",
		"cloudformation:DescribeStacks", "cloudformation:GetTemplate", "cloudformation:ListStackResources", "cloudformation:UpdateStack",
	}, inBeanstalkRegion("cloudformation", "stack/awseb-*"), inBeanstalkRegion("cloudformation", "stack/eb-*")),
	beanstalkStatement("BeanstalkAutoScalingGroups", []string{
		"autoscaling:AttachInstances", "autoscaling:CreateAutoScalingGroup", "autoscaling:CreateOrUpdateTags",
		"autoscaling:DeleteAutoScalingGroup", "autoscaling:DeletePolicy", "autoscaling:DeleteScheduledAction",
		"autoscaling:DetachInstances", "autoscaling:PutNotificationConfiguration", "autoscaling:PutScalingPolicy",
		"autoscaling:PutScheduledUpdateGroupAction", "autoscaling:ResumeProcesses", "autoscaling:SetDesiredCapacity",
		"autoscaling:SuspendProcesses", "autoscaling:TerminateInstanceInAutoScalingGroup", "autoscaling:UpdateAutoScalingGroup",
	}, inBeanstalkRegion("autoscaling", "autoScalingGroup:*:autoScalingGroupName/awseb-e-*"),
		inBeanstalkRegion("autoscaling", "autoScalingGroup:*:autoScalingGroupName/eb-*")),
	beanstalkStatement("BeanstalkLaunchConfigurations",
		[]string{"autoscaling:CreateLaunchConfiguration", "autoscaling:DeleteLaunchConfiguration"},
		inBeanstalkRegion("autoscaling", "launchConfiguration:*:launchConfigurationName/awseb-e-*"),
		inBeanstalkRegion("autoscaling", "launchConfiguration:*:launchConfigurationName/eb-*")),
	{
		Sid: "BeanstalkInstanceResources",
		Actions: []string{
			"ec2:AllocateAddress", "ec2:AssociateAddress", "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress",
			"ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion", "ec2:CreateSecurityGroup", "ec2:DeleteLaunchTemplate",
			"ec2:DeleteLaunchTemplateVersions", "ec2:DeleteSecurityGroup", "ec2:DescribeInstanceAttribute",
			"ec2:DisassociateAddress", "ec2:ReleaseAddress", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
		},
		Resources: []string{inBeanstalkRegion("ec2", "*")},
		Sources:   beanstalkSource,
		Note: "Elastic Beanstalk names the security groups, launch templates and addresses it manages after the " +
			"environment's ID, which the pipeline definition does not hold, so these are granted on the region's and " +
			"account's EC2 resources; the managed policy grants them on \"*\".",
	},
	{
		Sid:       "BeanstalkRunInstances",
		Actions:   []string{"ec2:RunInstances"},
		Resources: []string{"*"},
		Condition: map[string]map[string][]string{"ArnLike": {"ec2:LaunchTemplate": {inBeanstalkRegion("ec2", "launch-template/*")}}},
		Sources:   beanstalkSource,
		Note: "RunInstances is authorized against a dozen resource types, AWS-owned images among them; the " +
			"ec2:LaunchTemplate condition limits it to launches from a launch template of this region and account, as " +
			"the managed policy does.",
	},
	{
		Sid:       "BeanstalkTerminateInstances",
		Actions:   []string{"ec2:TerminateInstances"},
		Resources: []string{inBeanstalkRegion("ec2", "instance/*")},
		Condition: map[string]map[string][]string{"StringLike": {"ec2:ResourceTag/aws:cloudformation:stack-id": {
			inBeanstalkRegion("cloudformation", "stack/awseb-e-*"), inBeanstalkRegion("cloudformation", "stack/eb-*"),
		}}},
		Sources: beanstalkSource,
	},
	{
		Sid:       "BeanstalkTagOnCreate",
		Actions:   []string{"ec2:CreateTags"},
		Resources: []string{"*"},
		Condition: map[string]map[string][]string{"StringEquals": {"ec2:CreateAction": {"AllocateAddress", "CreateLaunchTemplate", "RunInstances"}}},
		Sources:   beanstalkSource,
		Note:      "Limited by ec2:CreateAction to tagging what the three calls create, whatever its resource type.",
	},
	beanstalkStatement("BeanstalkLoadBalancers", []string{
		"elasticloadbalancing:AddTags", "elasticloadbalancing:ApplySecurityGroupsToLoadBalancer",
		"elasticloadbalancing:ConfigureHealthCheck", "elasticloadbalancing:CreateLoadBalancer",
		"elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
		"elasticloadbalancing:RegisterInstancesWithLoadBalancer",
	}, inBeanstalkRegion("elasticloadbalancing", "loadbalancer/awseb-*"), inBeanstalkRegion("elasticloadbalancing", "loadbalancer/eb-*"),
		inBeanstalkRegion("elasticloadbalancing", "loadbalancer/*/awseb-*/*"), inBeanstalkRegion("elasticloadbalancing", "loadbalancer/*/eb-*/*")),
	beanstalkStatement("BeanstalkTargetGroups",
		[]string{"elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"},
		inBeanstalkRegion("elasticloadbalancing", "targetgroup/awseb-*"), inBeanstalkRegion("elasticloadbalancing", "targetgroup/eb-*")),
	beanstalkStatement("BeanstalkECS", []string{"ecs:CreateCluster", "ecs:DescribeClusters", "ecs:RegisterTaskDefinition"},
		inBeanstalkRegion("ecs", "*")),
	beanstalkStatement("BeanstalkDeleteCluster", []string{"ecs:DeleteCluster"}, inBeanstalkRegion("ecs", "cluster/awseb-*")),
	{
		Sid:       "BeanstalkTagECS",
		Actions:   []string{"ecs:TagResource"},
		Resources: []string{inBeanstalkRegion("ecs", "*")},
		Condition: map[string]map[string][]string{"StringEquals": {"ecs:CreateAction": {"CreateCluster", "RegisterTaskDefinition"}}},
		Sources:   beanstalkSource,
	},
	{
		Sid:       "BeanstalkLogGroups",
		Actions:   []string{"logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy"},
		Resources: []string{inBeanstalkRegion("logs", "log-group:/aws/elasticbeanstalk/${EnvironmentName}/*")},
		Sources:   append([]string{IssueBeanstalkLogs}, beanstalkSource...),
		Note:      "An environment that streams its logs keeps them under /aws/elasticbeanstalk/<environment name>/.",
	},
	{
		Sid:       "BeanstalkBucket",
		Actions:   []string{"s3:GetBucketLocation", "s3:GetBucketPolicy", "s3:ListBucket", "s3:PutBucketPolicy"},
		Resources: []string{"arn:${Partition}:s3:::elasticbeanstalk-${Region}-${Account}"},
		Sources:   append([]string{DocsOldestDefaultPolicy}, beanstalkSource...),
		Note:      "Elastic Beanstalk keeps application versions in the bucket elasticbeanstalk-<region>-<account>.",
	},
	{
		Sid: "BeanstalkBucketObjects",
		Actions: []string{
			"s3:DeleteObject", "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectVersion", "s3:GetObjectVersionAcl",
			"s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectVersionAcl",
		},
		Resources: []string{"arn:${Partition}:s3:::elasticbeanstalk-${Region}-${Account}/*"},
		Sources:   append([]string{DocsOldestDefaultPolicy}, beanstalkSource...),
	},
	beanstalkStatement("BeanstalkTopics", []string{
		"sns:CreateTopic", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:SetTopicAttributes", "sns:Subscribe",
	}, inBeanstalkRegion("sns", "ElasticBeanstalkNotifications-*")),
	beanstalkStatement("BeanstalkQueues", []string{"sqs:GetQueueAttributes", "sqs:GetQueueUrl"},
		inBeanstalkRegion("sqs", "awseb-e-*"), inBeanstalkRegion("sqs", "eb-*")),
	beanstalkStatement("BeanstalkAlarms", []string{"cloudwatch:PutMetricAlarm"},
		inBeanstalkRegion("cloudwatch", "alarm:awseb-*"), inBeanstalkRegion("cloudwatch", "alarm:eb-*")),
	{
		Sid:       "PassRoleToElasticBeanstalk",
		Actions:   []string{"iam:PassRole"},
		Resources: []string{"arn:${Partition}:iam::${PassRole.Account}:role/${PassRole.Name}"},
		Condition: passedTo("autoscaling.amazonaws.com", "cloudformation.amazonaws.com", "ec2.amazonaws.com",
			"ec2.amazonaws.com.cn", "ecs.amazonaws.com", "elasticbeanstalk.amazonaws.com", "elasticloadbalancing.amazonaws.com"),
		Sources: append([]string{DocsLegacyDefaultPolicy}, beanstalkSource...),
		Note: "Passes the environment's service role and instance profile role, to the services the managed " +
			"policy names.",
	},
}

// beanstalkCaveat is true of every Elastic Beanstalk deploy, so it is advice.
const beanstalkCaveat = "Elastic Beanstalk updates the environment with the pipeline role's permissions. Resources that " +
	"the application's .ebextensions configuration files or a saved configuration add to the environment (any " +
	"CloudFormation resource type, such as an IAM role or an SNS topic) are created or changed with that role too, " +
	"and need grants of their own; add them to the role next to this policy (" + DocsBeanstalkExtensions + ")."

// beanstalkManaged is AWS's managed policy for the users who manage
// environments. Elastic Beanstalk updates an environment with the caller's
// permissions, so the pipeline's role is such a user; the AWS CDK attaches
// this policy to the action's role. It grants more than the statements it
// replaces (every Elastic Beanstalk call, in every region), so it is only
// used when the request asks for AWS managed policies. It does not allow
// sqs:GetQueueAttributes on worker queues, and iam:PassRole stays scoped to
// the roles given, so those two statements stay inline.
var beanstalkManaged = &ManagedAlternative{
	Policy: BeanstalkUserPolicy,
	Replaces: []string{"BeanstalkApplicationVersions", "BeanstalkUpdateEnvironment", "BeanstalkRead", "BeanstalkStacks",
		"BeanstalkAutoScalingGroups", "BeanstalkLaunchConfigurations", "BeanstalkInstanceResources", "BeanstalkRunInstances",
		"BeanstalkTerminateInstances", "BeanstalkTagOnCreate", "BeanstalkLoadBalancers", "BeanstalkTargetGroups", "BeanstalkECS",
		"BeanstalkDeleteCluster", "BeanstalkTagECS", "BeanstalkLogGroups", "BeanstalkBucket", "BeanstalkBucketObjects",
		"BeanstalkTopics", "BeanstalkAlarms"},
	Sources: []string{DocsBeanstalkUserPolicies, DocsBeanstalkUserPolicy, DocsBeanstalkCallerRights, CDKElasticBeanstalk},
	Note: "Elastic Beanstalk updates the environment with the caller's permissions; AWS documents this managed policy " +
		"for the users who manage environments and their resources.",
}

// beanstalkNarrowed says why a service wildcard of the action page is
// narrowed: the calls an environment update makes on those resources are
// granted, limited to the names Elastic Beanstalk gives them.
func beanstalkNarrowed(resources string) string {
	return "The action page grants the whole service on \"*\". An environment update calls it, with the pipeline role's " +
		"permissions, only on the environment's own " + resources + ": the calls " + BeanstalkManagedPolicy +
		" grants for that are granted, limited to the names Elastic Beanstalk gives its resources. Resources that " +
		".ebextensions or saved configurations add need grants of their own (see advice)."
}

// beanstalkOmitted are the wildcard grants of the action page, the managed
// policy and the AWS CDK, narrowed to what an environment update calls.
var beanstalkOmitted = []Omission{
	{Actions: []string{"ec2:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("EC2 instances, security groups, addresses and launch templates")},
	{Actions: []string{"elasticloadbalancing:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("load balancers and target groups")},
	{Actions: []string{"autoscaling:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("Auto Scaling groups and launch configurations")},
	{Actions: []string{"cloudwatch:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("alarms")},
	{Actions: []string{"s3:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("bucket, elasticbeanstalk-<region>-<account>")},
	{Actions: []string{"sns:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("notification topics")},
	{Actions: []string{"rds:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("database instances, which it only describes")},
	{Actions: []string{"sqs:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("worker queues")},
	{Actions: []string{"ecs:*"}, Source: DocsElasticBeanstalk, Why: beanstalkNarrowed("clusters and task definitions")},
	{Actions: []string{"elasticbeanstalk:*"}, Source: DocsBeanstalkManagedPolicy,
		Why: "Narrowed to the calls the deploy action makes: CreateApplicationVersion, UpdateEnvironment and the three describes."},
	{Actions: []string{"cloudformation:*"}, Source: DocsBeanstalkManagedPolicy,
		Why: "Narrowed to reading and updating the environment's stack; a deploy never creates or deletes it."},
	{Actions: []string{"AdministratorAccess-AWSElasticBeanstalk"}, Source: CDKElasticBeanstalk,
		Why: "Not attached by default: the scoped statements cover what an environment update calls. With " +
			"use_aws_managed_policies it stands in for them (managed_policy_arns), for roles whose policies must be smaller."},
}
