package policy

import (
	"cmp"
	"fmt"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// Configuration values are checked here, one function per kind of key, and
// turned into the records templates are filled with. A value either names
// exactly the resource the key names, or it is refused with what to give.

// MaxConfigurationValue is the longest configuration value CodePipeline
// accepts (ActionDeclaration and RuleDeclaration configuration values).
const MaxConfigurationValue = 1000

// isRuntimeVariable reports a value CodePipeline resolves while the pipeline
// runs, such as "#{SourceVariables.CommitId}": it is unknown at plan time.
func isRuntimeVariable(value string) bool { return strings.Contains(value, "#{") }

// valueFault is what is wrong with one configuration value, for an error on its key.
type valueFault struct {
	code            Code
	summary, detail string
}

// parseConfigValue checks a value by its key's kind and returns its records.
func parseConfigValue(key catalog.ConfigKey, value, partition string) ([]record, *valueFault) {
	switch key.Kind {
	case catalog.Setting:
		return nil, settingFault(key, value)
	case catalog.NameList:
		var out []record
		for _, item := range strings.Split(value, ",") {
			r, fault := parseName(key, strings.TrimSpace(item), partition)
			if fault != nil {
				return nil, fault
			}
			out = append(out, r)
		}
		return out, nil
	case catalog.ARN:
		r, fault := parseARN(key, value, partition)
		return []record{r}, fault
	case catalog.FunctionName:
		r, fault := parseFunction(key, value, partition)
		return []record{r}, fault
	}
	r, fault := parseName(key, value, partition)
	return []record{r}, fault
}

func settingFault(key catalog.ConfigKey, value string) *valueFault {
	if len(key.Values) == 0 {
		return nil
	}
	for _, v := range key.Values {
		if strings.EqualFold(v, value) {
			return nil
		}
	}
	return &valueFault{CodeInvalidSetting, "Invalid " + key.Name + " value", fmt.Sprintf(
		"%s %q is not one of the values CodePipeline documents: %s.", key.Name, value, quoteList(key.Values))}
}

// parseName accepts a name by its rule, or the resource's ARN where the key
// takes one; any other ARN is refused, since it would render an ARN inside an ARN.
func parseName(key catalog.ConfigKey, value, partition string) (record, *valueFault) {
	if strings.HasPrefix(value, "arn:") {
		if key.ARN != nil {
			return parseARN(key, value, partition)
		}
		return record{}, &valueFault{CodeInvalidName, "Invalid " + key.Naming.Resource, fmt.Sprintf(
			"%s %q is an ARN, but CodePipeline takes the %s here, such as %q: it must be %s.",
			key.Name, value, key.Naming.Resource, key.Naming.Example, key.Naming.Rule)}
	}
	if !nameValid(key.Naming, value) {
		return record{}, &valueFault{CodeInvalidName, "Invalid " + key.Naming.Resource, fmt.Sprintf(
			"%s %q is not a valid %s: it must be %s (%s).", key.Name, value, key.Naming.Resource, key.Naming.Rule, key.Naming.Source)}
	}
	return record{Value: value, Name: value, known: true}, nil
}

// parseARN accepts an ARN of the key's service and resource type whose
// resource name follows the naming rule.
func parseARN(key catalog.ConfigKey, value, partition string) (record, *valueFault) {
	form := key.ARN
	what := orList(form.Services) + " " + strings.TrimRight(form.ResourceType, "/:")
	if fault := arnFault(value, form.Services, form.ResourceType, partition); fault != "" {
		return record{}, &valueFault{CodeInvalidARN, "Invalid ARN in configuration", fmt.Sprintf(
			"%s %q %s. It must be the ARN of a %s resource (arn:<partition>:<service>:<region>:<account>:%s<name>).",
			key.Name, value, fault, strings.TrimSpace(what), form.ResourceType)}
	}
	parsed, _ := arn.Parse(value)
	name := strings.TrimPrefix(parsed.Resource, form.ResourceType)
	qualifier := ""
	if key.Qualifier != nil {
		name, qualifier, _ = strings.Cut(name, ":")
	}
	if fault := arnPlaceFault(parsed); fault != "" {
		return record{}, &valueFault{CodeInvalidARN, "Invalid ARN in configuration", fmt.Sprintf("%s %q %s.", key.Name, value, fault)}
	}
	if !nameValid(key.Naming, name) {
		return record{}, &valueFault{CodeInvalidARN, "Invalid ARN in configuration", fmt.Sprintf(
			"%s %q ends in %q, which is not a valid %s: it must be %s (%s).",
			key.Name, value, name, key.Naming.Resource, key.Naming.Rule, key.Naming.Source)}
	}
	if fault := qualifierFault(key, qualifier); fault != "" {
		return record{}, &valueFault{CodeInvalidARN, "Invalid ARN in configuration", fmt.Sprintf("%s %q %s.", key.Name, value, fault)}
	}
	return record{Value: value, Partition: parsed.Partition, Region: parsed.Region, Account: parsed.AccountID,
		Name: name, Qualifier: qualifier, known: true}, nil
}

// qualifierFault says what is wrong with the version or alias after a name.
func qualifierFault(key catalog.ConfigKey, qualifier string) string {
	if qualifier == "" || nameValid(key.Qualifier, qualifier) {
		return ""
	}
	return fmt.Sprintf("has the qualifier %q, which is not a valid %s: it must be %s (%s)",
		qualifier, key.Qualifier.Resource, key.Qualifier.Rule, key.Qualifier.Source)
}

// arnPlaceFault checks an ARN's region and account fields: empty (global
// services) or well formed, never something that breaks the rendered ARN.
func arnPlaceFault(parsed arn.ARN) string {
	switch {
	case parsed.Region != "" && !regionPattern().MatchString(parsed.Region):
		return fmt.Sprintf("has %q as its region, which is not a region code", parsed.Region)
	case parsed.AccountID != "" && !accountPattern().MatchString(parsed.AccountID):
		return fmt.Sprintf("has %q as its account, which is not a 12-digit account ID", parsed.AccountID)
	}
	if owner := regionPartitionFault(parsed.Region, parsed.Partition); owner != "" {
		return fmt.Sprintf("has the region %q, which belongs to the %q partition, not to %q", parsed.Region, owner, parsed.Partition)
	}
	return ""
}

// parseFunction accepts a Lambda function as a name, a name with a version or
// alias, a partial ARN (account:function:name) or a full function ARN.
func parseFunction(key catalog.ConfigKey, value, partition string) (record, *valueFault) {
	r, rest := record{Value: value, known: true}, value
	invalid := func(detail string) (record, *valueFault) {
		return record{}, &valueFault{CodeInvalidFunction, "Invalid Lambda function name", fmt.Sprintf("%s %q %s", key.Name, value, detail)}
	}
	if strings.HasPrefix(value, "arn:") {
		if fault := arnFault(value, key.ARN.Services, key.ARN.ResourceType, partition); fault != "" {
			return invalid(fault + ". Give the function's name, or its ARN (arn:<partition>:lambda:<region>:<account>:function:<name>).")
		}
		parsed, _ := arn.Parse(value)
		if fault := arnPlaceFault(parsed); fault != "" || parsed.Region == "" || parsed.AccountID == "" {
			return invalid(cmp.Or(fault, "is incomplete") + ": a function ARN names its region and 12-digit account.")
		}
		r.Partition, r.Region, r.Account = parsed.Partition, parsed.Region, parsed.AccountID
		rest = strings.TrimPrefix(parsed.Resource, key.ARN.ResourceType)
	} else if account, after, partial := strings.Cut(value, ":function:"); partial {
		if !accountPattern().MatchString(account) {
			return invalid("is not a function name or ARN: a partial ARN starts with a 12-digit account ID (111122223333:function:name).")
		}
		r.Account, rest = account, after
	}
	name, qualifier, _ := strings.Cut(rest, ":")
	return functionRecord(key, r, name, qualifier)
}

func functionRecord(key catalog.ConfigKey, r record, name, qualifier string) (record, *valueFault) {
	invalid := func(detail string) (record, *valueFault) {
		return record{}, &valueFault{CodeInvalidFunction, "Invalid Lambda function name", detail}
	}
	switch {
	case !nameValid(key.Naming, name):
		return invalid(fmt.Sprintf("%s %q names the function %q, which is not a valid %s: it must be %s (%s).",
			key.Name, r.Value, name, key.Naming.Resource, key.Naming.Rule, key.Naming.Source))
	case qualifier != "" && key.Qualifier == nil:
		return invalid(fmt.Sprintf("%s %q has the qualifier %q, but this action names the function alone: give %q "+
			"and set the version or alias in its own configuration key.", key.Name, r.Value, qualifier, name))
	}
	if fault := qualifierFault(key, qualifier); fault != "" {
		return invalid(fmt.Sprintf("%s %q %s.", key.Name, r.Value, fault))
	}
	r.Name, r.Qualifier = name, qualifier
	return r, nil
}

// compiledRules caches the catalog's naming patterns by rule; they are
// compiled when first used, not at provider start-up.
var compiledRules sync.Map

// nameValid reports whether name follows rule (nil: any name).
func nameValid(rule *catalog.NamingRule, name string) bool {
	if rule == nil {
		return true
	}
	compiled, ok := compiledRules.Load(rule) // by pointer: the catalog's rules are shared
	if !ok {
		compiled, _ = compiledRules.LoadOrStore(rule, newPattern(rule.Pattern))
	}
	p, _ := compiled.(*pattern)
	return (rule.MaxLength == 0 || len(name) <= rule.MaxLength) && p.MatchString(name)
}
