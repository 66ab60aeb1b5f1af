package policy

// codes lists every Code, so tests can show that each kind of problem
// reaches the user.
var codes declared[Code]

// NewCode declares a code; packages that build on this one declare theirs
// with it too.
func NewCode(name string) Code { return codes.add(name) }

// Codes returns every Code declared.
func Codes() []Code { return codes.all() }

// AdviceCodes are the codes of Result.Advice: what holds on every plan of a
// configuration, shown as an output rather than a warning.
func AdviceCodes() []Code { return []Code{CodeCompanion, CodeSecretKey, CodeCaveat} }

// The codes of the builder's problems.
var (
	// The pipeline as a whole.
	CodeNoActions = NewCode("no_actions")
	CodeTooMany   = NewCode("too_many") // more entries than one pipeline can hold

	// Action providers, categories and owners.
	CodeEmptyProvider         = NewCode("empty_provider")
	CodeProviderSpaces        = NewCode("provider_spaces")
	CodeProviderCase          = NewCode("provider_case")
	CodeUnknownProvider       = NewCode("unknown_provider")
	CodeUnknownCategory       = NewCode("unknown_category")
	CodeCategoryCase          = NewCode("category_case")
	CodeProviderNotInCategory = NewCode("provider_not_in_category")
	CodeUnknownOwner          = NewCode("unknown_owner")
	CodeUnexpectedOwner       = NewCode("unexpected_owner")
	CodePartnerAction         = NewCode("partner_action")
	CodeDeprecated            = NewCode("deprecated")

	// Stage-condition rules.
	CodeRuleProviderCase    = NewCode("rule_provider_case")
	CodeUnknownRuleProvider = NewCode("unknown_rule_provider")
	CodeUnknownRuleOwner    = NewCode("unknown_rule_owner")
	CodeUnknownRuleVersion  = NewCode("unknown_rule_version")
	CodeTooManyCommands     = NewCode("too_many_commands")
	CodeInvalidCommand      = NewCode("invalid_command")

	// Configuration values.
	CodeInvalidConfigKey   = NewCode("invalid_config_key")
	CodeEmptyConfigValue   = NewCode("empty_config_value")
	CodeConfigValueTooLong = NewCode("config_value_too_long")
	CodeUnknownConfigKey   = NewCode("unknown_config_key")
	CodeInvalidSetting     = NewCode("invalid_setting")
	CodeInvalidName        = NewCode("invalid_name")
	CodeInvalidARN         = NewCode("invalid_arn")
	CodeInvalidFunction    = NewCode("invalid_function")

	// Environment variables and secrets.
	CodeTooManyVariables     = NewCode("too_many_variables")
	CodeInvalidVariableName  = NewCode("invalid_variable_name")
	CodeUnknownVariableType  = NewCode("unknown_variable_type")
	CodeInvalidVariableValue = NewCode("invalid_variable_value")
	CodeInvalidSecret        = NewCode("invalid_secret")
	CodeSecretsUndocumented  = NewCode("secrets_undocumented")
	CodeSecretKey            = NewCode("secret_key")

	// Pipeline-wide identifiers.
	CodeUnknownPartition     = NewCode("unknown_partition")
	CodeInvalidRegion        = NewCode("invalid_region")
	CodeRegionNotInPartition = NewCode("region_not_in_partition")
	CodeStoreWithoutRegion   = NewCode("store_without_region")
	CodeDuplicateStoreRegion = NewCode("duplicate_store_region")
	CodeRegionWithoutStore   = NewCode("region_without_store")
	CodeInvalidAccount       = NewCode("invalid_account")
	CodeInvalidBucket        = NewCode("invalid_bucket")
	CodeInvalidKey           = NewCode("invalid_key")
	CodeInvalidPipelineName  = NewCode("invalid_pipeline_name")
	CodeInvalidRole          = NewCode("invalid_role")

	// What the other documents need.
	CodeTrustNeedsInput     = NewCode("trust_needs_input")
	CodeEventRoleNeedsName  = NewCode("event_role_needs_name")
	CodeCompanion           = NewCode("companion")
	CodeCaveat              = NewCode("caveat")
	CodeUnscoped            = NewCode("unscoped")
	CodePolicyTooLarge      = NewCode("policy_too_large")
	CodeTooManyManaged      = NewCode("too_many_managed")
	CodeAboveManagedDefault = NewCode("above_managed_default")
)
