// Package audit compares the policies a CodePipeline service role has now
// with the policy the pipeline needs (policy.Build): which calls the role
// denies, a policy that grants exactly those, and which existing statements
// grant more than needed. It is pure Go: no I/O, no Terraform types.
//
// # What "complete" claims
//
// Every (action, resource) of the built policy becomes requests to the
// evaluator (internal/iameval) with the statement's condition satisfied: one
// request per value of each condition key. Each request carries the keys AWS
// puts in every request of the service role's session whose values the
// inputs tell: aws:SecureTransport "true", aws:PrincipalType "AssumedRole",
// aws:PrincipalArn (the service role's ARN, when given), aws:PrincipalAccount
// (that role's account, else the pipeline's), aws:CurrentTime and
// aws:EpochTime (Request.Now, unless zero), and aws:RequestedRegion: the
// region the resource names, else that of each action, rule or artifact store
// needing the grant, one request per region. Any other key, and a key whose
// value is not known, is absent, as IAM reads a request without it: an Allow
// or Deny conditioned on it with a plain operator does not apply, and one
// with a negated or IfExists operator does.
//
// A resource without wildcards is judged exactly. A wildcard stands for many
// resources, so it is judged by stand-in values: each '*' becomes a run of a
// character none of the documents contains, once one character long and once
// longer than any string in them, and each '?' one such character. The
// documents can allow both only with a wildcard of their own in the same
// place, which allows every value there. Two exceptions remain: documents
// that cover our wildcard only by several '?' patterns of fixed lengths, and
// a wildcard of theirs that needs a minimum length ("??*"); both are judged
// complete although some lengths are not allowed. An Allow's NotResource that
// names part of what our wildcard covers is found by comparing patterns and
// reported as missing.
//
// A Deny that denies a request, or names part of what our wildcard covers, is
// reported whether or not anything allows the grant: the Missing entry names
// it in DeniedBy, since adding MissingPolicy does not help while it stands.
//
// Only identity policies are read: service control policies, permissions
// boundaries and resource policies (bucket and key policies) are not.
package audit

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// Fields of the audit's request and result, for paths and messages; the
// documents share the policy's field of the same name.
var (
	FieldDocuments          = policy.FieldDocuments
	FieldFailWhenIncomplete = policy.NewField("FailWhenIncomplete")
	FieldMissing            = policy.NewField("Missing")
	FieldMissingPolicy      = policy.NewField("MissingPolicy")
)

// Codes of the audit's problems.
var (
	CodeInvalidDocument = policy.NewCode("invalid_document")
	CodeIncomplete      = policy.NewCode("incomplete")
)

// Request is a pipeline and the identity policies its role has now.
type Request struct {
	// Pipeline describes the pipeline as for codepipeline_service_role_policy.
	// Its Unknown paths may also name Documents (policy_documents[i]).
	Pipeline policy.Request
	// Documents are the JSON policy documents attached to the role.
	Documents []string
	// FailWhenIncomplete turns the warning about missing permissions into an error.
	FailWhenIncomplete bool
	// Now is the time the role's requests are judged at (aws:CurrentTime and
	// aws:EpochTime); the zero time leaves those keys out.
	Now time.Time
}

// Result is what the role lacks and what it grants beyond the pipeline's needs.
type Result struct {
	// Complete is true when the documents allow every call the pipeline needs.
	Complete bool
	// Missing lists each (action, resource) of the built policy the documents
	// do not allow, in the order of MissingPolicy.
	Missing []Missing
	// MissingPolicy grants exactly what is missing, with the built policy's
	// Sids and conditions; nil when complete.
	MissingPolicy *policy.Document
	// Broader lists the existing statements that grant more than needed.
	Broader  []Broad
	Problems []policy.Problem
}

// Missing is one grant the pipeline needs and the role does not have.
type Missing struct {
	Sid      string // the statement of MissingPolicy that grants it
	Action   string
	Resource string
	// NeededBy names the actions and rules (or artifact stores) that need it.
	NeededBy []policy.Origin
	// Sources are the pages that show the grant is needed.
	Sources []string
	// Why says why the documents do not allow it, where there is more to say
	// than that nothing allows it: a condition value, a NotResource, a Deny.
	Why policy.Text
	// DeniedBy is the Deny statement that denies all or part of the grant, if
	// any: adding MissingPolicy does not help while it stands.
	DeniedBy *StatementRef
}

// StatementRef points at a statement of the role's documents.
type StatementRef struct {
	Document, Statement int
	Sid                 string
}

// Text names the statement the way a reviewer finds it:
// policy_documents[1] Statement[0] ("DenyDeletes").
func (s StatementRef) Text() policy.Text {
	t := policy.Text{policy.Path{FieldDocuments, s.Document}, fmt.Sprintf(" Statement[%d]", s.Statement)}
	if s.Sid != "" {
		t = append(t, fmt.Sprintf(" (%q)", s.Sid))
	}
	return t
}

// Reason says in words what needs the grant and why it is missing.
func (m Missing) Reason() policy.Text {
	t := policy.Text{"needed by "}
	for i, o := range m.NeededBy {
		if i > 0 {
			t = append(t, ", ")
		}
		t = append(t, o.Text()...)
	}
	if len(m.Why) > 0 {
		t = append(append(t, "; "), m.Why...)
	}
	return t
}

// Validate reports the problems of the request's known values: the
// pipeline's errors, and documents that are not identity policies.
func Validate(req Request) []policy.Problem {
	problems := policy.Validate(req.Pipeline)
	for i, doc := range req.Documents {
		if known(req.Pipeline.Unknown, i) {
			if _, p := parse(i, doc); p != nil {
				problems = append(problems, *p)
			}
		}
	}
	return problems
}

// Audit builds the pipeline's policy and checks every grant of it against
// the documents.
func Audit(req Request) Result {
	built := policy.Build(req.Pipeline)
	problems := built.Problems
	var policies []iameval.Policy
	for i, doc := range req.Documents {
		p, fault := parse(i, doc)
		if fault != nil {
			problems = append(problems, *fault)
		}
		policies = append(policies, p)
	}
	if policy.HasError(problems) {
		return Result{Problems: problems}
	}
	c := newChecker(req, built.Pipeline, policies)
	result := c.missing(built)
	result.Broader = broader(policies, built.Document)
	result.Problems = append(problems, incompleteProblem(result.Missing, req.FailWhenIncomplete)...)
	return result
}

// known reports whether document i is known: neither the list nor the
// element is among the unknown paths.
func known(unknown []policy.Path, i int) bool {
	for _, u := range unknown {
		if (policy.Path{FieldDocuments, i}).Within(u) {
			return false
		}
	}
	return true
}

// parse reads document i as an identity policy, or says what is wrong with it.
func parse(i int, document string) (iameval.Policy, *policy.Problem) {
	path := policy.Path{FieldDocuments, i}
	fail := func(detail string) (iameval.Policy, *policy.Problem) {
		return iameval.Policy{}, &policy.Problem{Code: CodeInvalidDocument, Path: path, Summary: "Invalid policy document",
			Detail: policy.Text{path, " " + detail + ". Give the JSON text of a policy attached to the role, such as " +
				"aws_iam_role_policy.<name>.policy or data.aws_iam_policy.<name>.policy, or the output of aws iam " +
				"get-role-policy or aws iam get-policy-version."}}
	}
	if strings.TrimSpace(document) == "" {
		return fail("is empty")
	}
	p, err := iameval.Parse(unwrap(document))
	if err != nil {
		return fail("is not a valid IAM policy document: " + err.Error())
	}
	if err := iameval.CheckIdentity(p); err != nil {
		return fail("is not an identity policy (a trust or resource policy is not attached as a permission " +
			"policy): " + err.Error())
	}
	return p, nil
}

// shownMissing is how many missing grants the warning lists.
const shownMissing = 5

// incompleteProblem sums up what is missing, as a warning or, for CI gates,
// an error. It names the Deny statements in the way, since attaching
// MissingPolicy does not help while they stand.
func incompleteProblem(missing []Missing, fail bool) []policy.Problem {
	if len(missing) == 0 {
		return nil
	}
	detail := policy.Text{"The role's ", policy.Path{FieldDocuments}, fmt.Sprintf(" do not allow %d calls this pipeline makes:", len(missing))}
	for i, m := range missing {
		if i < shownMissing {
			detail = append(append(detail, fmt.Sprintf("\n  - %s on %s: ", m.Action, m.Resource)), m.Reason()...)
		}
	}
	if len(missing) > shownMissing {
		detail = append(detail, fmt.Sprintf("\n  - and %d more (see ", len(missing)-shownMissing), policy.Path{FieldMissing}, ")")
	}
	detail = append(detail, remedy(missing)...)
	problem := policy.Problem{Code: CodeIncomplete, Path: policy.Path{FieldDocuments}, Warning: true,
		Summary: "Service role lacks permissions", Detail: detail}
	if fail {
		problem.Warning = false
		problem.Detail = append(detail, " This is an error because ", policy.Path{FieldFailWhenIncomplete}, " is true.")
	}
	return []policy.Problem{problem}
}

// remedy says what completes the role: MissingPolicy, and first narrowing
// each Deny statement that denies all or part of a missing grant.
func remedy(missing []Missing) policy.Text {
	attach := policy.Text{policy.Path{FieldMissingPolicy}, " to the role, for example with another aws_iam_role_policy."}
	var denies []StatementRef
	denied := 0
	for _, m := range missing {
		if m.DeniedBy != nil {
			denied++
			if !slices.Contains(denies, *m.DeniedBy) {
				denies = append(denies, *m.DeniedBy)
			}
		}
	}
	if denied == 0 {
		return append(policy.Text{"\nAttach "}, attach...)
	}
	t := policy.Text{fmt.Sprintf("\nDeny statements block all or part of %d of these calls, and no added grant overrides "+
		"a Deny: attaching ", denied), policy.Path{FieldMissingPolicy}, " alone does not complete the role. Narrow "}
	for i, ref := range denies {
		if i > 0 {
			t = append(t, ", ")
		}
		t = append(t, ref.Text()...)
	}
	return append(append(t, ", then attach "), attach...)
}
