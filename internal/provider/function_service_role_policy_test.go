package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// functionTestCase runs steps on Terraform 1.8 or later, the first version
// with provider-defined functions; older CLIs skip the test.
func functionTestCase(steps ...resource.TestStep) resource.TestCase {
	return resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps:                    steps,
	}
}

// TestServiceRolePolicyFunction_matchesDataSource gives the function and the
// data source the inputs of scopedConfig: the JSON must be the same string.
// Empty options must be the same as none. So must a bare null, except on
// OpenTofu, which never passes a value without a type to a provider function:
// there the result stays unknown, in every plan and at apply, where the
// output becomes null, as the function's docs say.
func TestServiceRolePolicyFunction_matchesDataSource(t *testing.T) {
	config := scopedConfig + `
locals {
  policy = provider::codepipeline::service_role_policy(
    ["CodeStarSourceConnection", "Build/CodeBuild", "ECS", "CodeBuild"],
    {
      artifact_stores = [{
        location          = "codepipeline-artifacts-example"
        encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        region            = "eu-west-1"
      }]
      partition  = "aws"
      region     = "eu-west-1"
      account_id = "111122223333"
    },
  )
}

output "policy" {
  value = local.policy
}

output "same_as_data_source" {
  value = local.policy == data.codepipeline_service_role_policy.test.json
}

output "empty_options_same_as_none" {
  value = provider::codepipeline::service_role_policy(["GitHub"], {}) == provider::codepipeline::service_role_policy(["GitHub"])
}
`
	const nullOptions = "null_options_same_as_none"
	nullOptionsStep := resource.TestStep{
		Config: config + `
output "` + nullOptions + `" {
  value = provider::codepipeline::service_role_policy(["GitHub"], null) == provider::codepipeline::service_role_policy(["GitHub"])
}
`,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectKnownOutputValue(nullOptions, knownvalue.Bool(true))},
		},
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue(nullOptions, knownvalue.Bool(true))},
	}
	var afterNullOptions []resource.TestStep
	if openTofu() {
		unknown := []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue(nullOptions)}
		nullOptionsStep.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: unknown, PostApplyPreRefresh: unknown, PostApplyPostRefresh: unknown}
		nullOptionsStep.ConfigStateChecks = []statecheck.StateCheck{statecheck.ExpectKnownOutputValue(nullOptions, knownvalue.Null())}
		nullOptionsStep.ExpectNonEmptyPlan = true
		// terraform-plugin-testing cannot read a null output back from the
		// state when the test ends, so a last step removes it.
		afterNullOptions = []resource.TestStep{{Config: config}}
	}
	steps := append([]resource.TestStep{
		{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectKnownOutputValue("empty_options_same_as_none", knownvalue.Bool(true))},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("policy", knownvalue.StringExact(policy.Build(scopedRequest).Document.JSON())),
				statecheck.ExpectKnownOutputValue("same_as_data_source", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("empty_options_same_as_none", knownvalue.Bool(true)),
			},
		},
		// Alone in its step, so the first keeps an empty plan on every CLI.
		nullOptionsStep,
	}, afterNullOptions...)
	resource.ParallelTest(t, functionTestCase(steps...))
}

// TestServiceRolePolicyFunction_nullArguments gives nulls of a known type for
// both arguments: a null list of providers is an empty one and null options
// are none, on OpenTofu too (see nullArguments).
func TestServiceRolePolicyFunction_nullArguments(t *testing.T) {
	resource.ParallelTest(t, functionTestCase(resource.TestStep{
		Config: `
variable "no_options" {
  type    = object({ region = string })
  default = null
}

locals {
  build = { pipeline_actions = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = "app" } }] }
}

output "typed_null_options_same_as_none" {
  value = provider::codepipeline::service_role_policy(["GitHub"], var.no_options) == provider::codepipeline::service_role_policy(["GitHub"])
}

output "null_providers_same_as_empty" {
  value = provider::codepipeline::service_role_policy(null, local.build) == provider::codepipeline::service_role_policy([], local.build)
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("typed_null_options_same_as_none", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("null_providers_same_as_empty", knownvalue.Bool(true)),
		},
	}))
}

// TestServiceRolePolicyFunction_typedValues gives configuration values as
// bools and numbers: the function converts them as Terraform converts them
// for the data source's map of strings.
func TestServiceRolePolicyFunction_typedValues(t *testing.T) {
	resource.ParallelTest(t, functionTestCase(resource.TestStep{
		Config: `
locals {
  typed = [{ category = "Build", provider = "CodeBuild", configuration = { ProjectName = "proj", BatchEnabled = true, Retries = 2 } }]
}

data "codepipeline_service_role_policy" "typed" {
  pipeline_actions = local.typed
}

output "typed_same_as_data_source" {
  value = provider::codepipeline::service_role_policy([], { pipeline_actions = local.typed }) == data.codepipeline_service_role_policy.typed.json
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("typed_same_as_data_source", knownvalue.Bool(true)),
		},
	}))
}

// TestServiceRolePolicyFunction_unknownUntilApply feeds arguments known only
// after apply, as a whole and inside options: the policy is unknown in the
// plan and appears after apply.
func TestServiceRolePolicyFunction_unknownUntilApply(t *testing.T) {
	resource.ParallelTest(t, functionTestCase(resource.TestStep{
		Config: `
resource "terraform_data" "pipeline" {
  input = { providers = ["CodeBuild"], bucket = "artifacts-from-apply" }
}

output "unknown_argument" {
  value = provider::codepipeline::service_role_policy(terraform_data.pipeline.output.providers)
}

output "unknown_option" {
  value = provider::codepipeline::service_role_policy(["CodeBuild"], {
    artifact_stores = [{ location = terraform_data.pipeline.output.bucket }]
  })
}
`,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownOutputValue("unknown_argument"),
				plancheck.ExpectUnknownOutputValue("unknown_option"),
			},
		},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("unknown_argument", knownvalue.StringRegexp(regexp.MustCompile(`"codebuild:StartBuild"`))),
			statecheck.ExpectKnownOutputValue("unknown_option", knownvalue.StringRegexp(regexp.MustCompile(`"arn:aws:s3:::artifacts-from-apply/\*"`))),
		},
	}))
}

// TestServiceRolePolicyFunction_nestedUnknown calls Run directly with an
// unknown value inside options, which Terraform 1.8 never sends: the result
// must be unknown rather than a policy built from an empty string.
func TestServiceRolePolicyFunction_nestedUnknown(t *testing.T) {
	ctx := context.Background()
	options := types.DynamicValue(types.ObjectValueMust(
		map[string]attr.Type{"region": types.StringType},
		map[string]attr.Value{"region": types.StringUnknown()},
	))
	req := function.RunRequest{Arguments: function.NewArgumentsData([]attr.Value{
		types.ListValueMust(types.StringType, []attr.Value{types.StringValue("CodeBuild")}),
		types.TupleValueMust([]attr.Type{types.DynamicType}, []attr.Value{options}),
	})}
	resp := &function.RunResponse{Result: function.NewResultData(types.StringNull())}
	NewServiceRolePolicyFunction().Run(ctx, req, resp)
	if resp.Error != nil || !resp.Result.Value().IsUnknown() {
		t.Errorf("want an unknown result, got %v (error %v)", resp.Result.Value(), resp.Error)
	}
}
