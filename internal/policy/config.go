package policy

import (
	"cmp"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// isRuntimeVariable reports a value CodePipeline resolves while the pipeline
// runs, such as "#{SourceVariables.CommitId}": it is unknown at plan time.
func isRuntimeVariable(value string) bool { return strings.Contains(value, "#{") }

// configValues turns an action's configuration into placeholder values. Keys
// the action type does not document and runtime variables add nothing.
func configValues(at catalog.ActionType, config map[string]string) values {
	v := values{}
	for name, value := range config {
		key, documented := at.ConfigKey(name)
		if !documented || value == "" || isRuntimeVariable(value) {
			continue
		}
		switch key.Kind {
		case catalog.NameList:
			for _, item := range strings.Split(value, ",") {
				if item = strings.TrimSpace(item); item != "" {
					v.set(name, item)
				}
			}
		case catalog.ARN:
			if parsed, err := arn.Parse(value); err == nil {
				v.setARN(name, parsed, key.ResourceType)
			}
		case catalog.FunctionName:
			setFunction(v, name, value)
		default:
			v.set(name, value)
		}
	}
	return v
}

// setFunction records a Lambda function given as a name, a name with a
// qualifier, or a function ARN; Name is always the bare function name.
func setFunction(v values, source, value string) {
	if parsed, err := arn.Parse(value); err == nil {
		v.setARN(source, parsed, "function:")
	} else {
		v.set(source, value)
	}
	last := &v[source][len(v[source])-1]
	last.Name, _, _ = strings.Cut(cmp.Or(last.Name, last.Value), ":") // drop the qualifier
}

// applies reports whether a statement limited by o is needed for config. An
// unknown configuration (nil), a required setting left out, or a runtime
// variable all grant: the safe answer when the value cannot be known.
func applies(o *catalog.Option, config map[string]string) bool {
	if o == nil {
		return true
	}
	if config == nil {
		return !o.Explicit
	}
	value, set := config[o.Key]
	switch {
	case set && isRuntimeVariable(value):
		return true
	case len(o.Values) == 0:
		return set && value != ""
	case !set && o.Default == "":
		return true
	case !set:
		value = o.Default
	}
	return slices.ContainsFunc(o.Values, func(v string) bool { return strings.EqualFold(v, value) })
}
