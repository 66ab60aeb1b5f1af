package catalog

// cfnStacks grants CloudFormation stack actions; modes lists the ActionMode
// values that use them (nil: every mode).
func cfnStacks(modes []string, actions ...string) Statement {
	s := Statement{
		Sid:       "CloudFormationStacks",
		Actions:   actions,
		Resources: []string{"arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/*"},
		Sources:   []string{SeedDocument, DocsCloudFormation},
		Note: "Union of the seed document (SetStackPolicy) and the current page (DescribeStackResources, " +
			"DescribeStackEvents, GetTemplate), narrowed to what each ActionMode calls.",
	}
	if modes != nil {
		s.Only = &Option{Key: "ActionMode", Values: modes}
	}
	return s
}

// withOnly returns a copy of s limited to the configurations o describes.
func withOnly(s Statement, o *Option) Statement {
	s.Only = o
	return s
}

// Statements shared by several deploy action types; shared Sids merge when rendered.
var (
	cloudFormationValidateTemplate = Statement{
		Sid:       "CloudFormationValidateTemplate",
		Actions:   []string{"cloudformation:ValidateTemplate"},
		Resources: []string{"*"},
		Sources:   []string{SeedDocument, DocsCloudFormation, DocsServiceCatalog},
		Note:      "IAM offers no resource-level permission for ValidateTemplate.",
	}
	passRoleToCloudFormation = Statement{
		Sid:       "PassRoleToCloudFormation",
		Actions:   []string{"iam:PassRole"},
		Resources: []string{"arn:${Partition}:iam::${RoleArn.Account}:role/${RoleArn.Name}"},
		Condition: passedTo("cloudformation.amazonaws.com"),
		Only:      &Option{Key: "RoleArn"},
		Sources:   []string{SeedDocument, DocsCloudFormation},
		Note: "The seed document grants iam:PassRole on \"*\" unconditioned; the current page conditions it " +
			"with StringEqualsIfExists. StringEquals is used: PassRole requests always carry iam:PassedToService. " +
			"Without a RoleArn, CloudFormation acts with the pipeline's own role and nothing is passed.",
	}
	cloudFormationStackSets = Statement{
		Sid: "CloudFormationStackSets",
		Actions: []string{
			"cloudformation:CreateStackInstances", "cloudformation:DescribeStackSet", "cloudformation:DescribeStackSetOperation",
			"cloudformation:ListStackInstances", "cloudformation:UpdateStackInstances", "cloudformation:UpdateStackSet",
		},
		Resources: []string{"arn:${Partition}:cloudformation:${Region}:${Account}:stackset/${StackSetName}:*"},
		Sources:   []string{DocsStackSet, DocsStackInstances},
		Note: "UpdateStackInstances is not on the page, which says that CreateStackInstances calls it for " +
			"instances that already exist; the action updates outdated instances, so it is granted.",
	}
	cloudFormationStackSetTargets = Statement{
		Sid:     "CloudFormationStackSetTargets",
		Actions: []string{"cloudformation:CreateStackInstances", "cloudformation:UpdateStackInstances", "cloudformation:UpdateStackSet"},
		Resources: []string{
			"arn:${Partition}:cloudformation:${Region}:${Account}:stackset-target/*",
			"arn:${Partition}:cloudformation:${Region}:${Account}:type/resource/*",
		},
		Sources: []string{DocsStackSet, DocsIAMServiceReference},
		Note: "The pages give no ARN; the service reference also authorizes these actions against the " +
			"deployment targets and the resource types in the template.",
	}
	delegatedAdministrators = Statement{
		Sid:       "OrganizationsDelegatedAdministrators",
		Actions:   []string{"organizations:ListDelegatedAdministrators"},
		Resources: []string{"*"},
		Only:      &Option{Key: "CallAs", Values: []string{"DELEGATED_ADMIN"}, Default: "SELF"},
		Sources:   []string{DocsStackSet},
		Note:      "Needed when a delegated administrator calls StackSets (CallAs = DELEGATED_ADMIN); IAM offers no resource-level permission for it.",
	}
	codeDeployApplications = Statement{
		Sid: "CodeDeployApplications",
		Actions: []string{
			"codedeploy:GetApplication", "codedeploy:GetApplicationRevision",
			"codedeploy:ListDeploymentGroups", "codedeploy:RegisterApplicationRevision",
		},
		Resources: []string{"arn:${Partition}:codedeploy:${Region}:${Account}:application:${ApplicationName}"},
		Sources:   []string{SeedDocument, DocsCodeDeploy, DocsCodeDeployToECS},
	}
	codeDeployDeployments = Statement{
		Sid: "CodeDeployDeployments",
		Actions: []string{
			"codedeploy:CreateDeployment", "codedeploy:GetDeployment",
			"codedeploy:GetDeploymentGroup", "codedeploy:ListDeployments",
		},
		Resources: []string{"arn:${Partition}:codedeploy:${Region}:${Account}:deploymentgroup:${ApplicationName}/${DeploymentGroupName}"},
		Sources:   []string{SeedDocument, DocsCodeDeploy, DocsCodeDeployToECS},
	}
	codeDeployDeploymentConfigs = Statement{
		Sid:       "CodeDeployDeploymentConfigs",
		Actions:   []string{"codedeploy:GetDeploymentConfig"},
		Resources: []string{"arn:${Partition}:codedeploy:${Region}:${Account}:deploymentconfig:*"},
		Sources:   []string{SeedDocument, DocsCodeDeploy, DocsCodeDeployToECS},
		Note:      "The deployment configuration is chosen in the deployment group, not in the pipeline.",
	}
	ecsTaskDefinitions = Statement{
		Sid:       "ECSTaskDefinitions",
		Actions:   []string{"ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"},
		Resources: []string{"*"},
		Sources:   []string{SeedDocument, DocsECS, DocsCodeDeployToECS, IssueCodeDeployECSPassRole},
		Note: "DescribeTaskDefinition has no resource-level permission. RegisterTaskDefinition is granted on \"*\" " +
			"as every AWS page does: the task definition family is not part of the pipeline definition.",
	}
	ecsTagTaskDefinitions = Statement{
		Sid:       "ECSTagTaskDefinitions",
		Actions:   []string{"ecs:TagResource"},
		Resources: []string{"arn:${Partition}:ecs:${Region}:${Account}:task-definition/${TaskDefinitionFamily}:*"},
		Condition: map[string]map[string][]string{"StringEquals": {"ecs:CreateAction": {"RegisterTaskDefinition"}}},
		Sources:   []string{DocsECS, DocsCodeDeployToECS, IssueECSTagResource},
		Note:      "Needed since ECS tagging authorization; limited to tagging while registering a task definition.",
	}
	passRoleToECS = Statement{
		Sid:       "PassRoleToECS",
		Actions:   []string{"iam:PassRole"},
		Resources: []string{"arn:${Partition}:iam::${PassRole.Account}:role/${PassRole.Name}"},
		Condition: passedTo("ecs-tasks.amazonaws.com", "ecs.amazonaws.com"),
		Sources:   []string{SeedDocument, DocsECS, DocsCodeDeployToECS},
		Note:      "Passes the task and execution roles of the new task definition.",
	}
)

var deployActions = []ActionType{
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "S3",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-S3Deploy.html",
		SupportDate: "January 16, 2019",
		Statements: []Statement{
			{
				Sid:       "S3DeployBucketAccess",
				Actions:   []string{"s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketVersioning"},
				Resources: []string{"arn:${Partition}:s3:::${BucketName}"},
				Condition: inOwnAccount,
				Sources:   []string{DocsS3Deploy},
			},
			{
				Sid: "S3DeployObjectWrite",
				Actions: []string{
					"s3:GetObjectTagging", "s3:GetObjectVersionTagging", "s3:PutObject",
					"s3:PutObjectAcl", "s3:PutObjectTagging", "s3:PutObjectVersionAcl",
				},
				Resources: []string{"arn:${Partition}:s3:::${BucketName}/*"},
				Condition: inOwnAccount,
				Sources:   []string{DocsS3Deploy},
				Note:      "The tagging actions are documented as needed when the objects carry tags.",
			},
			{
				Sid:       "S3DeployKeyUse",
				Actions:   []string{"kms:Decrypt", "kms:GenerateDataKey"},
				Resources: []string{"arn:${Partition}:kms:${Region}:${Account}:key/*"},
				Condition: map[string]map[string][]string{"StringEquals": {"kms:ViaService": {"s3.${Region}.amazonaws.com"}}},
				Only:      &Option{Key: "KMSEncryptionKeyARN", Explicit: true},
				Sources:   []string{DocsS3Deploy},
				Note: "S3 asks KMS for a data key when the deploy action encrypts objects with the configured key, and " +
					"a multipart upload of a large object also decrypts it. The key may be given as an ID or alias, so " +
					"the grant covers the region's keys, only through S3.",
			},
		},
		Omitted: []Omission{
			{Actions: []string{"s3:DeleteObject*"}, Source: CDKS3Deploy, Why: "The action uploads objects and never deletes any."},
			{Actions: []string{"s3:PutObjectLegalHold", "s3:PutObjectRetention"}, Source: CDKS3Deploy,
				Why: "The action sends no Object Lock settings; a bucket's default retention needs no permission."},
			{Actions: []string{"s3:PutObjectVersionTagging"}, Source: CDKS3Deploy,
				Why: "Tags travel with PutObject (s3:PutObjectTagging); no version is tagged afterwards."},
			{Actions: []string{"s3:Abort*"}, Source: CDKS3Deploy,
				Why: "Only cleans up the parts of a failed multipart upload; a lifecycle rule does that without the pipeline."},
			{Actions: []string{"kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"}, Source: CDKS3Deploy,
				Why: "S3 encrypts uploads with GenerateDataKey (and Decrypt for multipart uploads), never Encrypt or ReEncrypt."},
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "CloudFormation",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html",
		SupportDate: "November 3, 2016",
		Statements: []Statement{
			cfnStacks(nil, "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks"),
			cfnStacks([]string{"CREATE_UPDATE", "REPLACE_ON_FAILURE"},
				"cloudformation:CreateStack", "cloudformation:DescribeStackResources", "cloudformation:GetTemplate",
				"cloudformation:SetStackPolicy", "cloudformation:UpdateStack"),
			cfnStacks([]string{"DELETE_ONLY", "REPLACE_ON_FAILURE"}, "cloudformation:DeleteStack"),
			cfnStacks([]string{"CHANGE_SET_REPLACE"}, "cloudformation:CreateChangeSet", "cloudformation:DeleteChangeSet"),
			cfnStacks([]string{"CHANGE_SET_REPLACE", "CHANGE_SET_EXECUTE"}, "cloudformation:DescribeChangeSet"),
			cfnStacks([]string{"CHANGE_SET_EXECUTE"}, "cloudformation:ExecuteChangeSet"),
			withOnly(cloudFormationValidateTemplate, &Option{Key: "ActionMode", Values: []string{"CHANGE_SET_REPLACE", "CREATE_UPDATE", "REPLACE_ON_FAILURE"}}),
			passRoleToCloudFormation,
		},
		Omitted: []Omission{
			{Actions: []string{"cloudformation:DescribeStack*", "cloudformation:GetTemplate*"}, Source: CDKCloudFormation,
				Why: "The page lists the exact calls: DescribeStacks, DescribeStackEvents, DescribeStackResources and GetTemplate."},
			{Actions: []string{"cloudformation:GetStackPolicy"}, Source: CDKCloudFormation,
				Why: "CodePipeline only sets a stack policy from TemplateConfiguration; it never reads one."},
		},
		Companions: []Companion{{
			Only: &Option{Key: "RoleArn"},
			Detail: "CloudFormation acts with the RoleArn role: that role needs the permissions to create, update and " +
				"delete the stack's resources. It needs no artifact bucket access: CodePipeline hands CloudFormation a " +
				"presigned URL of the template, signed with the action's own role.",
			Source: DocsRoleArnTemplateURL,
		}},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "CloudFormationStackSet",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-StackSets.html",
		SupportDate: "December 30, 2020",
		Statements: []Statement{
			{
				Sid:       "CloudFormationCreateStackSet",
				Actions:   []string{"cloudformation:CreateStackSet"},
				Resources: []string{"*"},
				Sources:   []string{DocsStackSet},
				Note:      "IAM offers no resource-level permission for CreateStackSet.",
			},
			cloudFormationStackSets,
			cloudFormationStackSetTargets,
			{
				Sid:       "PassRoleToCloudFormation",
				Actions:   []string{"iam:PassRole"},
				Resources: []string{"arn:${Partition}:iam::${AdministrationRoleArn.Account}:role/${AdministrationRoleArn.Name}"},
				Condition: passedTo("cloudformation.amazonaws.com"),
				Only:      &Option{Key: "AdministrationRoleArn"},
				Sources:   []string{DocsStackSet, DocsIAMServiceReference},
				Note:      "The page lists no iam:PassRole, but the self-managed permission model passes AdministrationRoleArn to CloudFormation.",
			},
			delegatedAdministrators,
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "CloudFormationStackInstances",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-StackSets.html",
		SupportDate: "December 30, 2020",
		Statements: []Statement{
			{
				Sid: "CloudFormationStackSets",
				Actions: []string{"cloudformation:CreateStackInstances", "cloudformation:DescribeStackSetOperation",
					"cloudformation:UpdateStackInstances"},
				Resources: cloudFormationStackSets.Resources,
				Sources:   []string{DocsStackInstances},
				Note:      cloudFormationStackSets.Note,
			},
			{
				Sid:       "CloudFormationStackSetTargets",
				Actions:   []string{"cloudformation:CreateStackInstances", "cloudformation:UpdateStackInstances"},
				Resources: cloudFormationStackSetTargets.Resources,
				Sources:   cloudFormationStackSetTargets.Sources,
				Note:      cloudFormationStackSetTargets.Note,
			},
			delegatedAdministrators,
		},
		Omitted: []Omission{{
			Actions: []string{"cloudformation:CreateStackSet", "cloudformation:DescribeStackSet",
				"cloudformation:ListStackInstances", "cloudformation:UpdateStackSet"},
			Source: CDKStackInstances,
			Why:    "This action only adds and updates instances of an existing stack set; the page lists no stack set calls.",
		}},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "CodeDeploy",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeDeploy.html",
		SupportDate: "Initial service launch",
		Note: "Union of the seed document (GetApplicationRevision) and the current page (GetApplication, " +
			"ListDeployments, ListDeploymentGroups, GetDeploymentGroup, ListDeploymentConfigs).",
		Statements: []Statement{
			codeDeployApplications,
			codeDeployDeployments,
			codeDeployDeploymentConfigs,
			{
				Sid:       "CodeDeployListDeploymentConfigs",
				Actions:   []string{"codedeploy:ListDeploymentConfigs"},
				Resources: []string{"*"},
				Sources:   []string{DocsCodeDeploy},
				Note:      "IAM offers no resource-level permission for ListDeploymentConfigs.",
			},
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "CodeDeployToECS",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html",
		SupportDate: "November 27, 2018",
		Note: "Union of the seed document and the current page; the current page adds ecs:TagResource and " +
			"conditions PassRole to the ECS services.",
		Statements: []Statement{
			codeDeployApplications,
			codeDeployDeployments,
			codeDeployDeploymentConfigs,
			ecsTaskDefinitions,
			ecsTagTaskDefinitions,
			passRoleToECS,
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "ECS",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html",
		SupportDate: "December 12, 2017",
		Note: "Union of the seed document (DescribeTasks, ListTasks) and the current page (TagResource, " +
			"PassRole conditioned to the ECS services).",
		Statements: []Statement{
			ecsTaskDefinitions,
			{
				Sid:       "ECSServices",
				Actions:   []string{"ecs:DescribeServices", "ecs:UpdateService"},
				Resources: []string{"arn:${Partition}:ecs:${Region}:${Account}:service/${ClusterName}/${ServiceName}"},
				Sources:   []string{SeedDocument, DocsECS},
			},
			{
				Sid:       "ECSDescribeTasks",
				Actions:   []string{"ecs:DescribeTasks"},
				Resources: []string{"arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/*"},
				Sources:   []string{SeedDocument, DocsSeed},
			},
			{
				Sid:       "ECSListTasks",
				Actions:   []string{"ecs:ListTasks"},
				Resources: []string{"arn:${Partition}:ecs:${Region}:${Account}:container-instance/${ClusterName}/*"},
				Sources:   []string{SeedDocument, DocsSeed},
			},
			ecsTagTaskDefinitions,
			passRoleToECS,
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "ElasticBeanstalk",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Beanstalk.html",
		SupportDate: "Initial service launch",
		Note: "The current page grants service-wide wildcards (elasticbeanstalk:*, ec2:*, s3:*, cloudformation:*, sqs:*, " +
			"ecs:* and more) on \"*\". Elastic Beanstalk updates the environment with the caller's permissions, so the " +
			"entry grants what AWS's managed policy " + BeanstalkManagedPolicy + " grants for such an update, limited " +
			"to the action's region and account, to Elastic Beanstalk's own resource names and to the environment's log groups.",
		Statements: beanstalkStatements,
		Managed:    beanstalkManaged,
		Caveat:     beanstalkCaveat,
		Omitted:    beanstalkOmitted,
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "OpsWorks",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-OpsWorks.html",
		SupportDate: "June 2, 2016",
		Note:        "AWS OpsWorks Stacks reached end of life on May 26, 2024; the entry documents what such pipelines were granted.",
		Deprecation: "AWS OpsWorks Stacks reached end of life on May 26, 2024 and is disabled for new and existing " +
			"customers, so this action can no longer succeed (" + DocsOpsWorksEndOfLife + "). Remove it from the pipeline.",
		Statements: []Statement{
			{
				Sid: "OpsWorksDeploy",
				Actions: []string{
					"opsworks:CreateDeployment", "opsworks:DescribeApps", "opsworks:DescribeCommands",
					"opsworks:DescribeDeployments", "opsworks:DescribeInstances", "opsworks:DescribeStacks",
					"opsworks:UpdateApp", "opsworks:UpdateStack",
				},
				Resources: []string{"arn:${Partition}:opsworks:${Region}:${Account}:stack/${Stack}/"},
				Sources:   []string{SeedDocument, DocsOpsWorks},
			},
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "ServiceCatalog",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ServiceCatalog.html",
		SupportDate: "October 16, 2018",
		Statements: []Statement{
			{
				Sid: "ServiceCatalogProducts",
				Actions: []string{
					"servicecatalog:CreateProvisioningArtifact", "servicecatalog:DeleteProvisioningArtifact",
					"servicecatalog:DescribeProvisioningArtifact", "servicecatalog:ListProvisioningArtifacts",
					"servicecatalog:UpdateProduct",
				},
				Resources: []string{"arn:${Partition}:catalog:${Region}:${Account}:product/${ProductId}"},
				Sources:   []string{SeedDocument, DocsServiceCatalog},
			},
			cloudFormationValidateTemplate,
		},
		Omitted: []Omission{{Actions: []string{"AWSServiceCatalogAdminFullAccess"}, Source: CDKServiceCatalog,
			Why: "An administrator policy; the page lists the product calls granted here and ValidateTemplate."}},
	},
	{
		Category: "Deploy", Owner: OwnerThirdParty, Provider: "AlexaSkillsKit",
		DocsURL: DocsAlexaSkillsKit,
		Note: "Authenticates with Login with Amazon credentials in the action configuration; " +
			"the service role needs nothing for it.",
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "AppConfig",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-AppConfig.html",
		SupportDate: "June 22, 2020",
		Statements: []Statement{
			{
				Sid:     "AppConfigDeployments",
				Actions: []string{"appconfig:GetDeployment", "appconfig:StartDeployment", "appconfig:StopDeployment"},
				Resources: []string{
					"arn:${Partition}:appconfig:${Region}:${Account}:application/${Application}",
					"arn:${Partition}:appconfig:${Region}:${Account}:application/${Application}/environment/${Environment}",
				},
				Sources: []string{SeedDocument, DocsAppConfig},
				Note:    "The page grants application/<id>/*; it is narrowed to the resource types each action is authorized on.",
			},
			{
				Sid:       "AppConfigDeploymentStatus",
				Actions:   []string{"appconfig:GetDeployment", "appconfig:StopDeployment"},
				Resources: []string{"arn:${Partition}:appconfig:${Region}:${Account}:application/${Application}/environment/${Environment}/deployment/*"},
				Sources:   []string{SeedDocument, DocsAppConfig},
			},
			{
				Sid:     "AppConfigStartDeployment",
				Actions: []string{"appconfig:StartDeployment"},
				Resources: []string{
					"arn:${Partition}:appconfig:${Region}:${Account}:application/${Application}/configurationprofile/${ConfigurationProfile}",
					"arn:${Partition}:appconfig:${Region}:${Account}:deploymentstrategy/*",
				},
				Sources: []string{DocsAppConfig},
				Note:    "Deployment strategies stay unscoped as on the page: AWS's predefined strategies are named, not IDs.",
			},
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "EC2",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-EC2Deploy.html",
		SupportDate: "February 21, 2025",
		Statements: []Statement{
			{
				Sid: "EC2DeployDescribe",
				Actions: []string{
					"ec2:DescribeInstances", "elasticloadbalancing:DescribeTargetGroupAttributes",
					"elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth",
					"ssm:CancelCommand", "ssm:DescribeInstanceInformation", "ssm:ListCommandInvocations",
				},
				Resources: []string{"*"},
				Sources:   []string{DocsEC2Deploy},
				Note:      "IAM offers no resource-level permission for these actions.",
			},
			{
				Sid:       "EC2DeployTargetGroups",
				Actions:   []string{"elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"},
				Resources: []string{"arn:${Partition}:elasticloadbalancing:${Region}:${Account}:targetgroup/${TargetGroupNameList}/*"},
				Sources:   []string{DocsEC2Deploy},
			},
			{
				Sid:       "EC2DeployTaggedInstances",
				Actions:   []string{"ssm:SendCommand"},
				Resources: []string{"arn:${Partition}:ec2:${Region}:${Account}:instance/*"},
				Condition: map[string]map[string][]string{"StringLike": {"aws:ResourceTag/${InstanceTagKey}": {"${InstanceTagValue}"}}},
				Sources:   []string{DocsEC2Deploy},
				Note: "Limited to instances tagged as the action targets them. Without InstanceTagValue any value of the " +
					"key matches, as the action does; without InstanceTagKey the condition cannot be written and is left out.",
			},
			{
				Sid:     "EC2DeployRunCommandDocuments",
				Actions: []string{"ssm:SendCommand"},
				Resources: []string{
					"arn:${Partition}:ssm:${Region}::document/AWS-RunPowerShellScript",
					"arn:${Partition}:ssm:${Region}::document/AWS-RunShellScript",
				},
				Sources: []string{DocsEC2Deploy},
			},
			pipelineLogGroup,
			pipelineLogStreams,
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "EKS",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-EKS.html",
		SupportDate: "February 20, 2025",
		Note:        "The role must also be an access entry of the cluster; that is EKS configuration, not IAM.",
		Statements: []Statement{
			{
				Sid:       "EKSDescribeCluster",
				Actions:   []string{"eks:DescribeCluster"},
				Resources: []string{"arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}"},
				Sources:   []string{DocsEKS},
			},
			{
				Sid: "EKSDescribeNetwork",
				Actions: []string{
					"ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeRouteTables",
					"ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
				},
				Resources: []string{"*"},
				Sources:   []string{DocsEKS},
				Note:      "IAM offers no resource-level permission for these actions.",
			},
			{
				Sid:     "EKSCreateNetworkInterface",
				Actions: []string{"ec2:CreateNetworkInterface"},
				Resources: []string{
					"arn:${Partition}:ec2:${Region}:${Account}:network-interface/*",
					"arn:${Partition}:ec2:${Region}:${Account}:security-group/*",
					"arn:${Partition}:ec2:${Region}:${Account}:subnet/*",
				},
				Sources: []string{DocsEKS},
				Note:    "The page grants the network interface actions on \"*\"; IAM scopes them to these resource types.",
			},
			{
				Sid:       "EKSManageNetworkInterfaces",
				Actions:   []string{"ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface"},
				Resources: []string{"arn:${Partition}:ec2:${Region}:${Account}:network-interface/*"},
				Sources:   []string{DocsEKS},
			},
			pipelineLogGroup,
			pipelineLogStreams,
		},
	},
	{
		Category: "Deploy", Owner: OwnerAWS, Provider: "Lambda",
		DocsURL:     "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-LambdaDeploy.html",
		SupportDate: "Not in the AWS support table (V2 pipelines only)",
		Statements: []Statement{
			{
				Sid: "LambdaDeployFunction",
				Actions: []string{
					"lambda:GetAlias", "lambda:GetFunctionConfiguration", "lambda:PublishVersion",
					"lambda:UpdateAlias", "lambda:UpdateFunctionCode",
				},
				Resources: []string{
					"arn:${Partition}:lambda:${FunctionName.Region}:${FunctionName.Account}:function:${FunctionName.Name}",
					"arn:${Partition}:lambda:${FunctionName.Region}:${FunctionName.Account}:function:${FunctionName.Name}:*",
				},
				Sources: []string{DocsLambdaDeploy},
			},
			{
				Sid:       "LambdaDeployProvisionedConcurrency",
				Actions:   []string{"lambda:GetProvisionedConcurrencyConfig"},
				Resources: []string{"arn:${Partition}:lambda:${FunctionName.Region}:${FunctionName.Account}:function:${FunctionName.Name}:*"},
				Sources:   []string{DocsLambdaDeploy},
			},
			{
				Sid:       "LambdaDeployAlarms",
				Actions:   []string{"cloudwatch:DescribeAlarms"},
				Resources: []string{"arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${Alarms}"},
				Only:      &Option{Key: "Alarms"},
				Sources:   []string{DocsLambdaDeploy},
			},
			{
				Sid:     "LambdaDeployLogGroup",
				Actions: []string{"logs:CreateLogGroup"},
				Resources: []string{
					"arn:${Partition}:logs:${Region}:${Account}:log-group:/${Region}/codepipeline/${ThisPipelineName}",
					"arn:${Partition}:logs:${Region}:${Account}:log-group:/${Region}/codepipeline/${ThisPipelineName}:*",
				},
				Sources: []string{DocsLambdaDeploy},
				Note:    "The page names the log group /<region>/codepipeline/<pipeline>, unlike the other actions; both paths are granted.",
			},
			{
				Sid:       "LambdaDeployLogStreams",
				Actions:   []string{"logs:CreateLogStream", "logs:PutLogEvents"},
				Resources: []string{"arn:${Partition}:logs:${Region}:${Account}:log-group:/${Region}/codepipeline/${ThisPipelineName}:log-stream:*"},
				Sources:   []string{DocsLambdaDeploy},
			},
			pipelineLogGroup,
			pipelineLogStreams,
		},
	},
}
