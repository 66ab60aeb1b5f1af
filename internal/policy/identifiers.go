package policy

import (
	"cmp"
	"fmt"
	"net"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

var (
	regionPattern       = lazyPattern(`^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$`)
	accountPattern      = lazyPattern(`^[0-9]{12}$`)
	bucketPattern       = lazyPattern(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
	keyIDPattern        = lazyPattern(`^(mrk-)?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$`)
	forbiddenBuckets    = []string{"xn--", "sthree-", "amzn-s3-demo-"}
	pipelineNamePattern = lazyPattern(`^[A-Za-z0-9.@_-]{1,100}$`)
)

// checkPartition accepts an empty value (meaning "aws") or a known partition.
func checkPartition(path Path, partition string) *Problem {
	if partition == "" {
		return nil
	}
	if slices.Contains(catalog.PartitionIDs(), partition) {
		return nil
	}
	p := errorAt(CodeUnknownPartition, path, "Unknown partition", say("%q is not an AWS partition. Valid partitions are %s.",
		partition, quoteList(catalog.PartitionIDs())))
	return &p
}

// checkRegion accepts an empty value (meaning "any region") or a region code
// of partition, when partition is known.
func checkRegion(path Path, region, partition string) *Problem {
	if region == "" {
		return nil
	}
	if !regionPattern().MatchString(region) {
		p := errorAt(CodeInvalidRegion, path, "Invalid region", say(
			"%q is not an AWS region code. Give a code such as \"us-east-1\" or \"eu-west-2\", or leave it unset to allow any region.", region))
		return &p
	}
	if owner := regionPartitionFault(region, partition); owner != "" {
		p := errorAt(CodeRegionNotInPartition, path, "Region not in the partition", say(
			"%q is a region of the %q partition, but %s is %q, so every ARN built for it would match nothing. "+
				"Set %s = %q, or give a region of %q.", region, owner, FieldPartition, partition, FieldPartition, owner, partition))
		return &p
	}
	return nil
}

// regionPartitionFault returns the partition region belongs to when that is
// not partition, by the AWS SDKs' partition metadata; "" when it fits or
// either is unknown.
func regionPartitionFault(region, partition string) string {
	owner, known := catalog.PartitionOfRegion(region)
	if !known || partition == "" || owner == partition {
		return ""
	}
	return owner
}

// checkAccountID accepts an empty value (meaning "any account") or 12 digits.
func checkAccountID(path Path, account string) *Problem {
	if account == "" || accountPattern().MatchString(account) {
		return nil
	}
	p := errorAt(CodeInvalidAccount, path, "Invalid account ID", say(
		"%q is not an AWS account ID: it must be exactly 12 digits, such as \"111122223333\" (keep leading zeros; "+
			"data.aws_caller_identity.current.account_id gives it).", account))
	return &p
}

// checkBucketName applies the S3 general purpose bucket naming rules.
func checkBucketName(path Path, name string) *Problem {
	why := bucketNameFault(name)
	if why == "" {
		return nil
	}
	p := errorAt(CodeInvalidBucket, path, "Invalid artifact store bucket name", say(
		"%q is not an S3 bucket name: %s. Give the bucket name, as in aws_codepipeline's artifact_store.location "+
			"(for example aws_s3_bucket.artifacts.bucket), not its ARN or URL.", name, why))
	return &p
}

func bucketNameFault(name string) string {
	switch {
	case name == "":
		return "it is empty"
	case strings.HasPrefix(name, "arn:") || strings.Contains(name, "/"):
		return "it looks like an ARN or a path"
	case len(name) < 3 || len(name) > 63:
		return "it must be 3 to 63 characters long"
	case !bucketPattern().MatchString(name):
		return "it may only hold lowercase letters, digits, dots and hyphens, and must start and end with a letter or digit"
	case strings.Contains(name, ".."):
		return "it must not contain two adjacent dots"
	case net.ParseIP(name) != nil:
		return "it must not be formatted as an IP address"
	}
	for _, prefix := range forbiddenBuckets {
		if strings.HasPrefix(name, prefix) {
			return fmt.Sprintf("it must not start with %q", prefix)
		}
	}
	if strings.HasSuffix(name, "-s3alias") || strings.HasSuffix(name, "--ol-s3") {
		return "it must not end with a suffix reserved for access points"
	}
	return ""
}

// checkKeyARN accepts an empty value or the ARN of a KMS key; with a partition
// given, the key must be in it.
func checkKeyARN(path Path, value, partition string) *Problem {
	if value == "" {
		return nil
	}
	fault := keyARNFault(value, partition)
	if fault == "" {
		return nil
	}
	p := errorAt(CodeInvalidKey, path, "Invalid artifact store encryption key", say(
		"%q %s. Give the key's ARN, such as \"arn:%s:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\" "+
			"(aws_kms_key.artifacts.arn).", value, fault, cmp.Or(partition, DefaultPartition)))
	return &p
}

func keyARNFault(value, partition string) string {
	if !strings.HasPrefix(value, "arn:") && keyIDPattern().MatchString(value) || strings.HasPrefix(value, "alias/") {
		return "is a key ID or alias name, not an ARN; IAM policies need the full key ARN"
	}
	if strings.Contains(value, ":alias/") {
		return "is an alias ARN; IAM evaluates KMS permissions against the key's own ARN"
	}
	if fault := arnFault(value, []string{"kms"}, "key/", partition); fault != "" {
		return fault
	}
	// A key always lives in one region and account, unlike the ARNs arnFault accepts.
	parsed, _ := arn.Parse(value)
	switch {
	case !regionPattern().MatchString(parsed.Region):
		return "has no valid region"
	case !accountPattern().MatchString(parsed.AccountID):
		return "has no valid 12-digit account ID"
	case !keyIDPattern().MatchString(strings.TrimPrefix(parsed.Resource, "key/")):
		return "does not end in a key ID (a UUID, or mrk- and 32 hex digits for a multi-Region key), so it names no one key"
	}
	return ""
}

// checkPipelineName accepts an empty value or a valid CodePipeline name.
func checkPipelineName(path Path, name string) *Problem {
	if name == "" || pipelineNamePattern().MatchString(name) {
		return nil
	}
	p := errorAt(CodeInvalidPipelineName, path, "Invalid pipeline name", say(
		"%q is not a CodePipeline name: use 1 to 100 letters, digits and . @ - _ (aws_codepipeline.this.name).", name))
	return &p
}

// roleUse says where a role ARN goes: into a Resource, where the renderer
// escapes it, or also into a Principal, which holds no wildcards or policy
// variables, so nothing can escape a '*', '?' or '$' there.
type roleUse bool

const (
	asResource  roleUse = false
	asPrincipal roleUse = true
)

// checkRoleARN accepts an empty value or the ARN of an IAM role in partition
// (any partition when partition is empty) whose path and name follow IAM's
// rules, so it names one role, never a pattern of roles.
func checkRoleARN(path Path, value, partition string, use roleUse) *Problem {
	if value == "" {
		return nil
	}
	fault := arnFault(value, []string{"iam"}, "role/", partition)
	if fault == "" {
		fault = roleFault(value, use)
	}
	if fault == "" {
		return nil
	}
	p := errorAt(CodeInvalidRole, path, "Invalid IAM role ARN", say(
		"%q %s. Give a role ARN, such as \"arn:%s:iam::111122223333:role/my-role\" (aws_iam_role.this.arn).",
		value, fault, cmp.Or(partition, DefaultPartition)))
	return &p
}

func roleFault(value string, use roleUse) string {
	parsed, _ := arn.Parse(value)
	rule := catalog.IAMRole
	switch name := strings.TrimPrefix(parsed.Resource, "role/"); {
	case parsed.Region != "":
		return fmt.Sprintf("names the region %q, but IAM roles are global: the region field must be empty", parsed.Region)
	case !accountPattern().MatchString(parsed.AccountID):
		return "has no valid 12-digit account ID"
	case !nameValid(rule, name):
		return fmt.Sprintf("ends in %q, which is not a role's %s: it must be %s (%s); a role ARN names one role, never a pattern of roles",
			name, rule.Resource, rule.Rule, rule.Source)
	case use == asPrincipal && strings.ContainsAny(name, "*?$"):
		return "has a path holding '*', '?' or '$'. The role becomes a Principal of a trust, bucket or key policy, " +
			"where IAM allows no wildcard or policy variable, so the document could not name this role exactly"
	}
	return ""
}

// arnFault says what keeps value from being an ARN of one of services whose
// resource starts with typePrefix, or "" when nothing does.
func arnFault(value string, services []string, typePrefix, partition string) string {
	parsed, err := arn.Parse(value)
	switch {
	case err != nil:
		return "is not an ARN"
	case !slices.Contains(services, parsed.Service):
		return fmt.Sprintf("is an ARN of the %q service, not of %s", parsed.Service, orList(services))
	case !strings.HasPrefix(parsed.Resource, typePrefix) || len(parsed.Resource) == len(typePrefix):
		return fmt.Sprintf("names %q, not a resource of the form %s<name>", parsed.Resource, typePrefix)
	case partition != "" && parsed.Partition != partition:
		return fmt.Sprintf("is in partition %q, but the policy is built for partition %q", parsed.Partition, partition)
	}
	return ""
}

// SecretsManager is the environment variable type whose value names a secret.
const SecretsManager = "SECRETS_MANAGER"

var envNamePattern = lazyPattern(`^[A-Za-z0-9_]{1,128}$`)

// checkEnvironmentVariable checks one environment variable's name, type and
// value length, as the CodePipeline API's EnvironmentVariable defines them.
func checkEnvironmentVariable(path Path, v EnvironmentVariable) *Problem {
	var p Problem
	switch n := len([]rune(v.Value)); {
	case !envNamePattern().MatchString(v.Name):
		p = errorAt(CodeInvalidVariableName, path.Child(FieldName), "Invalid environment variable name", say(
			"%q is not an environment variable name: use 1 to 128 letters, digits and underscores.", v.Name))
	case v.Type != "" && v.Type != "PLAINTEXT" && v.Type != SecretsManager:
		p = errorAt(CodeUnknownVariableType, path.Child(FieldType), "Unknown environment variable type", say(
			"%q is not an environment variable type. Valid types are \"PLAINTEXT\" (the default) and %q.", v.Type, SecretsManager))
	case n == 0 || n > maxEnvValue:
		p = errorAt(CodeInvalidVariableValue, path.Child(FieldValue), "Invalid environment variable value", say(
			"The value of %s has %d characters; CodePipeline accepts 1 to %d.", v.Name, n, maxEnvValue))
	default:
		return nil
	}
	return &p
}

// parseSecret reads a SECRETS_MANAGER variable's value: a secret name, or a
// secret ARN, either optionally followed by ":json-key" and further fields.
// A name is granted with the six random characters Secrets Manager appends.
func parseSecret(value, partition string) (record, string) {
	if strings.HasPrefix(value, "arn:") {
		if fault := arnFault(value, []string{"secretsmanager"}, "secret:", partition); fault != "" {
			return record{}, fmt.Sprintf("%q %s. Give the secret's name, or its ARN "+
				"(arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-AbCdEf).", value, fault)
		}
		parsed, _ := arn.Parse(value)
		name, _, _ := strings.Cut(strings.TrimPrefix(parsed.Resource, "secret:"), ":")
		if fault := arnPlaceFault(parsed); fault != "" || parsed.Region == "" || parsed.AccountID == "" {
			return record{}, fmt.Sprintf("%q %s: a secret ARN names its region and 12-digit account.", value, cmp.Or(fault, "is incomplete"))
		}
		return record{Value: value, Partition: parsed.Partition, Region: parsed.Region, Account: parsed.AccountID,
			Name: name, known: true}, ""
	}
	name, _, _ := strings.Cut(value, ":")
	if rule := catalog.SecretNaming; !nameValid(rule, name) {
		return record{}, fmt.Sprintf("%q does not start with a secret name: a %s must be %s (%s), optionally "+
			"followed by :json-key.", value, rule.Resource, rule.Rule, rule.Source)
	}
	return record{Value: value, Name: name, pattern: catalog.SecretSuffix, known: true}, ""
}
