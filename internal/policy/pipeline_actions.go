package policy

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

var (
	owners              = []string{catalog.OwnerAWS, catalog.OwnerThirdParty, catalog.OwnerCustom}
	pipelineNamePattern = regexp.MustCompile(`^[A-Za-z0-9.@_-]{1,100}$`)
)

// CheckPipelineName accepts an empty value or a valid CodePipeline name.
func CheckPipelineName(path Path, name string) *Problem {
	if name == "" || pipelineNamePattern.MatchString(name) {
		return nil
	}
	p := errorAt(path, "Invalid pipeline name", fmt.Sprintf(
		"%q is not a CodePipeline name: use 1 to 100 letters, digits and . @ - _ (aws_codepipeline.this.name).", name))
	return &p
}

// CheckRoleARN accepts an empty value or the ARN of an IAM role in partition
// (any partition when partition is empty).
func CheckRoleARN(path Path, value, partition string) *Problem {
	if value == "" {
		return nil
	}
	fault := arnFault(value, []string{"iam"}, "role/", partition)
	if fault == "" {
		return nil
	}
	p := errorAt(path, "Invalid IAM role ARN", fmt.Sprintf(
		"%q %s. Give a role ARN, such as \"arn:%s:iam::111122223333:role/my-role\" (aws_iam_role.this.arn).",
		value, fault, cmp.Or(partition, DefaultPartition)))
	return &p
}

// arnFault says what keeps value from being an ARN of one of services whose
// resource starts with typePrefix, or "" when nothing does.
func arnFault(value string, services []string, typePrefix, partition string) string {
	parsed, err := arn.Parse(value)
	switch {
	case err != nil:
		return "is not an ARN"
	case !slices.Contains(services, parsed.Service):
		return fmt.Sprintf("is an ARN of the %q service, not of %s", parsed.Service, orList(services))
	case !strings.HasPrefix(parsed.Resource, typePrefix) || len(parsed.Resource) == len(typePrefix):
		return fmt.Sprintf("names %q, not a resource of the form %s<name>", parsed.Resource, typePrefix)
	case partition != "" && parsed.Partition != partition:
		return fmt.Sprintf("is in partition %q, but the policy is built for partition %q", parsed.Partition, partition)
	}
	return ""
}

// CheckPipelineAction validates one pipeline action: where it runs (region,
// role) and what it is (type, owner, configuration).
func CheckPipelineAction(path Path, pa PipelineAction, partition string) []Problem {
	var problems []Problem
	if pa.Region != "" || pa.RoleARN != "" {
		for _, p := range []*Problem{
			CheckRegion(path.Child(AttrRegion), pa.Region),
			CheckRoleARN(path.Child(AttrRoleARN), pa.RoleARN, partition),
		} {
			if p != nil {
				p.Detail = actionLabel(pa) + p.Detail
				problems = append(problems, *p)
			}
		}
	}
	return append(problems, CheckActionType(path, pa, partition)...)
}

// CheckActionType validates a pipeline action's category, provider and owner,
// and the configuration values that name resources.
func CheckActionType(path Path, pa PipelineAction, partition string) []Problem {
	var problems []Problem
	add := func(p Problem) {
		p.Detail = actionLabel(pa) + p.Detail
		problems = append(problems, p)
	}
	owner := cmp.Or(pa.Owner, catalog.OwnerAWS)
	if !slices.Contains(owners, owner) {
		add(errorAt(path.Child(AttrOwner), "Unknown action owner",
			fmt.Sprintf("%q is not an action owner. Valid owners are %s.", pa.Owner, quoteList(owners))))
		return problems
	}
	if owner == catalog.OwnerCustom {
		return problems // custom action types are the account's own; nothing to check or grant
	}
	at, p := resolvePipelineActionType(path, pa)
	if p != nil {
		add(*p)
		return problems
	}
	if owner != at.Owner {
		add(warningAt(path.Child(AttrOwner), "Unexpected action owner", fmt.Sprintf(
			"CodePipeline documents owner %q for %s, not %q.", at.Owner, at.Key(), owner)))
	}
	for _, name := range sortedMapKeys(pa.Configuration) {
		for _, p := range checkConfigValue(path.Child(AttrConfiguration).Child(MapKey(name)), at, name, pa.Configuration[name], partition) {
			add(p)
		}
	}
	return problems
}

func resolvePipelineActionType(path Path, pa PipelineAction) (catalog.ActionType, *Problem) {
	types, p := ResolveActionProvider(path.Child(AttrProvider), pa.Category+"/"+pa.Provider)
	if p == nil {
		return types[0], nil
	}
	if _, known := catalog.CanonicalCategory(pa.Category); !known || pa.Category == "" {
		p.Path = path.Child(AttrCategory)
		p.Detail = fmt.Sprintf("%q is not an action category. Valid categories are %s.", pa.Category, quoteList(catalog.Categories))
	}
	return catalog.ActionType{}, p
}

// checkConfigValue warns about keys the action type does not document and
// rejects values that cannot name the resource the key names.
func checkConfigValue(path Path, at catalog.ActionType, name, value, partition string) []Problem {
	key, documented := at.ConfigKey(name)
	if !documented {
		if at.ConfigKeys == nil {
			return nil
		}
		var valid []string
		for _, k := range at.ConfigKeys {
			valid = append(valid, k.Name)
		}
		return []Problem{warningAt(path, "Unknown configuration key", fmt.Sprintf(
			"%s documents no configuration key %q; it grants nothing. Valid keys are %s.", at.Key(), name, quoteList(valid)))}
	}
	if key.Kind != catalog.ARN || value == "" || isRuntimeVariable(value) {
		return nil
	}
	fault := arnFault(value, key.Services, key.ResourceType, partition)
	if fault == "" {
		return nil
	}
	return []Problem{errorAt(path, "Invalid ARN in configuration", fmt.Sprintf(
		"%s %q %s. It must be the ARN of a %s resource (%s%s<name>).",
		name, value, fault, orList(key.Services), "arn:<partition>:<service>:<region>:<account>:", key.ResourceType))}
}

func actionLabel(pa PipelineAction) string {
	if pa.Name == "" {
		return ""
	}
	return fmt.Sprintf("In action %q: ", pa.Name)
}

// companionAdvice tells the user about grants other roles need for the
// configurations in the request.
func companionAdvice(req Request) []Problem {
	var problems []Problem
	for i, pa := range req.PipelineActions {
		at, ok := catalog.Lookup(pa.Category, pa.Provider)
		if !ok {
			continue
		}
		for _, c := range at.Companions {
			if c.Only != nil && pa.Configuration[c.Only.Key] != "" && applies(c.Only, pa.Configuration) {
				path := Path{AttrPipelineActions, i, AttrConfiguration, MapKey(c.Only.Key)}
				problems = append(problems, warningAt(path, "Another role needs permissions too", actionLabel(pa)+c.Detail))
			}
		}
	}
	return problems
}
