package policy

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// definitionExamples holds AWS's published example pipelines, one form each
// (see its README.md), with the reading each gives under want/.
var definitionExamples = filepath.Join(sharedTestdata, "definitions")

// TestDefinitionExamples reads every example and compares what it gives, and
// where Locate puts each part, with its reviewed reading; -update rewrites them.
func TestDefinitionExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(definitionExamples, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in %s: %v", definitionExamples, err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			d, fault := readExample(t, file)
			if fault != nil {
				t.Fatal(fault)
			}
			got, err := json.MarshalIndent(exampleReading(d), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			assertReading(t, filepath.Join(definitionExamples, "want", name), string(got)+"\n")
		})
	}
}

// readExample reads an example: Terraform's stages as the provider hands
// them over, the others as text.
func readExample(t *testing.T, file string) (Description, *DefinitionFault) {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(file), "terraform-") {
		return ReadDefinition(string(b))
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return ReadStages(v)
}

func assertReading(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("the reading differs from %s (run with -update and review the diff):\n%s", file, got)
	}
}

// reading is what a golden file shows of a description.
type reading struct {
	PipelineName   string          `json:",omitempty"`
	ServiceRoleARN string          `json:",omitempty"`
	Partition      string          `json:",omitempty"`
	Region         string          `json:",omitempty"`
	AccountID      string          `json:",omitempty"`
	ArtifactStores []ArtifactStore `json:",omitempty"`
	Actions        []PipelineAction
	Rules          []PipelineRule    `json:",omitempty"`
	Deferred       []deferredReading `json:",omitempty"`
	// Located maps request paths to their places in the description.
	Located map[string]string
}

type deferredReading struct{ At, Path, Intrinsic, Placeholder string }

func exampleReading(d Description) reading {
	r := reading{PipelineName: d.PipelineName, ServiceRoleARN: d.ServiceRoleARN, Partition: d.Partition, Region: d.Region,
		AccountID: d.AccountID, ArtifactStores: d.ArtifactStores, Actions: d.Actions, Rules: d.Rules, Located: map[string]string{}}
	for _, v := range d.Deferred {
		r.Deferred = append(r.Deferred, deferredReading{v.At, v.Path.String(), v.Intrinsic, v.Placeholder})
	}
	for _, p := range examplePaths(d) {
		if at, ok := d.Locate(p); ok {
			r.Located[p.String()] = at
		}
	}
	return r
}

// examplePaths are the request paths of every part of a description.
func examplePaths(d Description) []Path {
	paths := []Path{{FieldPipelineName}, {FieldServiceRoleARN}, {FieldRegion}, {FieldArtifactStores}}
	for i := range d.ArtifactStores {
		at := Path{FieldArtifactStores, i}
		paths = append(paths, at.Child(FieldLocation), at.Child(FieldEncryptionKeyID), at.Child(FieldRegion))
	}
	for i, a := range d.Actions {
		at := Path{FieldPipelineActions, i}
		paths = append(paths, at, at.Child(FieldProvider), at.Child(FieldRoleARN))
		paths = append(paths, configPaths(at, a.Configuration)...)
		for j := range a.EnvironmentVariables {
			paths = append(paths, at.Child(FieldEnvironmentVariables).Child(j).Child(FieldValue))
		}
	}
	for i, r := range d.Rules {
		at := Path{FieldPipelineRules, i}
		paths = append(paths, at, at.Child(FieldProvider))
		paths = append(paths, configPaths(at, r.Configuration)...)
		for j := range r.Commands {
			paths = append(paths, at.Child(FieldCommands).Child(j))
		}
	}
	return paths
}

func configPaths(at Path, config map[string]string) []Path {
	var paths []Path
	for key := range config {
		paths = append(paths, at.Child(FieldConfiguration).Child(MapKey(key)))
	}
	return paths
}

// TestDefinitionFaults gives each kind of unreadable description and expects
// its code, the place at fault and a message that says what would be right.
func TestDefinitionFaults(t *testing.T) {
	action := func(config string) string {
		return `{"name": "Build", "actionTypeId": {"category": "Build", "provider": "CodeBuild"}, "configuration": ` + config + `}`
	}
	for _, c := range []struct {
		name, text string
		stages     any // read with ReadStages when text is empty
		code       Code
		at, detail string
	}{
		{name: "empty text", text: " \n", code: CodeMalformedDefinition, detail: "is empty"},
		{name: "broken JSON", text: "{\n  \"pipeline\": {\n    \"name\": \"p\",,\n", code: CodeMalformedDefinition,
			at: "line 3, column 17", detail: "invalid character ',' looking for beginning of object key string at line 3, column 17"},
		{name: "cut short", text: `{"stages": [`, code: CodeMalformedDefinition, at: "line 1, column 12", detail: "unexpected end of JSON input"},
		{name: "two values", text: `{"stages": []} {}`, code: CodeMalformedDefinition, at: "line 1, column 16", detail: "after top-level value"},
		{name: "a list", text: `[{"name": "Source"}]`, code: CodeUnknownDefinitionShape, detail: "The definition is a list of 1."},
		{name: "other keys", text: `{"Name": "p", "Role": "r"}`, code: CodeUnknownDefinitionShape,
			detail: `an object with the keys "Name", "Role". Give ` + "`aws codepipeline get-pipeline`"},
		{name: "a template", text: `{"Resources": {"Pipeline": {}}}`, code: CodeUnknownDefinitionShape, detail: "the resource under Resources"},
		{name: "another resource", text: `{"Type": "AWS::S3::Bucket", "Properties": {}}`, code: CodeUnknownDefinitionShape,
			detail: `type the string "AWS::S3::Bucket"; expected "AWS::CodePipeline::Pipeline"`},
		{name: "no stages", text: `{"pipeline": {"name": "p", "roleArn": "arn:aws:iam::111122223333:role/r"}}`, code: CodeEmptyDefinition,
			at: "pipeline.stages", detail: "pipeline.stages holds no action"},
		{name: "stages without actions", text: `{"Stages": [{"Name": "Source", "Actions": []}]}`, code: CodeEmptyDefinition, at: "Stages"},
		{name: "no Terraform stages", stages: []any{}, code: CodeEmptyDefinition, detail: "The stage list holds no action"},
		{name: "configuration a number", text: `{"stages": [{"actions": [` + action(`{}`) + `, ` + action(`5`) + `]}]}`,
			code: CodeInvalidDefinitionValue, at: "stages[0].actions[1].configuration",
			detail: "stages[0].actions[1].configuration is the number 5; expected an object of configuration keys and their values."},
		{name: "configuration value a list", text: `{"stages": [{"actions": [` + action(`{"ProjectName": ["a"]}`) + `]}]}`,
			code: CodeInvalidDefinitionValue, at: "stages[0].actions[0].configuration.ProjectName", detail: "is a list of 1; expected a string."},
		{name: "pipeline a string", text: `{"pipeline": "MyPipeline"}`, code: CodeInvalidDefinitionValue, at: "pipeline",
			detail: `pipeline is the string "MyPipeline"; expected an object.`},
		{name: "actions an object", text: `{"stages": [{"name": "Source", "actions": {"name": "a"}}]}`, code: CodeInvalidDefinitionValue,
			at: "stages[0].actions", detail: "expected a list."},
		{name: "regional stores a list", text: `{"stages": [], "artifactStores": [{"location": "b"}]}`, code: CodeInvalidDefinitionValue,
			at: "artifactStores", detail: "artifactStores is a list of 1; expected an object."},
		{name: "not a pipeline ARN", text: `{"pipeline": {"stages": []}, "metadata": {"pipelineArn": "arn:aws:iam::111122223333:role/p"}}`,
			code: CodeInvalidDefinitionValue, at: "metadata.pipelineArn", detail: "expected arn:<partition>:codepipeline:<region>:<account>:<pipeline name>"},
		{name: "configuration text not JSON", text: `{"Stages": [{"Actions": [{"Configuration": "ProjectName=a"}]}]}`,
			code: CodeInvalidDefinitionValue, at: "Stages[0].Actions[0].Configuration", detail: "is a string that is not JSON"},
		{name: "environment variable a string", text: `{"Stages": [{"Actions": [{"EnvironmentVariables": ["A=b"]}]}]}`,
			code: CodeInvalidDefinitionValue, at: "Stages[0].Actions[0].EnvironmentVariables[0]", detail: `is the string "A=b"; expected an object.`},
		{name: "commands a string", text: `{"stages": [{"actions": [` + action(`{}`) + `], "onSuccess": {"conditions": [{"rules": [{"commands": "ls"}]}]}}]}`,
			code: CodeInvalidDefinitionValue, at: "stages[0].onSuccess.conditions[0].rules[0].commands", detail: "expected a list of commands."},
		{name: "two rule types", stages: []any{map[string]any{"action": map[string]any{"provider": "CodeBuild"},
			"on_success": map[string]any{"condition": map[string]any{"rule": map[string]any{"rule_type_id": []any{map[string]any{}, map[string]any{}}}}}}},
			code: CodeInvalidDefinitionValue, at: "[0].on_success.condition.rule.rule_type_id", detail: "is a list of 2; expected one block."},
		{name: "stage a string", stages: []any{"Source"}, code: CodeInvalidDefinitionValue, at: "[0]", detail: "expected an object."},
		{name: "stages a string", stages: "Source", code: CodeInvalidDefinitionValue, detail: `The stage list is the string "Source"; expected a list.`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var fault *DefinitionFault
			if c.text != "" {
				_, fault = ReadDefinition(c.text)
			} else {
				_, fault = ReadStages(c.stages)
			}
			if fault == nil {
				t.Fatal("read without a fault")
			}
			if fault.Code != c.code || fault.At != c.at || !strings.Contains(fault.Detail, c.detail) {
				t.Errorf("got %s at %q: %s\nwant %s at %q: …%s…", fault.Code, fault.At, fault.Detail, c.code, c.at, c.detail)
			}
			if p := fault.Problem(); p.Code != c.code || p.Path != nil || p.Detail.String() != fault.Detail || p.Warning {
				t.Errorf("the problem does not carry the fault: %+v", p)
			}
		})
	}
}

// locatePipeline is one pipeline of each kind of part, to locate in every form.
var locatePipeline = testPipeline{
	name: "web", role: "arn:aws:iam::111122223333:role/web", region: "eu-west-1", account: "111122223333",
	stores: []ArtifactStore{{Location: "artifacts-eu", Region: "eu-west-1", EncryptionKeyID: "arn:aws:kms:eu-west-1:111122223333:key/k"},
		{Location: "artifacts-us", Region: "us-east-1"}},
	stages: []testStage{
		{name: "Source", actions: []PipelineAction{{Name: "Source", Category: "Source", Owner: "AWS", Provider: "S3",
			Configuration: map[string]string{"S3Bucket": "src", "S3ObjectKey": "app.zip"}}}},
		{name: "Build", actions: []PipelineAction{
			{Name: "Unit", Category: "Test", Owner: "AWS", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "unit"}},
			{Name: "Build", Category: "Build", Owner: "AWS", Provider: "CodeBuild", Region: "us-east-1",
				Configuration:        map[string]string{"ProjectName": "build", "odd key": "x"},
				EnvironmentVariables: []EnvironmentVariable{{Name: "A", Value: "1"}, {Name: "B", Value: "2"}}},
		}, gates: [3][][]PipelineRule{1: {{{Name: "Check", Provider: "Commands", Commands: []string{"ls", "make check"}}}}}},
	},
}

// TestDefinitionLocate locates parts of the same pipeline in each form: in
// the declaration (and under get-pipeline's and create-pipeline's "pipeline"),
// in CloudFormation's Properties (and under a resource's "Properties"), and
// in Terraform's stages; "" where the form does not hold the part. The plain
// rendering lists CloudFormation's stores in reverse: the places follow the
// list as written, not the stores sorted by region.
func TestDefinitionLocate(t *testing.T) {
	descriptions := map[string]Description{}
	for form, text := range definitionForms(nil, locatePipeline) {
		d, fault := ReadDefinition(text)
		if fault != nil {
			t.Fatal(fault)
		}
		descriptions[form] = d
	}
	descriptions["terraform"], _ = ReadStages(terraformValue(nil, locatePipeline.withoutEnvironment()))
	for _, c := range []struct {
		path         Path
		api, cfn, tf string
	}{
		{Path{FieldPipelineActions, 2, FieldConfiguration, MapKey("ProjectName")}, "stages[1].actions[1].configuration.ProjectName",
			"Stages[1].Actions[1].Configuration.ProjectName", "[1].action[1].configuration.ProjectName"},
		{Path{FieldPipelineActions, 2, FieldConfiguration, MapKey("odd key")}, `stages[1].actions[1].configuration["odd key"]`,
			`Stages[1].Actions[1].Configuration["odd key"]`, `[1].action[1].configuration["odd key"]`},
		{Path{FieldPipelineActions, 0, FieldProvider}, "stages[0].actions[0].actionTypeId.provider",
			"Stages[0].Actions[0].ActionTypeId.Provider", "[0].action.provider"},
		{Path{FieldPipelineActions, 2, FieldRegion}, "stages[1].actions[1].region", "Stages[1].Actions[1].Region", "[1].action[1].region"},
		{Path{FieldPipelineActions, 2, FieldEnvironmentVariables, 1, FieldValue}, "stages[1].actions[1].environmentVariables[1].value",
			"Stages[1].Actions[1].EnvironmentVariables[1].Value", ""},
		{Path{FieldPipelineRules, 0}, "stages[1].onSuccess.conditions[0].rules[0]", "Stages[1].OnSuccess.Conditions[0].Rules[0]",
			"[1].on_success.condition.rule[0]"},
		{Path{FieldPipelineRules, 0, FieldCommands, 1}, "stages[1].onSuccess.conditions[0].rules[0].commands[1]",
			"Stages[1].OnSuccess.Conditions[0].Rules[0].Commands[1]", "[1].on_success.condition.rule[0].commands[1]"},
		{Path{FieldArtifactStores, 1, FieldLocation}, "artifactStores.us-east-1.location", "ArtifactStores[0].ArtifactStore.Location", ""},
		{Path{FieldArtifactStores, 0, FieldEncryptionKeyID}, "artifactStores.eu-west-1.encryptionKey.id",
			"ArtifactStores[1].ArtifactStore.EncryptionKey.Id", ""},
		{Path{FieldArtifactStores, 0, FieldRegion}, "artifactStores.eu-west-1", "ArtifactStores[1].Region", ""},
		{Path{FieldServiceRoleARN}, "roleArn", "RoleArn", ""},
		{Path{FieldPipelineName}, "name", "Name", ""},
		{Path{FieldPipelineActions, 3}, "", "", ""},
		{Path{FieldPassRoleARNs, 0}, "", "", ""},
	} {
		for form, d := range descriptions {
			want := map[string]string{"declaration": c.api, "get-pipeline": prefixed("pipeline.", c.api),
				"create-pipeline": prefixed("pipeline.", c.api), "cfn-properties": c.cfn, "cfn-resource": prefixed("Properties.", c.cfn),
				"terraform": c.tf}[form]
			if at, ok := d.Locate(c.path); at != want || ok != (want != "") {
				t.Errorf("%s: Locate(%s) = %q, %t; want %q", form, c.path, at, ok, want)
			}
		}
	}
	for _, p := range []Path{{FieldRegion}, {FieldAccountID}, {FieldPartition}} {
		if at, ok := descriptions["get-pipeline"].Locate(p); at != "metadata.pipelineArn" || !ok {
			t.Errorf("get-pipeline: Locate(%s) = %q, %t; want the pipeline ARN in the metadata", p, at, ok)
		}
	}
}

func prefixed(prefix, at string) string {
	if at == "" {
		return ""
	}
	return prefix + at
}

// TestDefinitionIntrinsics reads CloudFormation's intrinsic functions where
// values go: never a fault, a run-time variable in a configuration value,
// name, command or variable value, an empty field elsewhere, the branches of
// an Fn::If in a list, and each recorded with its place and request path.
func TestDefinitionIntrinsics(t *testing.T) {
	text := `{
	  "Name": {"Fn::Sub": "${AWS::StackName}-pipeline"},
	  "RoleArn": {"Fn::GetAtt": ["PipelineRole", "Arn"]},
	  "ArtifactStores": [
	    {"Region": "us-east-1", "ArtifactStore": {"Type": "S3", "Location": "artifacts-us"}},
	    {"Region": {"Ref": "AWS::Region"}, "ArtifactStore": {"Type": "S3", "Location": {"Fn::ImportValue": "artifact-bucket"},
	      "EncryptionKey": {"Id": {"Fn::ImportValue": "artifact-key"}, "Type": "KMS"}}}
	  ],
	  "Stages": [
	    {"Name": "Source", "Actions": [{"Name": "Source",
	      "ActionTypeId": {"Category": "Source", "Owner": "AWS", "Provider": "CodeStarSourceConnection", "Version": "1"},
	      "Configuration": {"ConnectionArn": {"Fn::ImportValue": "connection"}, "FullRepositoryId": "org/repo",
	        "BranchName": {"Fn::If": ["Prod", "main", "dev"]}}}]},
	    {"Fn::If": ["HasTests", {"Name": "Test", "Actions": [{"Name": "Unit", "ActionTypeId": {"Category": "Test", "Provider": "CodeBuild"},
	      "Configuration": {"ProjectName": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, "unit"]]}}}]}, {"Ref": "AWS::NoValue"}]},
	    {"Name": "Deploy", "Actions": [
	      {"Name": "Deploy", "ActionTypeId": {"Category": "Deploy", "Provider": "CloudFormation"},
	        "Configuration": {"Fn::If": ["Prod", {"StackName": "prod"}, {"StackName": "dev"}]},
	        "Region": {"Fn::FindInMap": ["Regions", {"Ref": "AWS::Region"}, "Deploy"]}, "RoleArn": {"Fn::GetAtt": ["DeployRole", "Arn"]}},
	      {"Ref": "ExtraAction"},
	      {"Name": "Run", "ActionTypeId": {"Category": "Compute", "Provider": "Commands"}, "EnvironmentVariables": [
	        {"Name": "TOKEN", "Value": {"Ref": "TokenSecret"}, "Type": "SECRETS_MANAGER"},
	        {"Fn::If": ["Debug", {"Name": "DEBUG", "Value": "1"}, {"Ref": "AWS::NoValue"}]}]}],
	     "OnSuccess": {"Conditions": [{"Result": "FAIL", "Rules": [{"Name": "Check", "RuleTypeId": {"Category": "Rule", "Provider": "Commands"},
	       "Commands": ["ls", {"Fn::Sub": "test -f ${Artifact}"}]}]}]}}
	  ]
	}`
	d, fault := ReadDefinition(text)
	if fault != nil {
		t.Fatal(fault)
	}
	wantActions := []PipelineAction{
		{Name: "Source", Category: "Source", Owner: "AWS", Provider: "CodeStarSourceConnection", Configuration: map[string]string{
			"ConnectionArn": "#{cloudformation:ImportValue(connection)}", "FullRepositoryId": "org/repo",
			"BranchName": `#{cloudformation:If(["Prod","main","dev"])}`}},
		{Name: "Unit", Category: "Test", Owner: "AWS", Provider: "CodeBuild", Configuration: map[string]string{
			"ProjectName": `#{cloudformation:Join(["-",[{"Ref":"AWS::StackName"},"unit"]])}`}},
		{Name: "Deploy", Category: "Deploy", Owner: "AWS", Provider: "CloudFormation"},
		{Name: "Run", Category: "Compute", Owner: "AWS", Provider: "Commands", EnvironmentVariables: []EnvironmentVariable{
			{Name: "TOKEN", Value: "#{cloudformation:Ref(TokenSecret)}", Type: "SECRETS_MANAGER"}, {Name: "DEBUG", Value: "1"}}},
	}
	if !reflect.DeepEqual(d.Actions, wantActions) {
		t.Errorf("actions\n got %+v\nwant %+v", d.Actions, wantActions)
	}
	if want := []string{"ls", "#{cloudformation:Sub(test -f ${Artifact})}"}; len(d.Rules) != 1 || !slices.Equal(d.Rules[0].Commands, want) {
		t.Errorf("rules: got %+v, want one with commands %q", d.Rules, want)
	}
	wantStores := []ArtifactStore{{}, {Location: "artifacts-us", Region: "us-east-1"}}
	if !reflect.DeepEqual(d.ArtifactStores, wantStores) || d.PipelineName != "" || d.ServiceRoleARN != "" {
		t.Errorf("pipeline-wide parts: %q %q %+v", d.PipelineName, d.ServiceRoleARN, d.ArtifactStores)
	}
	var got []string
	for _, v := range d.Deferred {
		got = append(got, fmt.Sprintf("%s | %s | %s", v.At, v.Path, v.Placeholder))
	}
	want := []string{
		"Name | PipelineName | ",
		"RoleArn | ServiceRoleARN | ",
		"ArtifactStores[1].ArtifactStore.Location | ArtifactStores[0].Location | ",
		"ArtifactStores[1].ArtifactStore.EncryptionKey.Id | ArtifactStores[0].EncryptionKeyID | ",
		"ArtifactStores[1].Region | ArtifactStores[0].Region | ",
		"Stages[0].Actions[0].Configuration.BranchName | PipelineActions[0].Configuration[\"BranchName\"] | " + wantActions[0].Configuration["BranchName"],
		"Stages[0].Actions[0].Configuration.ConnectionArn | PipelineActions[0].Configuration[\"ConnectionArn\"] | " + wantActions[0].Configuration["ConnectionArn"],
		"Stages[1].Fn::If[1].Actions[0].Configuration.ProjectName | PipelineActions[1].Configuration[\"ProjectName\"] | " + wantActions[1].Configuration["ProjectName"],
		"Stages[2].Actions[1] | PipelineActions | ",
		"Stages[2].Actions[0].Configuration | PipelineActions[2].Configuration | ",
		"Stages[2].Actions[0].Region | PipelineActions[2].Region | ",
		"Stages[2].Actions[0].RoleArn | PipelineActions[2].RoleARN | ",
		"Stages[2].Actions[2].EnvironmentVariables[0].Value | PipelineActions[3].EnvironmentVariables[0].Value | #{cloudformation:Ref(TokenSecret)}",
		"Stages[2].OnSuccess.Conditions[0].Rules[0].Commands[1] | PipelineRules[0].Commands[1] | #{cloudformation:Sub(test -f ${Artifact})}",
	}
	if !slices.Equal(got, want) {
		t.Errorf("deferred values\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	if d.Deferred[0].Intrinsic != `{"Fn::Sub":"${AWS::StackName}-pipeline"}` {
		t.Errorf("the intrinsic's text is %s", d.Deferred[0].Intrinsic)
	}
	if at, _ := d.Locate(Path{FieldPipelineActions, 3, FieldEnvironmentVariables, 1}); at != "Stages[2].Actions[2].EnvironmentVariables[1].Fn::If[1]" {
		t.Errorf("the variable of an Fn::If branch is located at %q", at)
	}
}

// TestDefinitionRuntimeVariablesWiden builds a policy from CloudFormation
// configuration values given as intrinsic functions: the run-time variables
// put in their place draw no error and grant what any value could need.
func TestDefinitionRuntimeVariablesWiden(t *testing.T) {
	d, fault := ReadDefinition(`{"Type": "AWS::CodePipeline::Pipeline", "Properties": {
	  "Name": "web", "RoleArn": "arn:aws:iam::111122223333:role/web", "ArtifactStore": {"Type": "S3", "Location": "web-artifacts"},
	  "Stages": [{"Name": "Build", "Actions": [{"Name": "Build", "ActionTypeId": {"Category": "Build", "Owner": "AWS",
	    "Provider": "CodeBuild", "Version": 1}, "Configuration": {"ProjectName": {"Ref": "BuildProject"}}}]}]}}`)
	if fault != nil {
		t.Fatal(fault)
	}
	result := Build(Request{PipelineName: d.PipelineName, ServiceRoleARN: d.ServiceRoleARN, ArtifactStores: d.ArtifactStores,
		PipelineActions: d.Actions, Region: "eu-west-1", AccountID: "111122223333"})
	if HasError(result.Problems) {
		t.Fatalf("unexpected problems: %+v", result.Problems)
	}
	if !strings.Contains(result.Document.JSON(), `"arn:aws:codebuild:eu-west-1:111122223333:project/*"`) ||
		!strings.Contains(fmt.Sprint(result.Unscoped), "#{cloudformation:Ref(BuildProject)}") {
		t.Errorf("the project is not granted as any project, with the intrinsic as the reason:\n%s\n%v", result.Document.JSON(), result.Unscoped)
	}
}

// TestDefinitionProblemsLocated builds a request from a description and finds
// where in the description each problem of the builder is.
func TestDefinitionProblemsLocated(t *testing.T) {
	d, fault := ReadDefinition(`{"name": "web", "roleArn": "arn:aws:iam::111122223333:role/web",
	  "artifactStores": {"eu-west-1": {"type": "S3", "location": "web-artifacts"},
	                     "us-east-1": {"type": "S3", "location": "web-artifacts-us", "encryptionKey": {"id": "not-a-key", "type": "KMS"}}},
	  "stages": [
	    {"name": "Source", "actions": [{"name": "Source", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
	      "configuration": {"S3Bucket": "web-source", "S3ObjectKey": "app.zip"}}]},
	    {"name": "Build", "actions": [{"name": "Build", "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
	      "configuration": {"ProjectName": "not a project name!"}}]}]}`)
	if fault != nil {
		t.Fatal(fault)
	}
	result := Build(Request{PipelineName: d.PipelineName, ServiceRoleARN: d.ServiceRoleARN, ArtifactStores: d.ArtifactStores,
		PipelineActions: d.Actions, PipelineRules: d.Rules, Region: "eu-west-1", AccountID: "111122223333"})
	var got []string
	for _, p := range result.Problems {
		if at, ok := d.Locate(p.Path); ok && !p.Warning {
			got = append(got, string(p.Code)+" at "+at)
		}
	}
	slices.Sort(got)
	want := []string{"invalid_key at artifactStores.us-east-1.encryptionKey.id", "invalid_name at stages[1].actions[0].configuration.ProjectName"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q (problems %+v)", got, want, result.Problems)
	}
}
