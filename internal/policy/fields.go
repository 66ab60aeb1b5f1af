package policy

// Field names a field of a Request, of one of its parts or of a Result, so a
// Path can point at an input or a message can mention an output without this
// package knowing what Terraform calls it: the provider names every field.
// Its value is the Go field's name, which is also how tests print paths.
type Field string

// fields lists every Field, so the provider can check that it names each one.
var fields declared[Field]

// NewField declares a field; packages that build on this one (the audit)
// declare theirs with it too.
func NewField(name string) Field { return fields.add(name) }

// Fields returns every Field declared.
func Fields() []Field { return fields.all() }

// declared collects the values of a string type as they are declared, so
// they can be listed.
type declared[T ~string] []T

func (d *declared[T]) add(name string) T {
	v := T(name)
	*d = append(*d, v)
	return v
}

func (d declared[T]) all() []T { return d[:len(d):len(d)] }

// Request fields.
var (
	FieldActionProviders       = NewField("ActionProviders")
	FieldArtifactStores        = NewField("ArtifactStores")
	FieldPipelineActions       = NewField("PipelineActions")
	FieldPipelineRules         = NewField("PipelineRules")
	FieldPartition             = NewField("Partition")
	FieldRegion                = NewField("Region")
	FieldAccountID             = NewField("AccountID")
	FieldPipelineName          = NewField("PipelineName")
	FieldPassRoleARNs          = NewField("PassRoleARNs")
	FieldSecretKeyARNs         = NewField("SecretKeyARNs")
	FieldServiceRoleARN        = NewField("ServiceRoleARN")
	FieldTrustSourceConditions = NewField("TrustSourceConditions")
	FieldSplit                 = NewField("SplitForManagedPolicies")
	FieldUseAWSManaged         = NewField("UseAWSManagedPolicies")
	FieldManagedPolicyARNs     = NewField("ManagedPolicyARNs")
)

// Fields of a pipeline action, a rule, an environment variable and an
// artifact store. Fields of the same name in different parts share one.
var (
	FieldName                 = NewField("Name")
	FieldCategory             = NewField("Category")
	FieldOwner                = NewField("Owner")
	FieldProvider             = NewField("Provider")
	FieldVersion              = NewField("Version")
	FieldConfiguration        = NewField("Configuration")
	FieldEnvironmentVariables = NewField("EnvironmentVariables")
	FieldCommands             = NewField("Commands")
	FieldRoleARN              = NewField("RoleARN")
	FieldValue                = NewField("Value")
	FieldType                 = NewField("Type")
	FieldLocation             = NewField("Location")
	FieldEncryptionKeyID      = NewField("EncryptionKeyID")
)

// Result fields that messages mention.
var (
	FieldDocument     = NewField("Document")
	FieldDocuments    = NewField("Documents")
	FieldRolePolicies = NewField("RolePolicies")
	FieldEventRole    = NewField("EventRole")
	FieldUnscoped     = NewField("Unscoped")
	FieldAdvice       = NewField("Advice")
)
