package catalog

// RuleCategory is the category of every stage-condition rule type.
const RuleCategory = "Rule"

// ruleTypes are the rule types of stage conditions (V2 pipelines). Rules run
// with the pipeline's service role, or with their own role_arn. Most rule pages
// list no permissions; where a page is silent the grants are derived from the
// calls the rule makes, and the note says so.
var ruleTypes = []ActionType{
	{
		Category: RuleCategory, Owner: OwnerAWS, Provider: "CloudWatchAlarm",
		DocsURL:     docsBase + "rule-reference-CloudWatchAlarm.html",
		SupportDate: "Rule type of V2 pipelines",
		Note:        "Derived: the page lists no permissions; the rule reads its alarm's state.",
		ConfigKeys:  []ConfigKey{nameList("AlarmName", cloudWatchAlarm), setting("AlarmStates", false), setting("WaitTime", false)},
		Statements: []Statement{{
			Sid:       "CloudWatchAlarmRule",
			Actions:   []string{"cloudwatch:DescribeAlarms"},
			Resources: []string{"arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName}"},
			Sources:   []string{docsBase + "rule-reference-CloudWatchAlarm.html", DocsIAMServiceReference},
			Note: "Derived: the page lists no permissions. The rule reads the alarm's state, and the service " +
				"reference authorizes DescribeAlarms against the alarm.",
		}},
	},
	{
		Category: RuleCategory, Owner: OwnerAWS, Provider: "CodeBuild",
		DocsURL:     docsBase + "rule-reference-CodeBuild.html",
		SupportDate: "Rule type of V2 pipelines",
		Note:        "The page lists the single-build calls; the batch calls with BatchEnabled are derived from the CodeBuild action.",
		ConfigKeys:  codeBuildRuleKeys,
		Statements:  codeBuildStatements[:2:2], // a rule has no service role override
	},
	{
		Category: RuleCategory, Owner: OwnerAWS, Provider: "Commands",
		DocsURL:     docsBase + "rule-reference-Commands.html",
		SupportDate: "Rule type of V2 pipelines",
		Note:        "Writes to the pipeline's log group, /aws/codepipeline/<pipeline>, as the page documents.",
		ConfigKeys:  []ConfigKey{},
		Statements:  []Statement{pipelineLogGroup, pipelineLogStreams},
	},
	{
		Category: RuleCategory, Owner: OwnerAWS, Provider: "DeploymentWindow",
		DocsURL:     docsBase + "rule-reference-DeploymentWindow.html",
		SupportDate: "Rule type of V2 pipelines",
		Note:        "Compares the time with a cron expression; it calls no AWS service, so the role needs nothing for it.",
		ConfigKeys:  []ConfigKey{setting("Cron", true), setting("TimeZone", false)},
	},
	{
		Category: RuleCategory, Owner: OwnerAWS, Provider: "LambdaInvoke",
		DocsURL:     docsBase + "rule-reference-LambdaInvoke.html",
		SupportDate: "Rule type of V2 pipelines",
		Note:        "Derived: the page lists no permissions; the rule invokes its function.",
		ConfigKeys:  []ConfigKey{functionName("FunctionName", lambdaQualifier), setting("UserParameters", false)},
		Statements: []Statement{{
			Sid:     "LambdaInvokeRule",
			Actions: []string{"lambda:InvokeFunction"},
			Resources: []string{
				"arn:${Partition}:lambda:${FunctionName.Region}:${FunctionName.Account}:function:${FunctionName.Qualified}",
			},
			Sources: []string{docsBase + "rule-reference-LambdaInvoke.html", DocsLambdaInvoke, DocsLambdaQualifiers},
			Note:    "Derived: the page lists no permissions. The rule invokes its function, as the Lambda invoke action does.",
		}},
	},
	{
		Category: RuleCategory, Owner: OwnerAWS, Provider: "VariableCheck",
		DocsURL:     docsBase + "rule-reference-VariableCheck.html",
		SupportDate: "Rule type of V2 pipelines",
		Note:        "Compares a pipeline variable with a value; it calls no AWS service, so the role needs nothing for it.",
		ConfigKeys: []ConfigKey{setting("Variable", true), setting("Operator", true, "EQ", "CONTAINS", "MATCHES", "NE"),
			setting("Value", true)},
	},
}

// codeBuildRuleKeys are the CodeBuild rule's keys: the action's, without a
// service role override.
var codeBuildRuleKeys = []ConfigKey{name("ProjectName", true, codeBuildProject),
	setting("BatchEnabled", false, trueOrFalse...), setting("CombineArtifacts", false, trueOrFalse...),
	setting("PrimarySource", false), setting("EnvironmentVariables", false)}

// Rules returns every stage-condition rule type, sorted by provider.
func Rules() []ActionType { return ruleTypes }

// LookupRule finds the rule type with exactly this provider name.
func LookupRule(provider string) (ActionType, bool) {
	for _, r := range ruleTypes {
		if r.Provider == provider {
			return r, true
		}
	}
	return ActionType{}, false
}
