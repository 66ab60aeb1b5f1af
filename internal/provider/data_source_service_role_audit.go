package provider

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// auditSpec is the codepipeline_service_role_audit data source: the pipeline
// inputs of codepipeline_service_role_policy, and the role's documents.
func auditSpec() *dataSourceSpec[audit.Request, audit.Result] { return auditSpecOnce.get(newAuditSpec) }

var auditSpecOnce once[*dataSourceSpec[audit.Request, audit.Result]]

func newAuditSpec() *dataSourceSpec[audit.Request, audit.Result] {
	type req = audit.Request
	inputs := append(lift(pipelineInputs(), func(r *req) *policy.Request { return &r.Pipeline }),
		stringListIn("policy_documents", audit.FieldDocuments, "The JSON policy documents the service role has now, one per "+
			"policy: inline policies (`aws_iam_role_policy.<name>.policy`, `data.aws_iam_role_policy.<name>.policy`) and attached "+
			"managed policies (`data.aws_iam_policy.<name>.policy`). A document that is not a valid identity policy is an "+
			"error on its element. Documents known only after apply (from resources not created yet) make the data "+
			"source read during apply.", true, func(r *req, v []string) { r.Documents = v }),
		boolIn("fail_when_incomplete", audit.FieldFailWhenIncomplete, "Set to `true` to make missing permissions an error "+
			"instead of a warning, so a plan in a CI gate fails while the role lacks what the pipeline needs. Defaults to `false`.",
			func(r *req, v bool) { r.FailWhenIncomplete = v }),
	)
	return newSpec(dataSourceSpec[audit.Request, audit.Result]{
		typeName: "_service_role_audit",
		description: "Audits an existing CodePipeline service role at plan time: which calls of the pipeline " +
			"its policies deny today, and exactly what to add. Give it the pipeline as to " +
			"`codepipeline_service_role_policy` and the role's policy documents; it builds the least-privilege policy " +
			"from the same catalog and checks every grant of it with a built-in IAM policy evaluator, without AWS " +
			"calls. Missing grants draw a warning (an error with `fail_when_incomplete`) and come back as " +
			"`missing_policy_json`, a policy to attach. The guide \"Auditing an existing service role\" says exactly " +
			"what `complete` claims.",
		inputs:  inputs,
		outputs: auditOutputs(),
		// With the documents' unknown paths, which Validate skips.
		unknown:  func(r *req, paths []policy.Path) { r.Pipeline.Unknown = paths },
		validate: audit.Validate,
		run: func(r req) (audit.Result, []policy.Problem) {
			r.Now = time.Now() // conditions on aws:CurrentTime hold or not at the time of the plan
			result := audit.Audit(r)
			return result, result.Problems
		},
	})
}

func auditOutputs() []output[audit.Result] {
	type missing = column[audit.Missing]
	type broad = column[audit.Broad]
	return []output[audit.Result]{
		{name: "complete", schema: schema.BoolAttribute{
			MarkdownDescription: "Whether the documents already allow every call the pipeline needs: every grant of " +
				"the policy `codepipeline_service_role_policy` builds from the same inputs.",
			Computed: true,
		}, write: func(r *audit.Result) tftypes.Value { return boolValue(r.Complete) }},
		objectListOut("missing", audit.FieldMissing, "Each grant the pipeline needs that the documents do not allow, one per "+
			"IAM action and resource, in the order of `missing_policy_json`. Empty when `complete`.",
			func(r *audit.Result) []audit.Missing { return r.Missing },
			missing{"sid", computedString("The `Sid` of the statement of `missing_policy_json` that grants it."),
				func(m audit.Missing) tftypes.Value { return stringValue(m.Sid) }},
			missing{"iam_action", computedString("The IAM action, such as `codestar-connections:UseConnection`."),
				func(m audit.Missing) tftypes.Value { return stringValue(m.Action) }},
			missing{"resource", computedString("The resource ARN (or `\"*\"`) it is needed on, as the built policy scopes it."),
				func(m audit.Missing) tftypes.Value { return stringValue(m.Resource) }},
			missing{"reason", computedString("What needs it: the pipeline's actions and rules (`action \"Source\" " +
				"(Source/CodeStarSourceConnection)`), or `the artifact stores`; then, where it applies, why the " +
				"documents do not allow it, such as a condition value they leave out or a `Deny` statement (which " +
				"adding `missing_policy_json` does not override)."),
				func(m audit.Missing) tftypes.Value { return stringValue(m.Reason().Format(fieldName)) }},
			missing{"needed_by", computedStringList("The inputs that need the grant, as in `codepipeline_service_role_policy`'s " +
				"`statements`: `pipeline_actions[0] \"Source\" (Source/CodeStarSourceConnection)`, `action_providers[1] (Deploy/S3)` or `artifact_stores`."),
				func(m audit.Missing) tftypes.Value { return stringListValue(originNames(m.NeededBy)) }},
			missing{"sources", computedStringList("The pages that show the grant is needed."),
				func(m audit.Missing) tftypes.Value { return stringListValue(m.Sources) }},
			missing{"denied_by", computedString("The `Deny` statement that denies all or part of the grant, such as " +
				"`policy_documents[0] Statement[2] (\"DenyProd\")`: the index of the document in `policy_documents`, the index " +
				"of the statement in its `Statement` list, and its `Sid` if it has one. While it stands, attaching " +
				"`missing_policy_json` leaves the call denied: narrow it first. Null when no `Deny` statement is in the way."),
				func(m audit.Missing) tftypes.Value {
					if m.DeniedBy == nil {
						return nullString()
					}
					return stringValue(m.DeniedBy.Text().Format(fieldName))
				}},
		),
		{name: "missing_policy_json", field: audit.FieldMissingPolicy, schema: computedString("A policy document that grants " +
			"exactly what `missing` lists, scoped, named and conditioned as `codepipeline_service_role_policy` would: attach it " +
			"to the role (for example with another `aws_iam_role_policy`) and the audit is complete, unless a `Deny` statement " +
			"is in the way (`missing[*].denied_by`). Null when `complete`."), write: func(r *audit.Result) tftypes.Value {
			if r.MissingPolicy == nil {
				return nullString()
			}
			return stringValue(r.MissingPolicy.JSON())
		}},
		objectListOut("broader_than_needed", "", "For review: the documents' `Allow` statements that grant more than the "+
			"pipeline needs. The role works; these are what least privilege would remove.",
			func(r *audit.Result) []audit.Broad { return r.Broader },
			broad{"document_index", schema.Int64Attribute{MarkdownDescription: "The index of the document in `policy_documents`.", Computed: true},
				func(b audit.Broad) tftypes.Value { return numberValue(b.Document) }},
			broad{"statement_index", schema.Int64Attribute{MarkdownDescription: "The index of the statement in the document's `Statement` list.", Computed: true},
				func(b audit.Broad) tftypes.Value { return numberValue(b.Statement) }},
			broad{"sid", computedString("The statement's `Sid`; null when it has none."),
				func(b audit.Broad) tftypes.Value { return stringOrNull(b.Sid) }},
			broad{"kind", computedString("What is broad: `actions` (a wildcard action such as `s3:*`, or `NotAction`), " +
				"`resources` (actions granted on `\"*\"` or with `NotResource` that the pipeline needs on less, or " +
				"not at all) or `pass_role` (`iam:PassRole` without an `iam:PassedToService` condition)."),
				func(b audit.Broad) tftypes.Value { return stringValue(b.Kind) }},
			broad{"granted", computedStringList("The statement's entries that are broad, as written: its wildcard actions, the " +
				"actions it grants on `\"*\"`, or those that grant `iam:PassRole`."),
				func(b audit.Broad) tftypes.Value { return stringListValue(b.Granted) }},
			broad{"instead", computedStringList("What the built policy grants for those entries, one line per statement of it, " +
				"such as `s3:GetObject, s3:PutObject on arn:aws:s3:::artifacts/* (ArtifactObjectAccess)`. Empty " +
				"when the pipeline needs none of it."),
				func(b audit.Broad) tftypes.Value { return stringListValue(b.Instead) }},
		),
	}
}
