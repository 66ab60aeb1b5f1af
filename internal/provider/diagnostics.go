package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// appendProblems reports the builder's problems as diagnostics on their attributes.
func appendProblems(diags *diag.Diagnostics, problems []policy.Problem) {
	for _, p := range problems {
		appendProblemAt(diags, attributePath(p.Path), p)
	}
}

func appendProblemAt(diags *diag.Diagnostics, at path.Path, p policy.Problem) {
	switch {
	case at.Equal(path.Empty()) && p.Warning:
		diags.AddWarning(p.Summary, p.Detail)
	case at.Equal(path.Empty()):
		diags.AddError(p.Summary, p.Detail)
	case p.Warning:
		diags.AddAttributeWarning(at, p.Summary, p.Detail)
	default:
		diags.AddAttributeError(at, p.Summary, p.Detail)
	}
}

// attributePath converts a builder path to a framework path.
func attributePath(steps policy.Path) path.Path {
	if len(steps) == 0 {
		return path.Empty()
	}
	first, _ := steps[0].(string)
	at := path.Root(first)
	for _, step := range steps[1:] {
		switch s := step.(type) {
		case string:
			at = at.AtName(s)
		case int:
			at = at.AtListIndex(s)
		case policy.MapKey:
			at = at.AtMapKey(string(s))
		}
	}
	return at
}

// checkString runs a builder check as a schema validator, so `terraform validate`
// reports the same problem, on the same attribute, that Read would.
type checkString struct {
	description string
	check       func(policy.Path, string) *policy.Problem
}

var _ validator.String = checkString{}

func (c checkString) Description(context.Context) string             { return c.description }
func (c checkString) MarkdownDescription(ctx context.Context) string { return c.Description(ctx) }

func (c checkString) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if p := c.check(nil, req.ConfigValue.ValueString()); p != nil {
		appendProblemAt(&resp.Diagnostics, req.Path, *p)
	}
}

var (
	validActionProvider = checkString{"must name a CodePipeline action provider", func(at policy.Path, s string) *policy.Problem {
		_, p := policy.ResolveActionProvider(at, s)
		return p
	}}
	validPartition    = checkString{"must be an AWS partition", policy.CheckPartition}
	validRegion       = checkString{"must be an AWS region code", policy.CheckRegion}
	validAccountID    = checkString{"must be a 12-digit AWS account ID", policy.CheckAccountID}
	validBucket       = checkString{"must be an S3 bucket name", policy.CheckBucketName}
	validPipelineName = checkString{"must be a CodePipeline name", policy.CheckPipelineName}
	validRoleARN      = checkString{"must be an IAM role ARN", func(at policy.Path, s string) *policy.Problem {
		return policy.CheckRoleARN(at, s, "")
	}}
	validKeyARN = checkString{"must be a KMS key ARN", func(at policy.Path, s string) *policy.Problem {
		return policy.CheckKeyARN(at, s, "")
	}}
)
