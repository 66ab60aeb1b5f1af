package provider

import (
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// TestExample_pipelineActions runs the scoped example of the docs as written.
func TestExample_pipelineActions(t *testing.T) {
	example, err := os.ReadFile("../../examples/data-sources/codepipeline_service_role_policy/data-source-pipeline-actions.tf")
	if err != nil {
		t.Fatal(err)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: string(example),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("scoped_policy_json", knownvalue.StringRegexp(
					regexp.MustCompile(`"arn:aws:ecs:eu-west-1:111122223333:service/production/web-frontend"`))),
			},
		}},
	})
}

// TestExample_dataSource runs the data source example of the docs as written.
// (The aws_iam_role_policy example needs the AWS provider, which cannot be
// installed offline; its data source block is the same shape as this one.)
func TestExample_dataSource(t *testing.T) {
	example, err := os.ReadFile("../../examples/data-sources/codepipeline_service_role_policy/data-source.tf")
	if err != nil {
		t.Fatal(err)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: string(example),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("policy_json", knownvalue.StringRegexp(
					regexp.MustCompile(`"arn:aws:codeconnections:eu-west-1:111122223333:connection/\*"`))),
				statecheck.ExpectKnownOutputValue("policy_size", knownvalue.Int64Func(func(size int64) error {
					if size < 1000 || size > 6144 {
						return fmt.Errorf("example policy has %d characters; want a realistic policy that fits a managed policy", size)
					}
					return nil
				})),
			},
		}},
	})
}

// TestExample_complete runs the part of each complete example that uses only
// this provider (policy.tf); pipeline.tf needs the AWS provider, which cannot
// be installed offline, and only reads what policy.tf defines.
func TestExample_complete(t *testing.T) {
	for dir, want := range map[string]string{
		"connection-codebuild-ecs":   `"arn:aws:iam::111122223333:role/web-frontend-task"`,
		"merged-with-own-statements": `"arn:aws:iam::444455556666:role/cfn-deployer"`,
	} {
		t.Run(dir, func(t *testing.T) {
			example, err := os.ReadFile("../../examples/complete/" + dir + "/policy.tf")
			if err != nil {
				t.Fatal(err)
			}
			output := "service_role_policy"
			if dir == "merged-with-own-statements" {
				output = "generated_policy"
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories(),
				Steps: []resource.TestStep{{
					Config: string(example),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownOutputValue(output, knownvalue.StringRegexp(regexp.MustCompile(regexp.QuoteMeta(want)))),
					},
				}},
			})
		})
	}
}
