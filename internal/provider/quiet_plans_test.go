package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// Correct, fully described pipelines whose plans once warned on every run:
// what holds on every plan is advice, an output.
var quietPipelines = []struct{ name, config string }{
	{"stack with its own role", scoped(`  pipeline_actions = [{ category = "Deploy", provider = "CloudFormation", configuration = { ActionMode = "CREATE_UPDATE", StackName = "s", RoleArn = "arn:aws:iam::111122223333:role/cfn" } }]`)},
	{"secrets without their keys", scoped(`  pipeline_actions = [{ category = "Compute", provider = "Commands", environment_variables = [{ name = "T", value = "token", type = "SECRETS_MANAGER" }] }]`)},
	{"secrets with their keys", scoped(`  pipeline_actions = [{ category = "Compute", provider = "Commands", environment_variables = [{ name = "T", value = "token", type = "SECRETS_MANAGER" }] }]` + "\n" +
		`  secret_kms_key_arns = ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]`)},
	{"elastic beanstalk deploy", scoped(`  pipeline_actions = [{ category = "Deploy", provider = "ElasticBeanstalk", configuration = { ApplicationName = "shop", EnvironmentName = "shop-prod" } }]` + "\n" +
		`  pass_role_arns = ["arn:aws:iam::111122223333:role/aws-elasticbeanstalk-service-role"]`)},
	{"too large for a managed policy, attached inline", scoped(`  pipeline_actions = ` + manyProjects("40"))},
}

// TestQuietPlans plans each pipeline through the CLI and expects no
// diagnostic at all.
func TestQuietPlans(t *testing.T) {
	t.Parallel()
	entries := make([]batchEntry, len(quietPipelines))
	for i, p := range quietPipelines {
		entries[i] = batchEntry{blocks: p.config}
	}
	results := runBatch(t, entries)
	for i, p := range quietPipelines {
		t.Run(p.name, func(t *testing.T) {
			if len(results[i]) > 0 {
				t.Errorf("the plan of a correct, fully described pipeline warns:\n%s", joinDiagnostics(results[i]))
			}
		})
	}
}

// TestAdvice reads the advice of the first four quiet pipelines: each kind
// of advice code once, and none once the keys are given.
func TestAdvice(t *testing.T) {
	config := ""
	for i, p := range quietPipelines[:4] {
		config += strings.ReplaceAll(p.config, "<id>", []string{"stack", "secrets", "keys", "beanstalk"}[i])
	}
	advice := func(code policy.Code, attribute string) knownvalue.Check {
		return knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"code": knownvalue.StringExact(string(code)), "attribute": knownvalue.StringExact(attribute)})})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.codepipeline_service_role_policy.stack", tfjsonpath.New("advice"),
					advice(policy.CodeCompanion, `pipeline_actions[0].configuration["RoleArn"]`)),
				statecheck.ExpectKnownValue("data.codepipeline_service_role_policy.secrets", tfjsonpath.New("advice"),
					advice(policy.CodeSecretKey, "pipeline_actions[0].environment_variables")),
				statecheck.ExpectKnownValue("data.codepipeline_service_role_policy.keys", tfjsonpath.New("advice"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.codepipeline_service_role_policy.beanstalk", tfjsonpath.New("advice"),
					advice(policy.CodeCaveat, "pipeline_actions[0]")),
			},
		}},
	})
	for _, code := range policy.AdviceCodes() {
		if code != policy.CodeCompanion && code != policy.CodeSecretKey && code != policy.CodeCaveat {
			t.Errorf("advice %q is not shown here", code)
		}
	}
}
