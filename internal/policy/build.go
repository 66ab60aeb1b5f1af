package policy

import (
	"fmt"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// IAM quotas on policy size, in characters without whitespace.
const (
	ManagedPolicyLimit = 6144  // one customer managed policy
	InlinePolicyLimit  = 10240 // all inline policies of one role together
)

// Result is a built policy and what the builder noticed on the way.
type Result struct {
	Document Document
	Problems []Problem
}

// Build validates the request and renders its policy. When Problems holds an
// error, the Document is empty.
func Build(req Request) Result {
	problems := Validate(req)
	if HasError(problems) {
		return Result{Problems: problems}
	}
	doc := Document{Version: Version, Statement: merge(render(req, selectedActionTypes(req)))}
	problems = append(problems, advice(req, doc)...)
	if HasError(problems) {
		return Result{Problems: problems}
	}
	return Result{Document: doc, Problems: problems}
}

// selectedActionTypes resolves a valid request's providers, in catalog order
// and without repeats, so input order and duplicates cannot change the output.
func selectedActionTypes(req Request) []catalog.ActionType {
	chosen := map[string]bool{}
	for _, entry := range req.ActionProviders {
		types, _ := ResolveActionProvider(nil, entry)
		for _, t := range types {
			chosen[t.Key()] = true
		}
	}
	var selected []catalog.ActionType
	for _, t := range catalog.All() {
		if chosen[t.Key()] {
			selected = append(selected, t)
		}
	}
	return selected
}

// render fills the templates of the artifact store and every selected action type.
func render(req Request, types []catalog.ActionType) []Statement {
	v := contextValues(req)
	templates := catalog.ArtifactStore()
	for _, t := range types {
		templates = append(templates, t.Statements...)
	}
	var rendered []Statement
	for _, t := range templates {
		var resources []string
		for _, r := range t.Resources {
			resources = append(resources, v.renderResource(r)...)
		}
		if len(resources) == 0 {
			continue
		}
		rendered = append(rendered, Statement{
			Sid:       t.Sid,
			Effect:    "Allow",
			Action:    t.Actions,
			Resource:  resources,
			Condition: v.renderCondition(t.Condition),
		})
	}
	return rendered
}

// advice reports what the user can still improve, and a policy IAM would reject.
func advice(req Request, doc Document) []Problem {
	var problems []Problem
	if len(req.ArtifactStores) == 0 {
		problems = append(problems, warningAt(Path{AttrArtifactStores}, "Artifact store access is not scoped",
			"Without artifact_stores the artifact bucket statements apply to every S3 bucket (arn:aws:s3:::*). "+
				"Add an artifact_stores entry with the bucket of your pipeline's artifact_store "+
				"(location = aws_s3_bucket.artifacts.bucket) to scope them."))
	}
	switch size := doc.Size(); {
	case size > InlinePolicyLimit:
		problems = append(problems, errorAt(nil, "Policy too large for IAM", fmt.Sprintf(
			"The policy has %d characters (without whitespace). IAM allows at most %d characters for all inline "+
				"policies of one role together, so aws_iam_role_policy would fail at apply. Split the pipeline's "+
				"actions over several data sources and attach each policy as a managed policy.", size, InlinePolicyLimit)))
	case size > ManagedPolicyLimit:
		problems = append(problems, warningAt(nil, "Policy too large for a managed policy", fmt.Sprintf(
			"The policy has %d characters (without whitespace). A managed policy (aws_iam_policy) may have at most "+
				"%d; attach it inline with aws_iam_role_policy, which allows %d per role.", size, ManagedPolicyLimit, InlinePolicyLimit)))
	}
	return problems
}
