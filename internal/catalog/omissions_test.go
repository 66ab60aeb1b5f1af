package catalog

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// accounted reports whether a grant another source makes is granted by the
// statements or named, with a reason, in the omissions. IAM action names are
// case-insensitive.
func accounted(action string, statements []Statement, omitted []Omission) bool {
	for _, s := range statements {
		for _, a := range s.Actions {
			if strings.EqualFold(a, action) {
				return true
			}
		}
	}
	for _, o := range omitted {
		for _, a := range o.Actions {
			if strings.EqualFold(a, action) && o.Why != "" {
				return true
			}
		}
	}
	return false
}

// TestCDKGrantsAccountedFor compares the catalog with every grant the AWS
// CDK makes (testdata/cdk-grants.json): each is granted, or the entry's
// omissions say why not.
func TestCDKGrantsAccountedFor(t *testing.T) {
	var data struct{ Grants map[string][]string }
	readTestData(t, "testdata/cdk-grants.json", &data)
	for key, actions := range data.Grants {
		statements, omitted := slices.Concat(ArtifactStore(), ActionRoles()), ArtifactStoreOmitted()
		if key != "ArtifactStore" {
			category, provider, _ := strings.Cut(key, "/")
			at, ok := Lookup(category, provider)
			if !ok {
				t.Errorf("%s is in the CDK test data but not in the catalog", key)
				continue
			}
			// The pipeline's own statements are in every policy.
			statements, omitted = slices.Concat(at.Statements, statements), slices.Concat(at.Omitted, omitted)
		}
		for _, action := range actions {
			if !accounted(action, statements, omitted) {
				t.Errorf("%s: the AWS CDK grants %s; grant it, or name it in the entry's Omitted with the reason", key, action)
			}
		}
	}
}

// TestBeanstalkManagedPolicyAccountedFor checks the Elastic Beanstalk entry
// against the managed policy it is built from: every action of the policy is
// granted or named in the entry's omissions with the reason.
func TestBeanstalkManagedPolicyAccountedFor(t *testing.T) {
	var data struct {
		Policies map[string]struct {
			Version  string
			Document struct {
				Statement []struct{ Action any }
			}
		}
	}
	readTestData(t, "testdata/managed-policies.json", &data)
	policy, ok := data.Policies[BeanstalkManagedPolicy]
	if !ok {
		t.Fatalf("testdata/managed-policies.json has no %s; run make managed-policies", BeanstalkManagedPolicy)
	}
	at, _ := Lookup("Deploy", "ElasticBeanstalk")
	count := 0
	for _, s := range policy.Document.Statement {
		for _, action := range stringOrList(s.Action) {
			count++
			if !accounted(action, at.Statements, at.Omitted) {
				t.Errorf("%s %s grants %s; grant it in Deploy/ElasticBeanstalk or name it in Omitted with the reason",
					BeanstalkManagedPolicy, policy.Version, action)
			}
		}
	}
	if count < 50 {
		t.Errorf("read only %d actions from %s; the test data looks truncated", count, BeanstalkManagedPolicy)
	}
}

// TestOmissionsAreWellFormed keeps omissions honest: cited, explained, and
// never also granted.
func TestOmissionsAreWellFormed(t *testing.T) {
	check := func(where string, statements []Statement, omitted []Omission) {
		for _, o := range omitted {
			if len(o.Actions) == 0 || o.Source == "" || o.Why == "" {
				t.Errorf("%s: omission %v needs actions, a source and the reason", where, o.Actions)
			}
			for _, a := range o.Actions {
				if accounted(a, statements, nil) {
					t.Errorf("%s: %s is both granted and omitted", where, a)
				}
			}
		}
	}
	check("artifact store", ArtifactStore(), ArtifactStoreOmitted())
	for _, at := range slices.Concat(All(), Rules()) {
		check(at.Key(), at.Statements, at.Omitted)
	}
}

func readTestData(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func stringOrList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, _ := e.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}
