package provider

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExample_function runs the function example of the docs as written.
func TestExample_function(t *testing.T) {
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: readExample(t, "functions/service_role_policy/function.tf"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("service_role_policy", knownvalue.StringRegexp(regexp.MustCompile(`"ecs:UpdateService"`))),
			statecheck.ExpectKnownOutputValue("service_role_policy", knownvalue.StringRegexp(regexp.MustCompile(`"arn:aws:s3:::my-pipeline-artifacts/\*"`))),
		},
	}))
}

// TestExample_actionTypes runs the action types example of the docs as
// written, then with an action type that does not exist, which its
// precondition must reject.
func TestExample_actionTypes(t *testing.T) {
	example := readExample(t, "data-sources/codepipeline_action_types/data-source.tf")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: example,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("deploy_action_type", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"iam_actions":        knownvalue.ListPartial(map[int]knownvalue.Check{7: knownvalue.StringExact("iam:PassRole")}),
					"configuration_keys": stringList("ClusterName", "ServiceName"),
				})),
			},
		}},
	})

	misspelt := strings.Replace(example, `"Deploy/ECS"`, `"Deploy/Ecs"`, 1)
	if misspelt == example {
		t.Fatal(`the example no longer uses "Deploy/ECS"`)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config:      misspelt,
			ExpectError: regexp.MustCompile(`Deploy/Ecs is not a CodePipeline action type`),
		}},
	})
}
