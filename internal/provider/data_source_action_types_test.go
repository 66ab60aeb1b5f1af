package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

func TestActionTypes_all(t *testing.T) {
	const all = "data.codepipeline_action_types.all"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "codepipeline_action_types" "all" {}

output "keys" {
  value = [for t in data.codepipeline_action_types.all.action_types : t.key]
}

# How a module checks its input against the catalog.
output "deploy_s3_known" {
  value = contains([for t in data.codepipeline_action_types.all.action_types : t.key], "Deploy/S3")
}

output "deploy_git_known" {
  value = contains([for t in data.codepipeline_action_types.all.action_types : t.key], "Deploy/Git")
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				// 31 action types and 6 rule types.
				statecheck.ExpectKnownValue(all, tfjsonpath.New("action_types"), knownvalue.ListSizeExact(37)),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("action_types").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"key":      knownvalue.StringExact("Source/S3"),
					"category": knownvalue.StringExact("Source"),
					"owner":    knownvalue.StringExact("AWS"),
					"provider": knownvalue.StringExact("S3"),
					"docs_url": knownvalue.StringRegexp(regexp.MustCompile(`^https://docs\.aws\.amazon\.com/`)),
				})),
				statecheck.ExpectKnownOutputValue("keys", knownvalue.ListSizeExact(len(catalog.All())+len(catalog.Rules()))),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("action_types").AtSliceIndex(31), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"key":  knownvalue.StringExact("Rule/CloudWatchAlarm"),
					"note": knownvalue.StringRegexp(regexp.MustCompile(`^Derived`)),
				})),
				statecheck.ExpectKnownOutputValue("deploy_s3_known", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("deploy_git_known", knownvalue.Bool(false)),
			},
		}},
	})
}

// TestActionTypes_deployECS checks one entry field by field, through both filters.
func TestActionTypes_deployECS(t *testing.T) {
	const ecs = "data.codepipeline_action_types.ecs"
	entry := tfjsonpath.New("action_types").AtSliceIndex(0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "codepipeline_action_types" "ecs" {
  category        = "Deploy"
  action_provider = "ECS"
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ecs, tfjsonpath.New("action_types"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue(ecs, entry.AtMapKey("key"), knownvalue.StringExact("Deploy/ECS")),
				statecheck.ExpectKnownValue(ecs, entry.AtMapKey("support_date"), knownvalue.StringExact("December 12, 2017")),
				statecheck.ExpectKnownValue(ecs, entry.AtMapKey("configuration_keys"), stringListOf("ClusterName", "ServiceName")),
				statecheck.ExpectKnownValue(ecs, entry.AtMapKey("all_configuration_keys"),
					stringListOf("ClusterName", "ServiceName", "FileName", "DeploymentTimeout")),
				// Sorted and unique: ecs:TagResource and iam:PassRole come from separate statements.
				statecheck.ExpectKnownValue(ecs, entry.AtMapKey("iam_actions"), stringListOf(
					"ecs:DescribeServices", "ecs:DescribeTaskDefinition", "ecs:DescribeTasks", "ecs:ListTasks",
					"ecs:RegisterTaskDefinition", "ecs:TagResource", "ecs:UpdateService", "iam:PassRole")),
				statecheck.ExpectKnownValue(ecs, entry.AtMapKey("note"), knownvalue.NotNull()),
			},
		}},
	})
}

func stringListOf(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

func TestActionTypes_filters(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: `
data "codepipeline_action_types" "deploy" {
  category = "Deploy"
}

data "codepipeline_action_types" "codebuild" {
  action_provider = "CodeBuild"
}

data "codepipeline_action_types" "none" {
  action_provider = "Jenkins"
}

data "codepipeline_action_types" "snyk" {
  action_provider = "Snyk"
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.codepipeline_action_types.deploy", tfjsonpath.New("action_types"), knownvalue.ListSizeExact(15)),
					statecheck.ExpectKnownValue("data.codepipeline_action_types.codebuild", tfjsonpath.New("action_types"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"key": knownvalue.StringExact("Build/CodeBuild")}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"key": knownvalue.StringExact("Test/CodeBuild")}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"key": knownvalue.StringExact("Rule/CodeBuild")}),
					})),
					// An unknown provider is an empty list, for modules to test.
					statecheck.ExpectKnownValue("data.codepipeline_action_types.none", tfjsonpath.New("action_types"), knownvalue.ListSizeExact(0)),
					// Keys not documented are null, unlike an action type with none.
					statecheck.ExpectKnownValue("data.codepipeline_action_types.snyk", tfjsonpath.New("action_types").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"configuration_keys":     knownvalue.Null(),
						"all_configuration_keys": knownvalue.Null(),
						"iam_actions":            knownvalue.ListSizeExact(0),
						"support_date":           knownvalue.Null(),
						"note":                   knownvalue.StringRegexp(regexp.MustCompile(`own credentials`)),
						"deprecation":            knownvalue.StringRegexp(regexp.MustCompile(`no longer in the AWS CodePipeline documentation`)),
					})),
				},
			},
		},
	})
}
