package policy

import (
	"fmt"
	"regexp"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// assemble renders a request's policies without checking or judging them, for
// tests that look at the documents of requests Build would refuse.
func assemble(req Request) Result {
	p, _ := prepare(req)
	return p.assemble()
}

// sampleConfigValue is a valid value of a configuration key, different for
// each i where the key's naming rule allows it.
func sampleConfigValue(k catalog.ConfigKey, i int) string {
	switch {
	case k.Kind == catalog.ARN:
		form := k.ARN
		name := sampleName(k.Naming, i)
		if form.Services[0] == "iam" {
			return "arn:aws:iam::111122223333:role/" + name
		}
		return fmt.Sprintf("arn:aws:%s:eu-west-1:111122223333:%s%s", form.Services[0], form.ResourceType, name)
	case k.Name == "ActionMode":
		return []string{"CREATE_UPDATE", "CHANGE_SET_REPLACE", "CHANGE_SET_EXECUTE"}[(i-1)%3]
	case k.Name == "BatchEnabled":
		return fmt.Sprint(i%2 == 0)
	case len(k.Values) > 0:
		return k.Values[(i-1)%len(k.Values)]
	case k.Naming != nil:
		return sampleName(k.Naming, i)
	}
	return fmt.Sprintf("example-%s-%d", k.Name, i)
}

// sampleName varies the rule's example by i, keeping it valid.
func sampleName(rule *catalog.NamingRule, i int) string {
	ex := rule.Example
	re := regexp.MustCompile(rule.Pattern)
	for _, candidate := range []string{fmt.Sprintf("%s-%d", ex, i), fmt.Sprintf("%s%d", ex, i), ex[:len(ex)-1] + fmt.Sprint(i%10)} {
		if re.MatchString(candidate) {
			return candidate
		}
	}
	return ex
}
