package catalog

// passedTo is the condition every iam:PassRole grant carries: the role may only
// be handed to these services.
func passedTo(services ...string) map[string]map[string][]string {
	return map[string]map[string][]string{"StringEquals": {"iam:PassedToService": services}}
}

// inOwnAccount limits S3 access to buckets owned by the pipeline's account, as
// the AWS documentation's statements do. It is left out while the account is unknown.
var inOwnAccount = map[string]map[string][]string{"StringEquals": {"aws:ResourceAccount": {"${Account}"}}}
