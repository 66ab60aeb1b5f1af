package policy

import (
	"cmp"
	"fmt"
	"net"
	"regexp"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
)

// Partitions are the AWS partitions an ARN can name.
var Partitions = []string{"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"}

var (
	regionPattern    = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$`)
	accountPattern   = regexp.MustCompile(`^[0-9]{12}$`)
	bucketPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
	keyIDPattern     = regexp.MustCompile(`^(mrk-)?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$`)
	forbiddenBuckets = []string{"xn--", "sthree-", "amzn-s3-demo-"}
)

// Validate checks every value of a request and reports each problem at its path.
func Validate(req Request) []Problem {
	var problems []Problem
	add := func(p *Problem) {
		if p != nil {
			problems = append(problems, *p)
		}
	}
	partition := req.partition()
	if p := CheckPartition(Path{AttrPartition}, req.Partition); p != nil {
		add(p)
		partition = "" // no second complaint about keys in "another" partition
	}
	add(CheckRegion(Path{AttrRegion}, req.Region))
	add(CheckAccountID(Path{AttrAccountID}, req.AccountID))
	add(CheckPipelineName(Path{AttrPipelineName}, req.PipelineName))
	if len(req.ActionProviders) == 0 && len(req.PipelineActions) == 0 {
		add(NoActions())
	}
	for i, entry := range req.ActionProviders {
		_, p := ResolveActionProvider(Path{AttrActionProviders, i}, entry)
		add(p)
	}
	for i, action := range req.PipelineActions {
		problems = append(problems, CheckPipelineAction(Path{AttrPipelineActions, i}, action, partition)...)
	}
	for i, store := range req.ArtifactStores {
		problems = append(problems, CheckArtifactStore(Path{AttrArtifactStores, i}, store, partition)...)
	}
	for i, role := range req.PassRoleARNs {
		add(CheckRoleARN(Path{AttrPassRoleARNs, i}, role, partition))
	}
	return problems
}

// NoActions is the problem of a request that selects no pipeline action.
func NoActions() *Problem {
	p := errorAt(Path{AttrActionProviders}, "No pipeline actions",
		"A pipeline has at least one source action and one other action. List the providers of your "+
			"pipeline's actions, for example action_providers = [\"CodeStarSourceConnection\", \"CodeBuild\"], "+
			"or describe them in pipeline_actions.")
	return &p
}

// CheckPartition accepts an empty value (meaning "aws") or a known partition.
func CheckPartition(path Path, partition string) *Problem {
	if partition == "" {
		return nil
	}
	for _, known := range Partitions {
		if partition == known {
			return nil
		}
	}
	p := errorAt(path, "Unknown partition", fmt.Sprintf("%q is not an AWS partition. Valid partitions are %s.",
		partition, quoteList(Partitions)))
	return &p
}

// CheckRegion accepts an empty value (meaning "any region") or a region code.
func CheckRegion(path Path, region string) *Problem {
	if region == "" || regionPattern.MatchString(region) {
		return nil
	}
	p := errorAt(path, "Invalid region", fmt.Sprintf(
		"%q is not an AWS region code. Give a code such as \"us-east-1\" or \"eu-west-2\", or leave it unset to allow any region.", region))
	return &p
}

// CheckAccountID accepts an empty value (meaning "any account") or 12 digits.
func CheckAccountID(path Path, account string) *Problem {
	if account == "" || accountPattern.MatchString(account) {
		return nil
	}
	p := errorAt(path, "Invalid account ID", fmt.Sprintf(
		"%q is not an AWS account ID: it must be exactly 12 digits, such as \"111122223333\" (keep leading zeros; "+
			"data.aws_caller_identity.current.account_id gives it).", account))
	return &p
}

// CheckArtifactStore validates one artifact store's bucket, key and region.
func CheckArtifactStore(path Path, store ArtifactStore, partition string) []Problem {
	var problems []Problem
	if p := CheckBucketName(path.Child(AttrLocation), store.Location); p != nil {
		problems = append(problems, *p)
	}
	if p := CheckRegion(path.Child(AttrRegion), store.Region); p != nil {
		problems = append(problems, *p)
	}
	if p := CheckKeyARN(path.Child(AttrEncryptionKeyID), store.EncryptionKeyID, partition); p != nil {
		problems = append(problems, *p)
	}
	return problems
}

// CheckBucketName applies the S3 general purpose bucket naming rules.
func CheckBucketName(path Path, name string) *Problem {
	why := bucketNameFault(name)
	if why == "" {
		return nil
	}
	p := errorAt(path, "Invalid artifact store bucket name", fmt.Sprintf(
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
	case !bucketPattern.MatchString(name):
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

// CheckKeyARN accepts an empty value or the ARN of a KMS key; with a partition
// given, the key must be in it.
func CheckKeyARN(path Path, value, partition string) *Problem {
	if value == "" {
		return nil
	}
	fault := keyARNFault(value, partition)
	if fault == "" {
		return nil
	}
	p := errorAt(path, "Invalid artifact store encryption key", fmt.Sprintf(
		"%q %s. Give the key's ARN, such as \"arn:%s:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\" "+
			"(aws_kms_key.artifacts.arn).", value, fault, cmp.Or(partition, DefaultPartition)))
	return &p
}

func keyARNFault(value, partition string) string {
	if keyIDPattern.MatchString(value) || strings.HasPrefix(value, "alias/") {
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
	case !regionPattern.MatchString(parsed.Region):
		return "has no valid region"
	case !accountPattern.MatchString(parsed.AccountID):
		return "has no valid 12-digit account ID"
	}
	return ""
}
