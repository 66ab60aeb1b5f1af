package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// TestExample_pipelineActions runs the scoped example of the docs as written.
func TestExample_pipelineActions(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: readExample(t, "data-sources/codepipeline_service_role_policy/data-source-pipeline-actions.tf"),
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
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: readExample(t, "data-sources/codepipeline_service_role_policy/data-source.tf"),
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

// TestExample_dataSourceVariants runs the other examples of the docs that
// need no AWS provider, as written.
func TestExample_dataSourceVariants(t *testing.T) {
	for file, want := range map[string]struct{ output, grant string }{
		"data-source-stage-conditions.tf": {"gated_policy_json", `"arn:aws:lambda:eu-west-1:111122223333:function:change-freeze-check"`},
		"data-source-commands-secrets.tf": {"commands_policy_json", `"arn:aws:secretsmanager:us-east-1:444455556666:secret:apiTokens-??????"`},
		"data-source-pipeline-stages.tf":  {"stages_policy_json", `"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:payments-api-errors"`},
	} {
		t.Run(file, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories(),
				Steps: []resource.TestStep{{
					Config: readExample(t, "data-sources/codepipeline_service_role_policy/"+file),
					ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue(want.output,
						knownvalue.StringRegexp(regexp.MustCompile(regexp.QuoteMeta(want.grant))))},
				}},
			})
		})
	}
}

// TestExample_pipelineDefinition runs the pipeline_definition example of the
// docs with the files it reads: the get-pipeline output of the console audit
// guide, and a CloudFormation template in YAML (testdata), whose long-form
// intrinsic functions yamldecode reads and whose short-form tags it refuses.
// file() reads from the CLI's working folder, so the example's file names
// are rewritten to absolute paths.
func TestExample_pipelineDefinition(t *testing.T) {
	example := readExample(t, "data-sources/codepipeline_service_role_policy/data-source-pipeline-definition.tf")
	withFiles := func(t *testing.T, template string) string {
		t.Helper()
		config := example
		for name, path := range map[string]string{
			"pipeline.json": "../../examples/guides/console-audit/pipeline.json",
			"template.yaml": template,
		} {
			abs, err := filepath.Abs(path)
			if err != nil {
				t.Fatal(err)
			}
			replaced := strings.Replace(config, `file("`+name+`")`, `file("`+filepath.ToSlash(abs)+`")`, 1)
			if replaced == config {
				t.Fatalf("the example no longer reads %s with file()", name)
			}
			config = replaced
		}
		return config
	}
	contains := func(text string) knownvalue.Check {
		return knownvalue.StringRegexp(regexp.MustCompile(regexp.QuoteMeta(text)))
	}
	t.Run("as written", func(t *testing.T) {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories(),
			Steps: []resource.TestStep{{
				Config: withFiles(t, "testdata/pipeline-template.yaml"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("console_policy_json",
						contains(`"arn:aws:cloudformation:eu-west-1:111122223333:stack/web-frontend/*"`)),
					statecheck.ExpectKnownOutputValue("console_policy_json",
						contains(`"arn:aws:s3:::codepipeline-eu-west-1-111122223333/*"`)),
					statecheck.ExpectKnownOutputValue("template_policy_json",
						contains(`"arn:aws:codebuild:eu-west-1:111122223333:project/*"`)),
					statecheck.ExpectKnownOutputValue("template_policy_json",
						contains(`"arn:aws:s3:::web-frontend-artifacts/*"`)),
					statecheck.ExpectKnownOutputValue("template_unscoped", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"sid":    knownvalue.StringExact("CodeBuildBuilds"),
							"reason": contains("Configuration.ProjectName is resolved at run time"),
						}),
					})),
				},
			}},
		})
	})
	t.Run("short-form tags", func(t *testing.T) {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories(),
			Steps: []resource.TestStep{{
				Config:      withFiles(t, "testdata/pipeline-template-short-form.yaml"),
				ExpectError: regexp.MustCompile(`unsupported\s+tag\s+"!(GetAtt|Ref)"`),
			}},
		})
	})
}

// TestExample_complete runs the part of each complete example that uses only
// this provider (policy.tf); pipeline.tf needs the AWS provider, which cannot
// be installed offline, and only reads what policy.tf defines.
func TestExample_complete(t *testing.T) {
	contains := func(text string) knownvalue.Check {
		return knownvalue.StringRegexp(regexp.MustCompile(regexp.QuoteMeta(text)))
	}
	for dir, outputs := range map[string]map[string]string{
		"connection-codebuild-ecs":   {"service_role_policy": `"arn:aws:iam::111122223333:role/web-frontend-task"`},
		"merged-with-own-statements": {"generated_policy": `"arn:aws:iam::444455556666:role/cfn-deployer"`},
		"stage-conditions":           {"service_role_policy": `"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:checkout-5xx-rate"`},
		"cross-account": {
			"deploy_role_policy":       `"arn:aws:iam::777788889999:role/data-jobs-cloudformation"`,
			"deploy_role_trust_policy": `"arn:aws:iam::111122223333:role/data-jobs-pipeline"`,
			"artifact_bucket_policy":   `"arn:aws:iam::777788889999:role/data-jobs-deploy-action"`,
			"artifact_key_policy":      `"arn:aws:iam::777788889999:role/data-jobs-deploy-action"`,
			"event_role_policy":        `"arn:aws:codepipeline:us-east-1:111122223333:data-jobs"`,
		},
	} {
		t.Run(dir, func(t *testing.T) {
			var checks []statecheck.StateCheck
			for output, text := range outputs {
				checks = append(checks, statecheck.ExpectKnownOutputValue(output, contains(text)))
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories(),
				Steps:                    []resource.TestStep{{Config: readExample(t, "complete/"+dir+"/policy.tf"), ConfigStateChecks: checks}},
			})
		})
	}
}

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
	resource.ParallelTest(t, functionTestCase(resource.TestStep{
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
	misspelt := strings.Replace(example, `"Deploy/ECS"`, `"Deploy/Ecs"`, 1)
	if misspelt == example {
		t.Fatal(`the example no longer uses "Deploy/ECS"`)
	}
	t.Run("as written", func(t *testing.T) {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories(),
			Steps: []resource.TestStep{{
				Config: example,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("deploy_action_type", knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"iam_actions":        knownvalue.ListPartial(map[int]knownvalue.Check{7: knownvalue.StringExact("iam:PassRole")}),
						"configuration_keys": stringListOf("ClusterName", "ServiceName"),
					})),
				},
			}},
		})
	})
	t.Run("misspelt", func(t *testing.T) {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories(),
			Steps: []resource.TestStep{{
				Config:      misspelt,
				ExpectError: regexp.MustCompile(`Deploy/Ecs is not a CodePipeline action type`),
			}},
		})
	})
}

// TestExample_provider runs the provider example together with the data source
// example, as `make demo` does. Tests serve the provider in-process under the
// test namespace, so the example's source address is rewritten to it.
func TestExample_provider(t *testing.T) {
	provider := strings.Replace(readExample(t, "provider/provider.tf"),
		`source = "pipelinepolicy/codepipeline"`, `source = "hashicorp/codepipeline"`, 1)
	if !strings.Contains(provider, `"hashicorp/codepipeline"`) {
		t.Fatal("the provider example no longer declares source = \"pipelinepolicy/codepipeline\"")
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: provider + readExample(t, "data-sources/codepipeline_service_role_policy/data-source.tf"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("policy_size", knownvalue.NotNull()),
			},
		}},
	})
}
