package catalog

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iamref"
)

func reference(t *testing.T) *iamref.Reference {
	t.Helper()
	ref, err := iamref.Load()
	if err != nil {
		t.Fatalf("reading the IAM reference: %v", err)
	}
	return ref
}

func TestActionsExistInReference(t *testing.T) {
	ref := reference(t)
	checked := map[string]bool{}
	statements(func(where string, s Statement) {
		for _, action := range s.Actions {
			checked[action] = true
			service, name, _ := strings.Cut(action, ":")
			svc, ok := ref.Services[service]
			if !ok {
				t.Errorf("%s: service %q of %s is not in %s; regenerate it (go generate)", where, service, action, ref)
				continue
			}
			if _, ok := svc.Actions[name]; ok {
				continue
			}
			hint := ""
			for known := range svc.Actions {
				if strings.EqualFold(known, name) {
					hint = fmt.Sprintf("; the reference spells it %s:%s", service, known)
				}
			}
			t.Errorf("%s: %s is not an IAM action in %s%s", where, action, ref, hint)
		}
	})
	t.Logf("checked %d distinct IAM actions against %s", len(checked), ref)
}

// The check asks whether a resource template, filled with sample values, and
// the reference's ARN format of a resource type can name one common ARN. Both
// are patterns over the six colon-separated ARN fields, compared field by
// field as IAM compares them. In the filled template "*" matches any run of
// characters (possibly empty) and "?" one character, as in a policy; in the
// format each ${Variable} matches one or more characters, except ${Account},
// which may be empty because AWS-owned resources such as the SSM document
// AWS-RunShellScript have ARNs without an account. Deciding that two such
// patterns intersect is exact (see package iamref), so no sampling of "*"
// is involved.

var (
	// refPlaceholder matches catalog placeholders such as ${ProjectName} and
	// ${RoleArn.Account}.
	refPlaceholder = regexp.MustCompile(`\$\{([A-Za-z0-9]+)(?:\.([A-Za-z]+))?\}`)

	// sampleValues fill placeholders; any other one becomes "example". A
	// placeholder that stands for a whole ARN needs an entry here.
	sampleValues = map[string]string{
		"Partition":           "aws",
		"Region":              "us-east-1",
		"Account":             "111122223333",
		"ThisPipelineName":    "my-pipeline",
		"ArtifactKeyArn":      sampleKeyArn,
		"SecretKeyArn":        sampleKeyArn,
		"KMSEncryptionKeyARN": sampleKeyArn,
		"ActionRoleArn":       "arn:aws:iam::111122223333:role/example",
	}
)

const sampleKeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

// fill replaces each placeholder by a sample value. A field of an ARN-valued
// source (${RoleArn.Account}) takes the sample of that field.
func fill(template string) string {
	return refPlaceholder.ReplaceAllStringFunc(template, func(p string) string {
		m := refPlaceholder.FindStringSubmatch(p)
		name := m[1]
		if m[2] != "" {
			name = m[2]
		}
		if v, ok := sampleValues[name]; ok {
			return v
		}
		return "example"
	})
}

func TestResourcesMatchReference(t *testing.T) {
	ref := reference(t)
	pairs := map[string]bool{}
	statements(func(where string, s Statement) {
		for _, action := range s.Actions {
			formats, known := ref.ResourceFormats(action)
			if !known {
				continue // TestActionsExistInReference reports it.
			}
			for _, template := range s.Resources {
				if template == "*" {
					continue // TestWildcardResourceIsJustified checks it.
				}
				pairs[action+" "+template] = true
				if len(formats) == 0 {
					t.Errorf("%s: %s has no resource types in %s, so it is only granted on \"*\", not on %s",
						where, action, ref, template)
					continue
				}
				arn, matched := fill(template), false
				if parts := strings.SplitN(arn, ":", 4); len(parts) == 4 && BeyondReference[action+" "+parts[2]] != "" {
					continue
				}
				for _, f := range formats {
					matched = matched || iamref.MatchesFormat(arn, f)
				}
				if !strings.HasPrefix(arn, "arn:") {
					t.Errorf("%s: %s on %s: the template is no ARN once filled (%s); give the placeholder a sample ARN in sampleValues",
						where, action, template, arn)
				} else if !matched {
					sort.Strings(formats)
					t.Errorf("%s: %s on %s (sample %s) matches none of its resource types in %s:\n\t%s",
						where, action, template, arn, ref, strings.Join(formats, "\n\t"))
				}
			}
		}
	})
	t.Logf("checked %d distinct (action, resource template) pairs against %s", len(pairs), ref)
}

func TestWildcardResourceIsJustified(t *testing.T) {
	ref := reference(t)
	statements(func(where string, s Statement) {
		wildcard := false
		for _, r := range s.Resources {
			wildcard = wildcard || r == "*"
		}
		if !wildcard || s.Note != "" {
			return
		}
		for _, action := range s.Actions {
			if formats, _ := ref.ResourceFormats(action); len(formats) > 0 {
				t.Errorf("%s: grants %s on \"*\" without a note, but %s gives it resource types", where, action, ref)
			}
		}
	})
}

// TestConditionKeysInReference compares without case, as IAM does for
// condition key names. A placeholder in a key (aws:ResourceTag/${InstanceTagKey})
// is filled and matched against the reference's variable keys.
func TestConditionKeysInReference(t *testing.T) {
	ref := reference(t)
	statements(func(where string, s Statement) {
		for _, keys := range s.Condition {
			for key := range keys {
				service, _, _ := strings.Cut(key, ":")
				var known []string
				if service == "aws" {
					// Global keys, and the aws: keys the services list for their actions.
					known = append(known, ref.GlobalConditionKeys...)
					for _, action := range s.Actions {
						svc, _, _ := strings.Cut(action, ":")
						known = append(known, ref.Services[svc].ConditionKeys...)
					}
				} else if svc, ok := ref.Services[service]; ok {
					known = svc.ConditionKeys
				} else {
					t.Errorf("%s: service %q of condition key %s is not in %s; regenerate it (go generate)", where, service, key, ref)
					continue
				}
				found := false
				for _, k := range known {
					found = found || iamref.KeyMatches(fill(key), k)
				}
				if !found {
					t.Errorf("%s: condition key %s is not in %s", where, key, ref)
				}
			}
		}
	})
}
