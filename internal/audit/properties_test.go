package audit

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

const (
	randomPipelines   = 300
	subsetsPerProfile = 4
)

// TestAddingMissingPolicyCompletes audits random pipelines against random
// parts of their own policy: the parts given are never missing, the role's
// full policy is complete, and adding missing_policy_json always completes
// the role.
func TestAddingMissingPolicyCompletes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	cases, completed, skipped := 0, 0, 0
	for i := 0; i < randomPipelines; i++ {
		req := randomPipeline(rng)
		built := policy.Build(req)
		if policy.HasError(built.Problems) {
			skipped++ // a random configuration IAM could not hold: nothing to audit
			continue
		}
		full := Audit(Request{Pipeline: req, Documents: []string{built.Document.JSON()}})
		if !full.Complete || len(full.Missing) > 0 || full.MissingPolicy != nil || len(full.Problems) > len(built.Problems) {
			t.Fatalf("pipeline %d: the built policy itself is not complete: %+v", i, full.Missing)
		}
		cases++
		for j := 0; j < subsetsPerProfile; j++ {
			documents, given := randomParts(rng, built.Document)
			if checkCompletes(t, fmt.Sprintf("pipeline %d subset %d", i, j), req, built.Document, documents, given) {
				completed++
			}
			cases++
		}
	}
	t.Logf("%d audits of %d random pipelines (%d refused); %d incomplete roles completed by missing_policy_json",
		cases, randomPipelines-skipped, skipped, completed)
	if skipped > randomPipelines/10 {
		t.Errorf("%d of %d random pipelines were refused: the generator makes invalid configurations", skipped, randomPipelines)
	}
}

// checkCompletes audits the documents and, when they are incomplete, adds
// missing_policy_json and audits again; it reports whether it did.
func checkCompletes(t *testing.T, name string, req policy.Request, built policy.Document, documents []string, given []grant) bool {
	t.Helper()
	result := Audit(Request{Pipeline: req, Documents: documents})
	if policy.HasError(result.Problems) {
		t.Fatalf("%s: %+v", name, result.Problems)
	}
	if result.Complete != (result.MissingPolicy == nil) || result.Complete != (len(result.Missing) == 0) {
		t.Fatalf("%s: complete %v with %d missing", name, result.Complete, len(result.Missing))
	}
	if result.Complete {
		return false
	}
	missing := grantsOf(*result.MissingPolicy)
	for _, g := range given {
		if slices.Contains(missing, g) {
			t.Errorf("%s: %s on %s (%s) is reported missing although a document grants it", name, g.action, g.resource, g.sid)
		}
	}
	if len(result.Missing) != len(missing) {
		t.Fatalf("%s: missing lists %d grants, missing_policy_json %d", name, len(result.Missing), len(missing))
	}
	for _, m := range result.Missing {
		if !grants(*result.MissingPolicy, m) {
			t.Fatalf("%s: %+v is not in missing_policy_json", name, m)
		}
	}
	all := grantsOf(built)
	for _, g := range missing {
		if !slices.Contains(all, g) {
			t.Fatalf("%s: %s on %s (%s) is missing but the built policy does not grant it", name, g.action, g.resource, g.sid)
		}
	}
	again := Audit(Request{Pipeline: req, Documents: append(documents, result.MissingPolicy.JSON())})
	if !again.Complete {
		t.Fatalf("%s: adding missing_policy_json leaves %+v missing\nwas:\n%s", name, again.Missing, result.MissingPolicy.JSON())
	}
	return true
}

// grant is one (action, resource) of a statement, with the statement's
// Sid (without the number merging may add) and condition.
type grant struct{ sid, condition, action, resource string }

func grantOf(s policy.Statement, action, resource string) grant {
	condition, _ := json.Marshal(s.Condition)
	return grant{catalogSid(s.Sid), string(condition), action, resource}
}

func grantsOf(doc policy.Document) []grant {
	var out []grant
	for _, s := range doc.Statement {
		for _, a := range s.Action {
			for _, r := range s.Resource {
				out = append(out, grantOf(s, a, r))
			}
		}
	}
	return out
}

// grants reports whether a statement of doc with m's Sid grants m.
func grants(doc policy.Document, m Missing) bool {
	return slices.ContainsFunc(doc.Statement, func(s policy.Statement) bool {
		return s.Sid == m.Sid && slices.Contains(s.Action, m.Action) && slices.Contains(s.Resource, m.Resource)
	})
}

// randomParts keeps a random part of the built policy, statement by
// statement and within statements action by action, spread over one to
// three documents; it returns the documents and the grants they hold.
func randomParts(rng *rand.Rand, built policy.Document) ([]string, []grant) {
	docs := make([]policy.Document, 1+rng.IntN(3))
	var given []grant
	for _, s := range built.Statement {
		if rng.IntN(3) == 0 {
			continue // the whole statement is missing
		}
		kept := s
		kept.Action = nil
		for _, a := range s.Action {
			if rng.IntN(4) > 0 {
				kept.Action = append(kept.Action, a)
				for _, r := range s.Resource {
					given = append(given, grantOf(s, a, r))
				}
			}
		}
		if len(kept.Action) > 0 {
			d := &docs[rng.IntN(len(docs))]
			d.Statement = append(d.Statement, kept)
		}
	}
	var out []string
	for _, d := range docs {
		if len(d.Statement) > 0 {
			d.Version = policy.Version
			out = append(out, d.JSON())
		}
	}
	return out, given
}

// randomPipeline describes a pipeline of one to six random action types and
// up to two rules, each with a random valid configuration, in a region and
// account that may be left unset.
func randomPipeline(rng *rand.Rand) policy.Request {
	req := policy.Request{SplitForManagedPolicies: true, PipelineName: "random-pipeline"}
	if rng.IntN(3) > 0 {
		req.Region, req.AccountID = "eu-west-1", "111122223333"
	}
	if rng.IntN(4) > 0 {
		store := policy.ArtifactStore{Location: "random-artifacts"}
		if rng.IntN(2) == 0 {
			store.EncryptionKeyID = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
		}
		req.ArtifactStores = []policy.ArtifactStore{store}
	}
	if rng.IntN(3) == 0 {
		req.PassRoleARNs = []string{"arn:aws:iam::111122223333:role/task-role"}
	}
	types := catalog.All()
	for n := 1 + rng.IntN(6); n > 0; n-- {
		t := types[rng.IntN(len(types))]
		a := policy.PipelineAction{Name: fmt.Sprintf("Action%d", n), Category: t.Category, Owner: t.Owner,
			Provider: t.Provider, Configuration: randomConfiguration(rng, t)}
		if rng.IntN(8) == 0 {
			a.RoleARN = "arn:aws:iam::444455556666:role/action-role"
		}
		req.PipelineActions = append(req.PipelineActions, a)
	}
	rules := catalog.Rules()
	for n := rng.IntN(3); n > 0; n-- {
		t := rules[rng.IntN(len(rules))]
		req.PipelineRules = append(req.PipelineRules, policy.PipelineRule{Name: fmt.Sprintf("Rule%d", n),
			Provider: t.Provider, Configuration: randomConfiguration(rng, t)})
	}
	return req
}

// randomConfiguration sets every required key and some optional ones.
func randomConfiguration(rng *rand.Rand, t catalog.ActionType) map[string]string {
	config := map[string]string{}
	for _, k := range t.ConfigKeys {
		if k.Required || rng.IntN(2) == 0 {
			config[k.Name] = configValue(rng, k)
		}
	}
	return config
}

// configValue is a valid value of a configuration key, following the idea
// of the builder's own test helper: the naming rule's example, varied.
func configValue(rng *rand.Rand, k catalog.ConfigKey) string {
	i := rng.IntN(3)
	switch {
	case k.Kind == catalog.ARN && k.ARN.Services[0] == "iam":
		return "arn:aws:iam::111122223333:role/" + nameFor(k.Naming, i)
	case k.Kind == catalog.ARN:
		return fmt.Sprintf("arn:aws:%s:eu-west-1:111122223333:%s%s", k.ARN.Services[0], k.ARN.ResourceType, nameFor(k.Naming, i))
	case len(k.Values) > 0:
		return k.Values[rng.IntN(len(k.Values))]
	case k.Naming != nil:
		return nameFor(k.Naming, i)
	}
	return fmt.Sprintf("setting-%d", i)
}

func nameFor(rule *catalog.NamingRule, i int) string {
	re := regexp.MustCompile(rule.Pattern)
	for _, candidate := range []string{fmt.Sprintf("%s-%d", rule.Example, i), fmt.Sprintf("%s%d", rule.Example, i)} {
		if re.MatchString(candidate) && (rule.MaxLength == 0 || len(candidate) <= rule.MaxLength) {
			return candidate
		}
	}
	return rule.Example
}
