package policy

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
)

// special is a piece of a name IAM would read as a pattern or a variable if
// it reached a document raw, and what a near miss puts in its place: a
// resource the raw piece would match but the name does not.
var specials = []struct{ piece, nearMiss string }{
	{"*", "-admin"},
	{"?", "X"},
	{"$", ""},
	{"${aws:username}", "alice"},
	{"${*}", "*"},
	{"a*b?c$d", "a-b-cd"},
	{"${?}${$}", "?$"},
}

// namesWithSpecials are names of the key's rule holding each special piece,
// at the end and at the start.
func namesWithSpecials(k catalog.ConfigKey) [][2]string {
	example := "release"
	if k.Naming != nil {
		example = k.Naming.Example
	}
	var out [][2]string
	for _, s := range specials {
		out = append(out, [2]string{example + s.piece, example + s.nearMiss}, [2]string{s.piece + example, s.nearMiss + example})
	}
	return out
}

// valueNaming is the configuration value that names name in the key's form.
func valueNaming(k catalog.ConfigKey, name string) string {
	if k.Kind != catalog.ARN {
		return name
	}
	ex := sampleConfigValue(k, 1)
	return ex[:strings.LastIndex(ex, k.ARN.ResourceType)+len(k.ARN.ResourceType)] + name
}

// TestEveryValueNamesExactlyItself gives every resource-naming key of every
// action and rule type names holding IAM's special characters and policy
// variables. Each is refused on its key, or every resource it reaches names
// exactly the resource (allowed by the evaluator) and no near miss (the
// name with the pattern resolved differently), and no policy variable
// appears in any document.
func TestEveryValueNamesExactlyItself(t *testing.T) {
	cases, refused, resources := 0, 0, 0
	for _, at := range slices.Concat(catalog.All(), catalog.Rules()) {
		for _, key := range at.ConfigKeys {
			if key.Kind == catalog.Setting {
				continue
			}
			for _, pair := range namesWithSpecials(key) {
				cases++
				name, nearMiss := pair[0], pair[1]
				req, _ := requestWith(at, key.Name, valueNaming(key, name))
				result := Build(req)
				if HasError(result.Problems) {
					refused++
					continue
				}
				where := fmt.Sprintf("%s %s naming %q", at.Key(), key.Name, name)
				for _, d := range append([]Document{result.Document}, valuesOf(result.RolePolicies)...) {
					assertNoVariables(t, where, d)
					resources += assertExact(t, where, d, name, nearMiss)
				}
			}
		}
	}
	t.Logf("%d cases: %d refused on their key, %d resources matched exactly and missed their near misses", cases, refused, resources)
	if resources < 100 {
		t.Errorf("only %d resources held an escaped name; the cases lost their way into documents", resources)
	}
}

// TestRolePathsNameExactlyOneRole: a role path holding '*' is escaped where
// the role is a resource (pass_role_arns) and refused where it would be a
// principal (service_role_arn, an action's role_arn).
func TestRolePathsNameExactlyOneRole(t *testing.T) {
	role := "arn:aws:iam::111122223333:role/ops*/deployer"
	req := goldenContext()
	req.ActionProviders = []string{"Source/S3", "Deploy/ECS"}
	req.PassRoleARNs = []string{role}
	result := Build(req)
	if HasError(result.Problems) {
		t.Fatalf("a pass role with a '*' path was refused: %v", result.Problems)
	}
	if got := assertExact(t, "pass_role_arns", result.Document, "ops*/deployer", "ops-admin/deployer"); got != 1 {
		t.Errorf("the pass role was granted %d times, want once", got)
	}
	for _, bad := range []Request{
		func() Request {
			r := goldenContext()
			r.ActionProviders = []string{"CodeBuild"}
			r.ServiceRoleARN = role
			return r
		}(),
		func() Request {
			r := goldenContext()
			r.PipelineActions = []PipelineAction{{Category: "Build", Owner: "AWS", Provider: "CodeBuild", RoleARN: role}}
			return r
		}(),
		func() Request {
			r := goldenContext()
			r.ActionProviders = []string{"CodeBuild"}
			r.PassRoleARNs = []string{"arn:aws:iam::111122223333:role/*"}
			return r
		}(),
	} {
		if problems := Build(bad).Problems; !slices.ContainsFunc(problems, func(p Problem) bool { return p.Code == CodeInvalidRole }) {
			t.Errorf("a role that is a pattern was accepted: %v", problems)
		}
	}
}

func valuesOf(m map[string]Document) []Document {
	var out []Document
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[k])
	}
	return out
}

// assertNoVariables fails on a "${" in a document that is not an escape:
// no input may put a policy variable into a document.
func assertNoVariables(t *testing.T, where string, d Document) {
	t.Helper()
	rest := strings.NewReplacer("${*}", "", "${?}", "", "${$}", "").Replace(d.JSON())
	if strings.Contains(rest, "${") {
		t.Errorf("%s: the document holds a policy variable:\n%s", where, d.JSON())
	}
}

// assertExact checks each resource that holds an escape: it allows the
// resource that holds name and denies the one that holds nearMiss instead.
// It returns how many resources it checked.
func assertExact(t *testing.T, where string, d Document, name, nearMiss string) int {
	t.Helper()
	unescape := strings.NewReplacer("${*}", "*", "${?}", "?", "${$}", "$")
	checked := 0
	for _, s := range d.Statement {
		for _, resource := range s.Resource {
			exact := unescape.Replace(resource)
			if exact == resource || !strings.Contains(exact, name) {
				continue
			}
			checked++
			policy := allowOnly(t, s.Action[0], resource)
			context := map[string][]string{"aws:username": {"alice"}}
			if d := iameval.EvaluateIdentity(policy, iameval.Request{Action: s.Action[0], Resource: exact, Context: context}); d != iameval.Allowed {
				t.Errorf("%s: %s on %q does not allow the named resource %q: %s", where, s.Action[0], resource, exact, d)
			}
			miss := strings.Replace(exact, name, nearMiss, 1)
			if d := iameval.EvaluateIdentity(policy, iameval.Request{Action: s.Action[0], Resource: miss, Context: context}); d == iameval.Allowed {
				t.Errorf("%s: %s on %q also allows the near miss %q", where, s.Action[0], resource, miss)
			}
		}
	}
	return checked
}

func allowOnly(t *testing.T, action, resource string) []iameval.Policy {
	t.Helper()
	doc, _ := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": []any{
		map[string]any{"Effect": "Allow", "Action": action, "Resource": resource}}})
	policies, err := iameval.ParseAll([]string{string(doc)})
	if err != nil {
		t.Fatal(err)
	}
	return policies
}
