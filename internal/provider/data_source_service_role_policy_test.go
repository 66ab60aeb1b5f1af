package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

const policyAddress = "data.codepipeline_service_role_policy.test"

// scopedConfig uses every input attribute; scopedRequest is the same input
// given to the builder directly.
const scopedConfig = `
data "codepipeline_service_role_policy" "test" {
  action_providers = ["CodeStarSourceConnection", "Build/CodeBuild", "ECS", "CodeBuild"]
  artifact_stores = [{
    location          = "codepipeline-artifacts-example"
    encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    region            = "eu-west-1"
  }]
  partition  = "aws"
  region     = "eu-west-1"
  account_id = "111122223333"
}
`

var scopedRequest = policy.Request{
	ActionProviders: []string{"CodeStarSourceConnection", "CodeBuild", "ECS"},
	ArtifactStores: []policy.ArtifactStore{{
		Location:        "codepipeline-artifacts-example",
		EncryptionKeyID: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		Region:          "eu-west-1",
	}},
	Region:    "eu-west-1",
	AccountID: "111122223333",
}

func TestServiceRolePolicy_allAttributes(t *testing.T) {
	doc := policy.Build(scopedRequest).Document
	var actions []knownvalue.Check
	for _, a := range doc.Actions() {
		actions = append(actions, knownvalue.StringExact(a))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: scopedConfig,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("json"), knownvalue.StringExact(doc.JSON())),
					statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("minified_json"), knownvalue.StringExact(doc.MinifiedJSON())),
					statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("iam_actions"), knownvalue.ListExact(actions)),
					statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("policy_size"), knownvalue.Int64Exact(int64(len(doc.MinifiedJSON())))),
					statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("json"), knownvalue.StringFunc(grantsScopedConnection)),
				},
			},
			{
				// The same configuration again: nothing to change.
				Config: scopedConfig,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// grantsScopedConnection checks what a reviewer would look for first: both
// connection prefixes, scoped to the account, in a Version-first document.
func grantsScopedConnection(value string) error {
	var doc struct {
		Version   string
		Statement []struct {
			Sid      string
			Action   oneOrMany
			Resource oneOrMany
		}
	}
	if err := json.Unmarshal([]byte(value), &doc); err != nil {
		return err
	}
	want := map[string]string{
		"codeconnections:UseConnection":      "arn:aws:codeconnections:eu-west-1:111122223333:connection/*",
		"codestar-connections:UseConnection": "arn:aws:codestar-connections:eu-west-1:111122223333:connection/*",
	}
	for _, s := range doc.Statement {
		for _, a := range s.Action {
			if r, ok := want[a]; ok && slices.Contains(s.Resource, r) {
				delete(want, a)
			}
		}
	}
	if doc.Version != "2012-10-17" || len(want) > 0 {
		return fmt.Errorf("version %q, missing connection grants %v", doc.Version, want)
	}
	return nil
}

// oneOrMany reads an IAM element that holds one value as a string or several
// as a list.
type oneOrMany []string

func (v *oneOrMany) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*v = oneOrMany{one}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(v))
}

func TestServiceRolePolicy_defaults(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `data "codepipeline_service_role_policy" "test" { action_providers = ["GitHub"] }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("partition"), knownvalue.StringExact("aws")),
				statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("region"), knownvalue.Null()),
				statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("iam_actions"), knownvalue.ListSizeExact(10)),
				statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("json"), knownvalue.StringRegexp(regexp.MustCompile(`"arn:aws:s3:::\*/\*"`))),
			},
		}},
	})
}

func TestServiceRolePolicy_otherPartition(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "codepipeline_service_role_policy" "test" {
  action_providers = ["CodeCommit"]
  partition        = "aws-cn"
  region           = "cn-north-1"
  artifact_stores  = [{ location = "artifacts" }]
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("json"),
					knownvalue.StringRegexp(regexp.MustCompile(`"arn:aws-cn:codecommit:cn-north-1:\*:\*"`))),
			},
		}},
	})
}

// TestServiceRolePolicy_unknownUntilApply feeds inputs that are only known
// after apply: the read waits for apply and the policy then appears.
func TestServiceRolePolicy_unknownUntilApply(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "pipeline" {
  input = { providers = ["CodeBuild"], bucket = "artifacts-from-apply" }
}

data "codepipeline_service_role_policy" "test" {
  action_providers = terraform_data.pipeline.output.providers
  artifact_stores  = [{ location = terraform_data.pipeline.output.bucket }]
  account_id       = "111122223333"
}

output "policy" {
  value = data.codepipeline_service_role_policy.test.json
}`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("policy")},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("policy", knownvalue.StringRegexp(regexp.MustCompile(`"arn:aws:s3:::artifacts-from-apply/\*"`))),
			},
		}},
	})
}

func TestServiceRolePolicy_splitForManagedPolicies(t *testing.T) {
	actions := manyProjects("110")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: `data "codepipeline_service_role_policy" "test" {
  action_providers = ["CodeBuild"]
  pipeline_actions = ` + actions + `
}`,
				ExpectError: regexp.MustCompile(`Policy too large for IAM[\s\S]*Set split_for_managed_policies\s+=\s+true:\s+policy_documents\s+then\s+holds\s+4\s+documents`),
			},
			{
				Config: `data "codepipeline_service_role_policy" "test" {
  action_providers           = ["CodeBuild"]
  pipeline_actions           = ` + actions + `
  split_for_managed_policies = true
}

output "part_sizes" {
  value = [for doc in data.codepipeline_service_role_policy.test.policy_documents : length(jsondecode(doc).Statement)]
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(policyAddress, tfjsonpath.New("policy_documents"), knownvalue.ListSizeExact(4)),
				},
			},
		},
	})
}
