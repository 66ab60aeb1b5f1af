package policy

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

func TestOptionApplies(t *testing.T) {
	batch := &catalog.Option{Key: "BatchEnabled", Values: []string{"true"}, Default: "false"}
	mode := &catalog.Option{Key: "ActionMode", Values: []string{"CHANGE_SET_REPLACE"}}
	role := &catalog.Option{Key: "RoleArn"}
	override := &catalog.Option{Key: "ServiceRoleArnOverride", Explicit: true}
	cases := []struct {
		name   string
		option *catalog.Option
		config map[string]string
		want   bool
	}{
		{"provider only grants everything", batch, nil, true},
		{"provider only skips explicit grants", override, nil, false},
		{"default applies", batch, map[string]string{}, false},
		{"matching value, any case", batch, map[string]string{"BatchEnabled": "True"}, true},
		{"other value", batch, map[string]string{"BatchEnabled": "false"}, false},
		{"runtime variable grants", batch, map[string]string{"BatchEnabled": "#{variables.batch}"}, true},
		{"required key missing grants", mode, map[string]string{}, true},
		{"other mode", mode, map[string]string{"ActionMode": "DELETE_ONLY"}, false},
		{"key set", role, map[string]string{"RoleArn": "arn:aws:iam::111122223333:role/r"}, true},
		{"key not set", role, map[string]string{}, false},
		{"explicit key set", override, map[string]string{"ServiceRoleArnOverride": "arn:aws:iam::111122223333:role/r"}, true},
	}
	for _, tc := range cases {
		s := &step{config: tc.config, unset: map[string]Text{}}
		if got, _ := s.grants(tc.option); got != tc.want {
			t.Errorf("%s: grants = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestConfigValues(t *testing.T) {
	lambda, _ := catalog.Lookup("Invoke", "Lambda")
	key, _ := lambda.ConfigKey("FunctionName")
	for value, want := range map[string]record{
		"my-function":                       {Value: "my-function", Name: "my-function", known: true},
		"my-function:live":                  {Value: "my-function:live", Name: "my-function", Qualifier: "live", known: true},
		"444455556666:function:my-function": {Value: "444455556666:function:my-function", Account: "444455556666", Name: "my-function", known: true},
		"arn:aws:lambda:eu-west-1:444455556666:function:my-function:live": {
			Value: "arn:aws:lambda:eu-west-1:444455556666:function:my-function:live", Partition: "aws",
			Region: "eu-west-1", Account: "444455556666", Name: "my-function", Qualifier: "live", known: true},
	} {
		got, fault := parseConfigValue(key, value, "aws")
		if fault != nil || len(got) != 1 || !reflect.DeepEqual(got[0], want) {
			t.Errorf("FunctionName %q: got %v (%v), want %v", value, got, fault, want)
		}
	}
	ec2, _ := catalog.Lookup("Deploy", "EC2")
	list, _ := ec2.ConfigKey("TargetGroupNameList")
	if got, fault := parseConfigValue(list, "blue, green", "aws"); fault != nil || len(got) != 2 || got[1].Name != "green" {
		t.Errorf("name lists split on commas: %v %v", got, fault)
	}
	p, _ := prepare(Request{PipelineActions: []PipelineAction{{Category: "Deploy", Provider: "EC2",
		Configuration: map[string]string{"Undocumented": "x", "InstanceTagKey": "#{v.k}"}}}})
	if s := p.steps[0]; s.values["Undocumented"] != nil || s.values["InstanceTagKey"] != nil ||
		!strings.Contains(s.unset["InstanceTagKey"].String(), "resolved at run time") {
		t.Errorf("undocumented keys and runtime variables add no value; a variable is reported: %+v", s)
	}
}

// TestScopedGrants checks, action by action, what configuration changes.
func TestScopedGrants(t *testing.T) {
	build := func(actions ...PipelineAction) Document {
		req := goldenContext()
		req.PipelineActions = actions
		result := Build(req)
		if HasError(result.Problems) {
			t.Fatalf("unexpected problems: %+v", result.Problems)
		}
		return result.Document
	}
	grants := func(doc Document, action, resource string) bool {
		for _, s := range doc.Statement {
			if slices.Contains(s.Action, action) && slices.Contains(s.Resource, resource) {
				return true
			}
		}
		return false
	}

	doc := build(PipelineAction{Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "proj"}})
	if !grants(doc, "codebuild:StartBuild", "arn:aws:codebuild:eu-west-1:111122223333:project/proj") || slices.Contains(doc.Actions(), "codebuild:StartBuildBatch") {
		t.Error("a CodeBuild action without BatchEnabled starts single builds on its project only")
	}
	doc = build(PipelineAction{Category: "Build", Provider: "CodeBuild", Region: "us-west-2",
		Configuration: map[string]string{"ProjectName": "proj", "ServiceRoleArnOverride": "arn:aws:iam::111122223333:role/builder"}})
	if !grants(doc, "codebuild:StartBuild", "arn:aws:codebuild:us-west-2:111122223333:project/proj") ||
		!grants(doc, "iam:PassRole", "arn:aws:iam::111122223333:role/builder") {
		t.Errorf("a cross-region action uses its region; ServiceRoleArnOverride is passed to CodeBuild:\n%s", doc.JSON())
	}
	doc = build(PipelineAction{Category: "Deploy", Provider: "CloudFormation", Configuration: map[string]string{"ActionMode": "DELETE_ONLY", "StackName": "s"}})
	if got := doc.Actions(); slices.Contains(got, "cloudformation:CreateStack") || !slices.Contains(got, "cloudformation:DeleteStack") ||
		slices.Contains(got, "iam:PassRole") || slices.Contains(got, "cloudformation:ValidateTemplate") {
		t.Errorf("DELETE_ONLY without RoleArn deletes and describes only: %v", got)
	}
	doc = build(PipelineAction{Category: "Approval", Provider: "Manual"})
	if slices.Contains(doc.Actions(), "sns:Publish") {
		t.Error("a manual approval without NotificationArn publishes nothing")
	}
	doc = build(PipelineAction{Category: "Invoke", Provider: "StepFunctions", Configuration: map[string]string{
		"StateMachineArn": "arn:aws:states:us-east-2:444455556666:stateMachine:Release", "ExecutionNamePrefix": "pipeline"}})
	if !grants(doc, "states:DescribeExecution", "arn:aws:states:us-east-2:444455556666:execution:Release:pipeline*") {
		t.Errorf("executions are scoped to the state machine's region, account and prefix:\n%s", doc.JSON())
	}
	doc = build(PipelineAction{Category: "Source", Provider: "CodeStarSourceConnection", Configuration: map[string]string{
		"ConnectionArn": "arn:aws:codestar-connections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"}})
	if !grants(doc, "codeconnections:UseConnection", "arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f") ||
		!grants(doc, "codestar-connections:UseConnection", "arn:aws:codestar-connections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f") {
		t.Errorf("a connection ARN of either prefix is granted under both:\n%s", doc.JSON())
	}
	doc = build(PipelineAction{Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "#{variables.project}"}})
	if !grants(doc, "codebuild:StartBuild", "arn:aws:codebuild:eu-west-1:111122223333:project/*") {
		t.Error("a value resolved at run time falls back to the unscoped grant")
	}
	doc = build(PipelineAction{Category: "Deploy", Provider: "EC2", Configuration: map[string]string{"InstanceTagKey": "app"}})
	if !strings.Contains(doc.MinifiedJSON(), `"aws:ResourceTag/app":"*"`) {
		t.Errorf("without InstanceTagValue, any instance carrying the tag key is a target:\n%s", doc.JSON())
	}
	doc = build(PipelineAction{Category: "Build", Owner: "Custom", Provider: "Jenkins"})
	if len(doc.Statement) != 3 {
		t.Errorf("a custom action grants nothing beyond the artifact stores:\n%s", doc.JSON())
	}
}

func TestPipelineActionAdvice(t *testing.T) {
	req := goldenContext()
	req.PipelineActions = []PipelineAction{
		{Name: "Source", Category: "Source", Provider: "CodeCommit", Owner: "ThirdParty",
			Configuration: map[string]string{"RepositoryName": "r", "OutputArtifactFormat": "CODEBUILD_CLONE_REF", "Branch": "main"}},
	}
	type finding struct {
		code Code
		path Path
	}
	var got []finding
	result := Build(req)
	for _, p := range append(result.Problems, result.Advice...) {
		if !p.Warning || !strings.HasPrefix(p.Detail.String(), `In action "Source" (PipelineActions[0]): `) {
			t.Errorf("want warnings and advice naming the action, got %+v", p)
		}
		got = append(got, finding{p.Code, p.Path})
	}
	at := Path{FieldPipelineActions, 0}
	want := []finding{
		{CodeUnexpectedOwner, at.Child(FieldOwner)},
		{CodeUnknownConfigKey, at.Child(FieldConfiguration).Child(MapKey("Branch"))},
		{CodeCompanion, at.Child(FieldConfiguration).Child(MapKey("OutputArtifactFormat"))},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestSecretKeysSettleTheAdvice: secrets of a Commands action draw advice
// about their keys until secret_kms_key_arns names them; then kms:Decrypt is
// granted on exactly those keys, through Secrets Manager only.
func TestSecretKeysSettleTheAdvice(t *testing.T) {
	key := "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	req := goldenContext()
	req.PipelineActions = []PipelineAction{{Category: "Compute", Provider: "Commands",
		EnvironmentVariables: []EnvironmentVariable{{Name: "TOKEN", Value: "deploy-token", Type: SecretsManager}}}}
	before := Build(req)
	if len(before.Advice) != 1 || before.Advice[0].Code != CodeSecretKey || strings.Contains(before.Rendered.JSON, "CommandsSecretKeys") {
		t.Fatalf("without keys: want advice and no kms:Decrypt, got %+v", before.Advice)
	}
	req.SecretKeyARNs = []string{key}
	after := Build(req)
	if len(after.Advice) != 0 || HasError(after.Problems) {
		t.Fatalf("with keys: want no advice, got %+v %+v", after.Advice, after.Problems)
	}
	want := `{"Sid":"CommandsSecretKeys","Effect":"Allow","Action":"kms:Decrypt","Resource":"` + key +
		`","Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.eu-west-1.amazonaws.com"}}}`
	if !strings.Contains(after.Document.MinifiedJSON(), want) {
		t.Errorf("want %s in\n%s", want, after.Document.JSON())
	}
	req.ActionProviders, req.PipelineActions = []string{"CodeBuild"}, nil
	if strings.Contains(Build(req).Rendered.JSON, "CommandsSecretKeys") {
		t.Error("keys without secrets granted their use")
	}
}
