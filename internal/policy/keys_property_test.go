package policy

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iamref"
)

// generatedValues are what people write into configuration values, valid or
// not: names, ARNs of many services and resource types, characters that
// break ARNs or read as IAM wildcards, run-time variables, empty and huge.
func generatedValues(k catalog.ConfigKey) []string {
	values := []string{
		"", " ", "name with spaces", "a:b", "a/b", "a,b", "a*b", "a?b", "${aws:username}", "#{Source.Variable}",
		"prefix-#{Source.Variable}", "ünïcødé", "名前", "\x00", "tab\there", strings.Repeat("x", 4096), "x",
		"-leading-hyphen", "UPPER", "arn:", "arn:aws", "arn:aws:s3", "arn:aws:::::",
		"arn:aws:codebuild:us-east-1:111122223333:project/proj",
		"arn:aws:lambda:us-east-1:111122223333:function:fn", "arn:aws:lambda:us-east-1:111122223333:function:fn:live",
		"arn:aws:states:us-east-1:111122223333:stateMachine:sm", "arn:aws:states:us-east-1:111122223333:stateMachine:sm:prod",
		"arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key", "arn:aws:iam::111122223333:role/r",
		"arn:aws:iam::111122223333:role/service-role/r", "arn:aws:iam::111122223333:user/u",
		"arn:aws:ecs:us-east-1:111122223333:cluster/c", "arn:aws:sns:us-east-1:111122223333:topic",
		"arn:aws-cn:sns:cn-north-1:111122223333:topic", "arn:aws:sns:us-east-1:12345:topic", "arn:aws:sns:moon-1:111122223333:t",
		"arn:aws:codestar-connections:us-east-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
		"arn:aws:codeconnections:us-east-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
		"arn:aws:codeconnections:us-east-1:111122223333:host/h", "arn:aws:devicefarm:us-west-2::devicepool:x",
		"arn:aws:secretsmanager:us-east-1:111122223333:secret:s-AbCdEf", "111122223333:function:fn", "12:function:fn",
		"fn:$LATEST", "fn:bad qualifier", "arn:aws:kms:us-east-1:111122223333:key/k",
	}
	for i := 1; i <= 3; i++ {
		values = append(values, sampleConfigValue(k, i))
	}
	if k.Naming != nil {
		values = append(values, k.Naming.Example, k.Naming.Example+","+k.Naming.Example, k.Naming.Example+" ")
	}
	values = append(values, k.Values...)
	return values
}

// TestNoInputRendersABrokenResource gives every configuration key of every
// action and rule type every generated value: either the value is refused with
// an error on its key, or every resource the policy renders is "*" or a well
// formed ARN that can name a resource type each of its actions accepts.
func TestNoInputRendersABrokenResource(t *testing.T) {
	ref, err := iamref.Load()
	if err != nil {
		t.Fatal(err)
	}
	cases, refused := 0, 0
	for _, at := range slices.Concat(catalog.All(), catalog.Rules()) {
		for _, key := range at.ConfigKeys {
			for _, value := range generatedValues(key) {
				cases++
				req, keyPath := requestWith(at, key.Name, value)
				result := Build(req)
				if HasError(result.Problems) {
					refused++
					for _, p := range result.Problems {
						if !p.Warning && p.Path.String() != keyPath.String() {
							t.Errorf("%s %s = %q: error on %s, not on the key: %s", at.Key(), key.Name, value, p.Path, p.Detail)
						}
					}
					continue
				}
				docs := []Document{result.Document}
				for _, d := range result.RolePolicies {
					docs = append(docs, d)
				}
				for _, d := range docs {
					for _, s := range d.Statement {
						checkResources(t, ref, fmt.Sprintf("%s %s = %.40q", at.Key(), key.Name, value), s)
					}
				}
			}
		}
	}
	t.Logf("%d cases: %d refused on their key, %d rendered and matched against %s", cases, refused, cases-refused, ref)
	if cases < 3000 {
		t.Errorf("only %d cases; the generator lost values", cases)
	}
}

// requestWith is a valid pipeline of one action (or rule, next to a source)
// of the type, with key set to value.
func requestWith(at catalog.ActionType, key, value string) (Request, Path) {
	req := goldenContext()
	req.PipelineName = "property-pipeline"
	config := map[string]string{}
	for _, k := range at.ConfigKeys {
		if k.Required {
			config[k.Name] = sampleConfigValue(k, 1)
		}
	}
	config[key] = value
	if at.Category == catalog.RuleCategory {
		req.ActionProviders = []string{"Source/GitHub"}
		req.PipelineRules = []PipelineRule{{Provider: at.Provider, Configuration: config, Commands: []string{"true"}}}
		return req, Path{FieldPipelineRules, 0, FieldConfiguration, MapKey(key)}
	}
	req.PipelineActions = []PipelineAction{{Category: at.Category, Owner: at.Owner, Provider: at.Provider, Configuration: config}}
	return req, Path{FieldPipelineActions, 0, FieldConfiguration, MapKey(key)}
}

// checkResources asserts that each resource of a statement is "*" or an ARN
// of six fields that matches one of each action's resource types (or one an
// AWS page requires beyond them).
func checkResources(t *testing.T, ref *iamref.Reference, where string, s Statement) {
	t.Helper()
	for _, resource := range s.Resource {
		if resource == "*" {
			continue
		}
		parsed, err := arn.Parse(resource)
		// Names may hold spaces and colons (alarm names, object keys), and their
		// ARNs do too; control characters never belong in one.
		if err != nil || strings.Count(resource, ":") < 5 || strings.ContainsFunc(resource, unicode.IsControl) {
			t.Errorf("%s: %s renders %q, which is not a well-formed ARN", where, s.Sid, resource)
			continue
		}
		// Escaped literals (${*}) stand for one character of the name.
		literal := strings.NewReplacer("${*}", "x", "${?}", "x", "${$}", "x").Replace(resource)
		for _, action := range s.Action {
			formats, _ := ref.ResourceFormats(action)
			if len(formats) == 0 || catalog.BeyondReference[action+" "+parsed.Service] != "" {
				continue
			}
			if !slices.ContainsFunc(formats, func(f string) bool { return iamref.MatchesFormat(literal, f) }) {
				t.Errorf("%s: %s grants %s on %s, which matches none of its resource types", where, s.Sid, action, resource)
			}
		}
	}
}
