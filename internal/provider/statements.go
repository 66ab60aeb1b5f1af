package provider

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// statementsOutput explains every statement of every document, beside the
// documents themselves, so a plan diff shows a grant and why it is there.
func statementsOutput() output[built] {
	type explained = policy.Explained
	return objectListOut("statements", policy.FieldStatements, "One entry per statement of every document this data source "+
		"returns, in the order of the attributes, saying why the statement is there. Read it in a plan review, in "+
		"`terraform console`, or pin `iam_actions` in a `check` block or a `terraform test` assertion.",
		func(b *built) []explained { return b.result.Statements() },
		column[explained]{"policy", computedString("The attribute that holds the statement: `json`, " +
			"`action_role_policies[\"<role ARN>\"]`, `event_role_policy_json`, `trust_policy_json`, " +
			"`action_role_trust_policies[\"<role ARN>\"]`, `artifact_bucket_policies[\"<bucket>\"]`, " +
			"`artifact_key_policy_json` or `event_role_trust_policy_json`."),
			func(e explained) tftypes.Value { return stringValue(policy.Text{e.Policy}.Format(fieldName)) }},
		column[explained]{"sid", computedString("The statement's `Sid`."), func(e explained) tftypes.Value { return stringValue(e.Statement.Sid) }},
		column[explained]{"iam_actions", computedStringList("The statement's actions."),
			func(e explained) tftypes.Value { return stringListValue(e.Statement.Action) }},
		column[explained]{"resources", computedStringList("The statement's resources; empty in trust policies, which have none."),
			func(e explained) tftypes.Value { return stringListValue(e.Statement.Resource) }},
		column[explained]{"principals", computedStringList("The principals of a trust, bucket or key policy statement, " +
			"as `Service:codepipeline.amazonaws.com` or `AWS:<role ARN>`; empty in role policies."),
			func(e explained) tftypes.Value { return stringListValue(principals(e.Statement)) }},
		column[explained]{"condition", computedString("The statement's `Condition` as JSON, or null."),
			func(e explained) tftypes.Value { return conditionValue(e.Statement.Condition) }},
		column[explained]{"needed_by", computedStringList("The inputs that need the statement, each naming the input and the " +
			"action or rule, such as `pipeline_actions[2] \"Deploy\" (Deploy/ECS)`, `action_providers[1] (Deploy/S3)` or `artifact_stores`."),
			func(e explained) tftypes.Value { return stringListValue(originNames(e.NeededBy)) }},
		column[explained]{"sources", computedStringList("The pages that show the grant is needed: AWS documentation, and for some " +
			"statements the AWS managed policy or known issue it follows."),
			func(e explained) tftypes.Value { return stringListValue(e.Sources) }},
		column[explained]{"note", computedString("Why the grant is as narrow or as wide as it is, where the catalog says; null otherwise."),
			func(e explained) tftypes.Value { return stringOrNull(strings.Join(e.Notes, " ")) }},
	)
}

// originName names an input that needs a grant, as the user wrote it.
func originName(o policy.Origin) string {
	name := policy.Text{o.Path}.Format(fieldName)
	if o.Path == nil {
		name = fieldName(policy.FieldArtifactStores)
	}
	if o.Name != "" {
		name += fmt.Sprintf(" %q", o.Name)
	}
	if o.Type != "" {
		name += " (" + o.Type + ")"
	}
	return name
}

func originNames(origins []policy.Origin) []string {
	names := make([]string, 0, len(origins))
	for _, o := range origins {
		names = append(names, originName(o))
	}
	return names
}

func principals(s policy.Statement) []string {
	var out []string
	for _, kind := range []string{"AWS", "Service"} {
		for _, p := range s.Principal[kind] {
			out = append(out, kind+":"+p)
		}
	}
	return out
}

func conditionValue(condition map[string]map[string][]string) tftypes.Value {
	if len(condition) == 0 {
		return nullString()
	}
	text, err := json.Marshal(condition) // maps marshal with sorted keys
	if err != nil {
		return nullString()
	}
	return stringValue(string(text))
}
