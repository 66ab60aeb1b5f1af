// Package catalog holds the permission data of every CodePipeline action type:
// which IAM actions the pipeline's service role needs for it, on which resources,
// and where that requirement is documented. It is data plus lookups, no logic.
package catalog

import "strings"

// Sources of placeholder values in resource templates and conditions. A
// placeholder names a source of values and, after a dot, one field of each:
// "${ProjectName}" is the action's ProjectName, "${RoleArn.Account}" the account
// of the ARN in its RoleArn. Pipeline-wide sources come from the data source;
// the others from the action's configuration. When a source has no value, the
// Partition, Region and Account fields fall back to the pipeline's and any other
// renders as "*".
const (
	Partition      = "Partition"
	Region         = "Region"
	Account        = "Account"
	ThisPipeline   = "ThisPipelineName"
	ArtifactBucket = "ArtifactBucket"
	ArtifactKeyArn = "ArtifactKeyArn"
	ActionRoleArn  = "ActionRoleArn"
	// PassRole stands for the pass_role_arns the user names: roles a deploy
	// hands to a service that the pipeline definition does not contain.
	PassRole = "PassRole"
	// Secret stands for the Secrets Manager secrets an action's
	// SECRETS_MANAGER environment variables name.
	Secret = "SecretsManagerSecret"
	// SecretKey stands for the KMS keys that encrypt those secrets.
	SecretKey = "SecretKeyArn"
)

// Owners of action types, as in aws_codepipeline's action.owner.
const (
	OwnerAWS        = "AWS"
	OwnerThirdParty = "ThirdParty"
	// OwnerCustom actions run on job workers with their own credentials.
	OwnerCustom = "Custom"
)

// Categories lists the action categories in pipeline order.
var Categories = []string{"Source", "Build", "Test", "Deploy", "Approval", "Invoke", "Compute"}

// Statement is one grant: every action on every resource, under the condition.
type Statement struct {
	// Sid names the statement in the rendered policy. Statements that share a
	// Sid across action types are merged when rendered.
	Sid     string
	Actions []string
	// Resources are ARN templates, or "*" for actions that IAM cannot scope.
	Resources []string
	// Condition maps an operator to condition keys and their values.
	Condition map[string]map[string][]string
	// Only limits the grant to configurations that need it. It is ignored when
	// the configuration is not known (an action given by provider name only).
	Only *Option
	// Needs names the sources the statement is only granted with, for inputs
	// other than the configuration (the secrets of environment variables).
	Needs []string
	// Sources cite where the requirement is documented.
	Sources []string
	// Note explains a choice that differs from the sources, if any.
	Note string
}

// Option is a configuration setting a statement depends on.
type Option struct {
	Key string
	// Values the setting must have (compared without case); none means the key
	// only has to be set.
	Values []string
	// Default is the value CodePipeline assumes when the key is not set.
	Default string
	// Explicit statements are only granted when a configuration sets the key,
	// never for a provider named without its configuration: they hand out
	// more than a typical pipeline needs.
	Explicit bool
}

// ValueKind says how a configuration value names a resource.
type ValueKind int

const (
	// Name is a resource name, checked by the key's naming rule; where the key
	// accepts an ARN too (ARN is set), the resource's ARN.
	Name ValueKind = iota
	// NameList is a comma-separated list of names.
	NameList
	// ARN is a full ARN; its fields Partition, Region, Account and Name (the
	// resource after the resource type) fill templates.
	ARN
	// FunctionName is a Lambda function name, optionally with a qualifier, or a
	// function ARN.
	FunctionName
	// Setting is a value that names no resource but may switch grants.
	Setting
)

// ConfigKey is one documented configuration key of an action type.
type ConfigKey struct {
	Name     string
	Kind     ValueKind
	Required bool
	// Naming is the rule of the resource name a Name, NameList or ARN value
	// holds; nil for settings.
	Naming *NamingRule
	// ARN is the form an ARN value must have: always set for kind ARN; set for
	// kind Name where CodePipeline also accepts the resource's ARN.
	ARN *ARNForm
	// Values are the values a Setting accepts (compared without case); none
	// means any value.
	Values []string
	// Qualifier is the rule of a version or alias that may follow the name
	// after a colon ("fn:prod"); nil where the key names the resource alone.
	// Templates use ${Key.Qualified} (name and qualifier) or ${Key.Qualifier}.
	Qualifier *NamingRule
}

// NamingRule is how a service names one kind of resource, as its API
// reference states it.
type NamingRule struct {
	// Resource names what the value is in messages: "CodeBuild project name".
	Resource string
	// Example is a valid name, for messages and tests.
	Example string
	// Pattern is a regular expression the whole name must match; MaxLength
	// bounds its bytes where the pattern cannot (0: the pattern does).
	Pattern   string
	MaxLength int
	// Rule says the pattern in words, for messages: "it must be <Rule>".
	Rule   string
	Source string
}

// ARNForm is what an ARN value must name: a resource of one of the services
// whose resource part starts with ResourceType ("project/", "function:").
type ARNForm struct {
	Services     []string
	ResourceType string
}

// ActionType is one CodePipeline action type and the grants it needs.
type ActionType struct {
	Category string
	Owner    string
	Provider string
	// DocsURL is the AWS action reference page.
	DocsURL string
	// SupportDate is when CodePipeline added support, from the AWS support table.
	SupportDate string
	// Note says why an action type grants nothing, or what it leaves out.
	Note string
	// Deprecation, when set, is the advice given to a pipeline that uses the
	// action type: AWS no longer documents or recommends it.
	Deprecation string
	// UsesSecrets is set for action types that document SECRETS_MANAGER
	// environment variables.
	UsesSecrets bool
	// Caveat is what the pipeline definition cannot show about the grants
	// the action type needs; it holds on every plan, so it is advice.
	Caveat string
	// Managed is an AWS managed policy that may stand in for some of the
	// statements, when the request asks for AWS managed policies.
	Managed *ManagedAlternative
	// Omitted names grants that other sources make for the action type and
	// this catalog deliberately does not, each with the reason.
	Omitted []Omission
	// ConfigKeys are the documented configuration keys; nil when unknown.
	ConfigKeys []ConfigKey
	Statements []Statement
	// Companions are grants another role needs for some configurations; the
	// service role cannot give them, so the user is told.
	Companions []Companion
}

// ManagedAlternative is an AWS managed policy that allows every call of the
// statements it replaces (a test checks each one), for roles whose inline
// policies would not fit IAM's quotas. It grants more than they do.
type ManagedAlternative struct {
	Policy   string   // the managed policy's name, under arn:<partition>:iam::aws:policy/
	Replaces []string // the Sids it stands in for
	Sources  []string
	Note     string
}

// Omission is a grant left out on purpose: the IAM actions, the source that
// makes the grant (AWS CDK, an AWS managed policy) and why it is not needed.
type Omission struct {
	Actions []string
	Source  string
	Why     string
}

// Companion is advice about a grant that belongs to another role.
type Companion struct {
	Only   *Option
	Detail string
	Source string
}

// ConfigKey returns the documented configuration key with this exact name.
func (a ActionType) ConfigKey(name string) (ConfigKey, bool) {
	for _, k := range a.ConfigKeys {
		if k.Name == name {
			return k, true
		}
	}
	return ConfigKey{}, false
}

// Key is the action type's identifier in the Category/Provider form.
func (a ActionType) Key() string { return a.Category + "/" + a.Provider }

// All returns every action type in catalog order (category, then provider).
// Its capacity is its length, so appending to it never writes into the catalog.
func All() []ActionType { return actionTypes[:len(actionTypes):len(actionTypes)] }

// ArtifactStore returns the statements every pipeline needs for its artifact
// stores; ArtifactBucket and ArtifactKeyArn stand for each store's values.
func ArtifactStore() []Statement { return artifactStoreStatements }

// ArtifactStoreOmitted returns the artifact store grants left out on purpose.
func ArtifactStoreOmitted() []Omission { return artifactStoreOmitted }

// ActionRoles returns the statement that lets the service role assume the
// roles of actions that declare one; ActionRoleArn stands for each role.
func ActionRoles() []Statement { return actionRoleStatements }

// Lookup finds the action type with exactly this category and provider.
func Lookup(category, provider string) (ActionType, bool) {
	for _, a := range actionTypes {
		if a.Category == category && a.Provider == provider {
			return a, true
		}
	}
	return ActionType{}, false
}

// WithProvider returns every action type with exactly this provider name, in
// catalog order: a bare name such as "CodeBuild" can live in several categories.
func WithProvider(provider string) []ActionType {
	var found []ActionType
	for _, a := range actionTypes {
		if a.Provider == provider {
			found = append(found, a)
		}
	}
	return found
}

// CanonicalCategory returns the category spelled as AWS spells it, ignoring case.
func CanonicalCategory(name string) (string, bool) {
	for _, c := range Categories {
		if strings.EqualFold(c, name) {
			return c, true
		}
	}
	return "", false
}
