package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/audit"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

const auditDataSource = "data.codepipeline_service_role_audit.test"

// auditPipeline is the pipeline of the audit tests, in HCL and as a request.
const auditPipeline = `
  action_providers = ["CodeStarSourceConnection", "Invoke/StepFunctions"]
  artifact_stores  = [{ location = "artifacts" }]
  region           = "eu-west-1"
  account_id       = "111122223333"
`

var auditRequestForTests = policy.Request{
	ActionProviders: []string{"CodeStarSourceConnection", "Invoke/StepFunctions"},
	ArtifactStores:  []policy.ArtifactStore{{Location: "artifacts"}},
	Region:          "eu-west-1", AccountID: "111122223333",
}

// s3Only grants the artifact store and nothing of the actions.
const s3Only = `jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
  })`

func auditConfig(documents string) string {
	return "data \"codepipeline_service_role_audit\" \"test\" {" + auditPipeline +
		"  policy_documents = " + documents + "\n}\n"
}

func TestServiceRoleAudit_completeRole(t *testing.T) {
	config := `
data "codepipeline_service_role_policy" "pipeline" {` + auditPipeline + `}
` + auditConfig(`[data.codepipeline_service_role_policy.pipeline.json]`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("complete"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("missing"), knownvalue.ListExact(nil)),
					statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("missing_policy_json"), knownvalue.Null()),
					statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("broader_than_needed"), knownvalue.ListExact(nil)),
					statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("partition"), knownvalue.StringExact("aws")),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestServiceRoleAudit_incompleteRole(t *testing.T) {
	want := audit.Audit(audit.Request{Pipeline: auditRequestForTests,
		Documents: []string{`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`}})
	// Both connection actions on both ARN forms, and three Step Functions grants.
	if want.Complete || len(want.Missing) != 7 {
		t.Fatalf("the test pipeline should miss 7 grants, got %+v", want.Missing)
	}
	first := want.Missing[0]
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: auditConfig("[" + s3Only + "]"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("complete"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("missing"), knownvalue.ListSizeExact(7)),
				statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("missing").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"sid": knownvalue.StringExact(first.Sid), "iam_action": knownvalue.StringExact("codeconnections:UseConnection"),
					"resource":  knownvalue.StringExact("arn:aws:codeconnections:eu-west-1:111122223333:connection/*"),
					"reason":    knownvalue.StringExact("needed by Source/CodeStarSourceConnection"),
					"needed_by": stringListOf("action_providers[0] (Source/CodeStarSourceConnection)"),
					"sources":   knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringRegexp(regexp.MustCompile(`^https://`))}),
					"denied_by": knownvalue.Null(),
				})),
				statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("missing_policy_json"), knownvalue.StringExact(want.MissingPolicy.JSON())),
				statecheck.ExpectKnownValue(auditDataSource, tfjsonpath.New("broader_than_needed"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"document_index": knownvalue.Int64Exact(0), "statement_index": knownvalue.Int64Exact(0), "sid": knownvalue.Null(),
						"kind": knownvalue.StringExact("actions"), "granted": stringListOf("s3:*"), "instead": knownvalue.ListSizeExact(2),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"document_index": knownvalue.Int64Exact(0), "statement_index": knownvalue.Int64Exact(0), "sid": knownvalue.Null(),
						"kind": knownvalue.StringExact("resources"), "granted": stringListOf("s3:*"), "instead": knownvalue.ListSizeExact(2),
					}),
				})),
			},
		}},
	})
}

// TestServiceRoleAudit_addingMissingPolicyCompletes feeds missing_policy_json
// back as a second document, as the guide's procedure does.
func TestServiceRoleAudit_addingMissingPolicyCompletes(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: auditConfig("["+s3Only+"]") + `
data "codepipeline_service_role_audit" "after" {` + auditPipeline + `
  policy_documents     = [` + s3Only + `, data.codepipeline_service_role_audit.test.missing_policy_json]
  fail_when_incomplete = true
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.codepipeline_service_role_audit.after", tfjsonpath.New("complete"), knownvalue.Bool(true)),
			},
		}},
	})
}

// TestServiceRoleAudit_unknownDocumentAtPlan gives a document known only
// after apply: validation skips it, and the audit is read during apply.
func TestServiceRoleAudit_unknownDocumentAtPlan(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "codepipeline_service_role_policy" "pipeline" {` + auditPipeline + `}

resource "terraform_data" "attached" {
  input = data.codepipeline_service_role_policy.pipeline.json
}
` + auditConfig(`[`+s3Only+`, terraform_data.attached.output]`) + `
output "complete" {
  value = data.codepipeline_service_role_audit.test.complete
}`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("complete")},
			},
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("complete", knownvalue.Bool(true))},
		}},
	})
}

// The CLI shows warnings but terraform-plugin-testing cannot check them: these
// tests call the provider server as Terraform does and read the diagnostics.

func TestServiceRoleAudit_warningDiagnostic(t *testing.T) {
	resp := readAudit(t, map[string]tftypes.Value{
		"policy_documents": stringListValue([]string{`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`}),
	})
	var warnings []*tfprotov6.Diagnostic
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("unexpected error: %s: %s", d.Summary, d.Detail)
		}
		if d.Summary == "Service role lacks permissions" {
			warnings = append(warnings, d)
		}
	}
	if len(warnings) != 1 || !warnings[0].Attribute.Equal(tftypes.NewAttributePath().WithAttributeName("policy_documents")) ||
		!strings.Contains(warnings[0].Detail, "do not allow 7 calls") {
		t.Fatalf("want one warning on policy_documents naming 7 calls, got %+v", resp.Diagnostics)
	}
}

func TestServiceRoleAudit_errorOnDocumentIndex(t *testing.T) {
	resp := readAudit(t, map[string]tftypes.Value{
		"policy_documents": stringListValue([]string{"{}", "not json"}),
	})
	var paths []string
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			paths = append(paths, d.Attribute.String())
		}
	}
	want := []string{
		tftypes.NewAttributePath().WithAttributeName("policy_documents").WithElementKeyInt(0).String(),
		tftypes.NewAttributePath().WithAttributeName("policy_documents").WithElementKeyInt(1).String(),
	}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Fatalf("errors at %v, want %v: %+v", paths, want, resp.Diagnostics)
	}
}

func TestServiceRoleAudit_validateSkipsUnknownDocuments(t *testing.T) {
	server := auditServer(t)
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	for name, tc := range map[string]struct {
		documents tftypes.Value
		errs      []string
	}{
		"an unknown element": {tftypes.NewValue(stringList, []tftypes.Value{stringValue("{}"), unknown}),
			[]string{`AttributeName("policy_documents").ElementKeyInt(0): policy_documents[0] is not a valid IAM policy document`}},
		"an unknown list": {tftypes.NewValue(stringList, tftypes.UnknownValue), nil},
	} {
		t.Run(name, func(t *testing.T) {
			config := auditConfigValue(t, map[string]tftypes.Value{"policy_documents": tc.documents})
			resp, err := server.ValidateDataResourceConfig(context.Background(), &tfprotov6.ValidateDataResourceConfigRequest{
				TypeName: "codepipeline_service_role_audit", Config: config})
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Diagnostics) != len(tc.errs) {
				t.Fatalf("want %q, got %+v", tc.errs, resp.Diagnostics)
			}
			for i, d := range resp.Diagnostics {
				if got := d.Attribute.String() + ": " + d.Detail; !strings.HasPrefix(got, tc.errs[i]) {
					t.Errorf("got %q, want %q", got, tc.errs[i])
				}
			}
		})
	}
}

// readAudit reads the audit data source for auditPipeline with the given attributes.
func readAudit(t *testing.T, attrs map[string]tftypes.Value) *tfprotov6.ReadDataSourceResponse {
	t.Helper()
	resp, err := auditServer(t).ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{
		TypeName: "codepipeline_service_role_audit", Config: auditConfigValue(t, attrs)})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func auditServer(t *testing.T) tfprotov6.ProviderServer {
	t.Helper()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	return server
}

// auditConfigValue is the configuration of auditPipeline with attrs, every
// other attribute null, as Terraform sends it.
func auditConfigValue(t *testing.T, attrs map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	ctx := context.Background()
	objectType, _ := auditSpec().schema().Type().TerraformType(ctx).(tftypes.Object)
	storeType, _ := objectType.AttributeTypes["artifact_stores"].(tftypes.List)
	values := map[string]tftypes.Value{
		"action_providers": stringListValue(auditRequestForTests.ActionProviders),
		"region":           stringValue(auditRequestForTests.Region),
		"account_id":       stringValue(auditRequestForTests.AccountID),
		"artifact_stores": tftypes.NewValue(storeType, []tftypes.Value{tftypes.NewValue(storeType.ElementType, map[string]tftypes.Value{
			"location": stringValue("artifacts"), "encryption_key_id": nullString(), "region": nullString(),
		})}),
	}
	for name, v := range attrs {
		values[name] = v
	}
	for name, attrType := range objectType.AttributeTypes {
		if _, set := values[name]; !set {
			values[name] = tftypes.NewValue(attrType, nil)
		}
	}
	config, err := tfprotov6.NewDynamicValue(objectType, tftypes.NewValue(objectType, values))
	if err != nil {
		t.Fatal(err)
	}
	return &config
}

// auditExampleFactories serve this provider and the AWS stand-in the audit
// examples read the role's policies with.
func auditExampleFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	factories := protoV6ProviderFactories()
	factories["aws"] = providerserver.NewProtocol6WithError(awsStub{})
	return factories
}

// TestServiceRoleAuditExample_dataSource runs the audit example of the docs
// as written, against AWS's default policy of 2019.
func TestServiceRoleAuditExample_dataSource(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: auditExampleFactories(),
		Steps: []resource.TestStep{{
			Config: readExample(t, "data-sources/codepipeline_service_role_audit/data-source.tf"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("role_allows_every_call", knownvalue.Bool(false)),
				statecheck.ExpectKnownOutputValue("missing_calls", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(`codebuild:BatchGetBuildBatches on arn:aws:codebuild:eu-west-1:111122223333:project/shop-build: needed by action "Build" (Build/CodeBuild)`),
					knownvalue.StringExact(`codebuild:StartBuildBatch on arn:aws:codebuild:eu-west-1:111122223333:project/shop-build: needed by action "Build" (Build/CodeBuild)`),
					knownvalue.StringExact(`codeconnections:UseConnection on arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f: needed by action "Source" (Source/CodeStarSourceConnection)`),
					knownvalue.StringExact(`codeconnections:UseConnection on arn:aws:codestar-connections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f: needed by action "Source" (Source/CodeStarSourceConnection)`),
					knownvalue.StringExact(`codestar-connections:UseConnection on arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f: needed by action "Source" (Source/CodeStarSourceConnection)`),
					knownvalue.StringExact(`codestar-connections:UseConnection on arn:aws:codestar-connections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f: needed by action "Source" (Source/CodeStarSourceConnection)`),
				})),
				statecheck.ExpectKnownOutputValue("policy_to_add", knownvalue.StringRegexp(regexp.MustCompile(`"Sid": "CodeBuildBatchBuilds"`))),
			},
		}},
	})
}

// TestServiceRoleAuditExample_addMissing applies the procedure of the guide
// as written: the additions are created, the gate then finds the role
// complete, and the next plan changes nothing.
func TestServiceRoleAuditExample_addMissing(t *testing.T) {
	config := readExample(t, "data-sources/codepipeline_service_role_audit/data-source-add-missing.tf")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: auditExampleFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("aws_iam_role_policy.additions[0]", plancheck.ResourceActionCreate),
					plancheck.ExpectUnknownOutputValue("role_allows_every_call"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("role_allows_every_call", knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("aws_iam_role_policy.additions[0]", tfjsonpath.New("policy"),
						knownvalue.StringRegexp(regexp.MustCompile(`"states:StartExecution"`))),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestServiceRoleAuditExample_ciGate runs the CI gate example as written:
// AWS's default policy of 2019 lacks the connection and batch build grants.
func TestServiceRoleAuditExample_ciGate(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: auditExampleFactories(),
		Steps: []resource.TestStep{{
			Config: readExample(t, "data-sources/codepipeline_service_role_audit/data-source-ci-gate.tf"),
			ExpectError: regexp.MustCompile(`Service role lacks permissions[\s\S]*do not allow 6 calls[\s\S]*` +
				`codebuild:BatchGetBuildBatches[\s\S]*fail_when_incomplete is true`),
		}},
	})
}
