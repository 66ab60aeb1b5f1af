package provider

import (
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// reader converts the pipeline inputs from their raw Terraform value into a
// builder request. It walks the value once, without the framework's
// reflection, and records where values are not known yet.
//
// The data source's configuration has the schema's exact types. The function's
// options are any value the user wrote (lenient): reader then converts as
// Terraform converts an argument to an attribute (numbers and bools to
// strings, tuples and sets to lists, objects to maps) and reports the first
// value it cannot convert, or an attribute the schema does not have.
type reader struct {
	lenient bool
	unknown []policy.Path
	err     *readError
}

// readError is a value the function cannot convert: where it is, and what is wrong.
type readError struct {
	path policy.Path
	text string
}

// request converts the attributes of a data source's configuration, or
// of the function's options, into a request.
func (r *reader) request(attrs map[string]tftypes.Value) policy.Request {
	at := func(name string) (tftypes.Value, policy.Path) { return attrs[name], policy.Path{name} }
	req := policy.Request{}
	req.ActionProviders = r.strings(at(policy.AttrActionProviders))
	req.Partition = r.string(at(policy.AttrPartition))
	req.Region = r.string(at(policy.AttrRegion))
	req.AccountID = r.string(at(policy.AttrAccountID))
	req.PipelineName = r.string(at(policy.AttrPipelineName))
	req.PassRoleARNs = r.strings(at(policy.AttrPassRoleARNs))
	req.SplitForManagedPolicies = r.bool(at(policy.AttrSplit))
	req.ServiceRoleARN = r.string(at(policy.AttrServiceRoleARN))
	req.TrustSourceConditions = r.bool(at(policy.AttrTrustConditions))
	for i, v := range r.list(at(policy.AttrPipelineActions)) {
		req.PipelineActions = append(req.PipelineActions, r.action(v, policy.Path{policy.AttrPipelineActions, i}))
	}
	for i, v := range r.list(at(policy.AttrPipelineRules)) {
		req.PipelineRules = append(req.PipelineRules, r.rule(v, policy.Path{policy.AttrPipelineRules, i}))
	}
	for i, v := range r.list(at(policy.AttrArtifactStores)) {
		path := policy.Path{policy.AttrArtifactStores, i}
		a := r.object(v, path, policy.AttrLocation)
		req.ArtifactStores = append(req.ArtifactStores, policy.ArtifactStore{
			Location:        r.string(a[policy.AttrLocation], path.Child(policy.AttrLocation)),
			EncryptionKeyID: r.string(a[policy.AttrEncryptionKeyID], path.Child(policy.AttrEncryptionKeyID)),
			Region:          r.string(a[policy.AttrRegion], path.Child(policy.AttrRegion)),
		})
	}
	req.Unknown = r.unknown
	return req
}

func (r *reader) action(v tftypes.Value, path policy.Path) policy.PipelineAction {
	a := r.object(v, path, policy.AttrCategory, policy.AttrProvider)
	field := func(name string) (tftypes.Value, policy.Path) { return a[name], path.Child(name) }
	action := policy.PipelineAction{
		Name:          r.string(field(policy.AttrName)),
		Category:      r.string(field(policy.AttrCategory)),
		Owner:         r.string(field(policy.AttrOwner)),
		Provider:      r.string(field(policy.AttrProvider)),
		Configuration: r.stringMap(field(policy.AttrConfiguration)),
		Region:        r.string(field(policy.AttrRegion)),
		RoleARN:       r.string(field(policy.AttrRoleARN)),
	}
	for i, e := range r.list(field(policy.AttrEnvironmentVariables)) {
		at := path.Child(policy.AttrEnvironmentVariables).Child(i)
		ev := r.object(e, at, policy.AttrName, policy.AttrValue)
		action.EnvironmentVariables = append(action.EnvironmentVariables, policy.EnvironmentVariable{
			Name:  r.string(ev[policy.AttrName], at.Child(policy.AttrName)),
			Value: r.string(ev[policy.AttrValue], at.Child(policy.AttrValue)),
			Type:  r.string(ev[policy.AttrType], at.Child(policy.AttrType)),
		})
	}
	return action
}

func (r *reader) rule(v tftypes.Value, path policy.Path) policy.PipelineRule {
	a := r.object(v, path, policy.AttrProvider)
	field := func(name string) (tftypes.Value, policy.Path) { return a[name], path.Child(name) }
	return policy.PipelineRule{
		Name:          r.string(field(policy.AttrName)),
		Provider:      r.string(field(policy.AttrProvider)),
		Owner:         r.string(field(policy.AttrOwner)),
		Version:       r.string(field(policy.AttrVersion)),
		Configuration: r.stringMap(field(policy.AttrConfiguration)),
		Commands:      r.strings(field(policy.AttrCommands)),
		Region:        r.string(field(policy.AttrRegion)),
		RoleARN:       r.string(field(policy.AttrRoleARN)),
	}
}

// usable reports whether v holds a value to convert: null gives the zero
// value, unknown is recorded and gives the zero value.
func (r *reader) usable(v tftypes.Value, path policy.Path) bool {
	switch {
	case v.Type() == nil || v.IsNull():
		return false
	case !v.IsKnown():
		r.unknown = append(r.unknown, path)
		return false
	}
	return r.err == nil
}

func (r *reader) fail(path policy.Path, format string, args ...any) {
	if r.err == nil {
		r.err = &readError{path, fmt.Sprintf(format, args...)}
	}
}

func (r *reader) string(v tftypes.Value, path policy.Path) string {
	if !r.usable(v, path) {
		return ""
	}
	var s string
	switch {
	case v.Type().Is(tftypes.String):
		_ = v.As(&s)
	case r.lenient && v.Type().Is(tftypes.Number):
		var n big.Float
		_ = v.As(&n)
		s = n.Text('f', -1)
	case r.lenient && v.Type().Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		s = strconv.FormatBool(b)
	default:
		r.fail(path, "must be a string, not %s", kindOf(v))
	}
	return s
}

func (r *reader) bool(v tftypes.Value, path policy.Path) bool {
	if !r.usable(v, path) {
		return false
	}
	var b bool
	var s string
	switch {
	case v.Type().Is(tftypes.Bool):
		_ = v.As(&b)
	case r.lenient && v.Type().Is(tftypes.String) && v.As(&s) == nil && (s == "true" || s == "false"):
		b = s == "true"
	default:
		r.fail(path, "must be true or false, not %s", kindOf(v))
	}
	return b
}

// list returns the elements of a list (or, lenient, a tuple or set).
func (r *reader) list(v tftypes.Value, path policy.Path) []tftypes.Value {
	if !r.usable(v, path) {
		return nil
	}
	var elems []tftypes.Value
	_, isList := v.Type().(tftypes.List)
	_, isTuple := v.Type().(tftypes.Tuple)
	_, isSet := v.Type().(tftypes.Set)
	if isList || r.lenient && (isTuple || isSet) {
		_ = v.As(&elems)
	} else {
		r.fail(path, "must be a list, not %s", kindOf(v))
	}
	return elems
}

func (r *reader) strings(v tftypes.Value, path policy.Path) []string {
	elems := r.list(v, path)
	if elems == nil {
		return nil
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		if r.lenient && e.IsNull() {
			r.fail(path.Child(i), "is null")
		}
		out[i] = r.string(e, path.Child(i))
	}
	return out
}

// fields returns the attributes of a map (or, lenient, an object).
func (r *reader) fields(v tftypes.Value, path policy.Path, kind string) map[string]tftypes.Value {
	if !r.usable(v, path) {
		return nil
	}
	var m map[string]tftypes.Value
	_, isObject := v.Type().(tftypes.Object)
	_, isMap := v.Type().(tftypes.Map)
	if isMap || isObject && (r.lenient || kind == "an object") {
		_ = v.As(&m)
	} else {
		r.fail(path, "must be %s, not %s", kind, kindOf(v))
	}
	return m
}

func (r *reader) stringMap(v tftypes.Value, path policy.Path) map[string]string {
	m := r.fields(v, path, "a map")
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for key, e := range m {
		at := path.Child(policy.MapKey(key))
		if r.lenient && e.IsNull() {
			r.fail(at, "is null")
		}
		out[key] = r.string(e, at)
	}
	return out
}

// object returns a nested object's attributes. For the function it also
// checks the names against the schema and that required ones are set, as
// Terraform would for the data source.
func (r *reader) object(v tftypes.Value, path policy.Path, required ...string) map[string]tftypes.Value {
	attrs := r.fields(v, path, "an object")
	if !r.lenient || attrs == nil {
		return attrs
	}
	list, _ := path[len(path)-2].(string) // the list attribute the object is an element of
	r.checkNames(attrs, path, nestedNames()[list])
	for _, name := range required {
		if value, ok := attrs[name]; !ok || value.IsNull() {
			r.fail(path.Child(name), "is required")
		}
	}
	return attrs
}

// checkNames rejects an attribute the schema does not have: a misspelt option
// would otherwise be silently ignored.
func (r *reader) checkNames(attrs map[string]tftypes.Value, path policy.Path, valid []string) {
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		if slices.Contains(valid, name) {
			continue
		}
		hint := ""
		if name == policy.AttrActionProviders && len(path) == 0 {
			hint = " (action providers are the function's first argument)"
		}
		r.fail(path, "has no attribute %q%s. Valid attributes are %s", name, hint, quoteAll(valid))
	}
}

// nestedNames lists, per list attribute of objects (pipeline_actions,
// environment_variables, ...), the attributes its objects have. Built on
// first use from the schema.
var nestedNames = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	var walk func(attrs map[string]schema.Attribute)
	walk = func(attrs map[string]schema.Attribute) {
		for name, a := range attrs {
			if nested, ok := a.(schema.ListNestedAttribute); ok {
				out[name] = slices.Sorted(maps.Keys(nested.NestedObject.Attributes))
				walk(nested.NestedObject.Attributes)
			}
		}
	}
	walk(pipelineInputs())
	return out
})

func kindOf(v tftypes.Value) string {
	switch v.Type().(type) {
	case tftypes.List, tftypes.Tuple, tftypes.Set:
		return "a list"
	case tftypes.Object, tftypes.Map:
		return "an object"
	}
	switch {
	case v.Type().Is(tftypes.String):
		return "a string"
	case v.Type().Is(tftypes.Number):
		return "a number"
	case v.Type().Is(tftypes.Bool):
		return "a bool"
	}
	return v.Type().String()
}

func quoteAll(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += strconv.Quote(n)
	}
	return out
}
