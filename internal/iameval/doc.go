// Package iameval decides, as AWS IAM does, whether policy documents allow
// one API call: Allowed, an implicit deny or an explicit deny. It exists to
// audit an existing role's policies against the calls a pipeline makes, and
// to check identity policies together with the resource policies they meet
// (S3 bucket policies, KMS key policies, role trust policies) in tests. It is
// pure Go: no I/O, no AWS calls, no Terraform types.
//
// # Evaluation
//
// Parse reads a document strictly. EvaluateIdentity and EvaluateResource
// decide a Request against one kind of policy: any applicable Deny gives
// ExplicitDeny, otherwise any applicable Allow gives Allowed, otherwise
// ImplicitDeny. Access combines both kinds as AWS does for one request.
//
// # Matching
//
//   - Actions match without regard to case; '*' and '?' work in the part
//     after the service prefix.
//   - Resources match as ARNs, field by field: partition, service, region
//     and account without regard to case and without a wildcard crossing a
//     colon; the resource field (colons included) case-sensitively, where
//     '*' matches across ':' and '/'. An entry shorter than six fields matches
//     only if it ends in '*', which then spans the missing fields, as the IAM
//     reference allows a trailing '*' to match beyond colons. A wildcard in
//     the resource type ("pro*/x") is not one: IAM does not allow it there.
//   - Condition key names match without regard to case; values are
//     case-sensitive except under the IgnoreCase operators. Values of a key
//     are OR-ed, keys and operators AND-ed.
//
// # Conditions
//
// Every operator of the IAM reference is supported, with IfExists and the
// ForAnyValue: and ForAllValues: set operators; operator names are accepted
// in any case. A key absent from the request fails a plain operator and
// satisfies its negated form (StringNotEquals, NotIpAddress, ...) and its
// IfExists form; ForAllValues holds for an absent or empty set, ForAnyValue
// fails. A request value, or a policy value, that is not of the operator's
// type fails the plain and the negated operator alike. A key is multivalued
// when it has other than one value, when it is one of the multivalued global
// keys (aws:TagKeys, aws:CalledVia, ...), or when Request.MultiValued names
// it; a plain operator never matches a multivalued key. Dates are ISO 8601
// or seconds since the epoch; an IP value is a CIDR block or one address.
//
// # Policy variables
//
// In policies of Version 2012-10-17 (only: IAM reads "${...}" as text in
// older or unversioned ones), "${key}" in a Resource entry or in the values of
// the string, ARN and Bool operators is replaced with the request's value of
// that key, found without regard to case. The value is literal: its '*' is
// no wildcard. "${key, 'text'}" falls back to text. ${*}, ${?} and ${$} stand
// for the characters themselves. A variable whose key is absent or
// multivalued, with no default, has no value, and the string holding it
// matches nothing: a Resource entry does not match, a NotResource element or
// a negated operator does not hold, so the statement does not apply.
//
// # Principals
//
// Request.Principal is the caller's ARN: a role ("arn:aws:iam::…:role/name"),
// a role session ("arn:aws:sts::…:assumed-role/name/session"), a user, a
// federated user or an account root; a service principal such as
// "codepipeline.amazonaws.com"; or "" for an anonymous caller. In a resource
// policy, "*" and {"AWS": "*"} name everyone; an account ID or an account's
// root ARN names every principal of that account; a role ARN names the role
// and every session of it, so a caller may be given as the role ARN or as a
// session ARN; a session ARN names that session only; Service, Federated and
// CanonicalUser values name a caller with exactly that value. No other
// wildcard works in a principal. NotPrincipal names everyone it does not list.
//
// # Access
//
// An explicit deny in either kind of policy wins. A service principal or an
// anonymous caller is allowed only by a resource policy that names it. In
// the resource's own account, either kind may allow; a resource policy that
// names only the account (not the caller) leaves the decision to the
// identity policies. For KMS keys and role trust policies the identity
// policies count only when the key or trust policy allows the account. Across
// accounts, both kinds must allow.
//
// # Limits
//
// Not modelled: service control and resource control policies, permissions
// boundaries, session policies, VPC endpoint policies, S3 Block Public
// Access and ACLs, and the service-specific exceptions beyond KMS and STS
// (such as AWS-managed roles that no policy can modify).
//
// # Reference
//
// The package is compared, case by case, with the npm package
// @cloud-copilot/iam-simulate: testdata/README.md says how, and lists the few
// cases where that simulator departs from the AWS documentation and this
// package follows AWS.
package iameval
