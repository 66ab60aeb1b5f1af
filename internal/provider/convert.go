package provider

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"

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

// read converts a configuration's (or the function options') attributes
// into a T, attribute by attribute as the inputs declare them.
func read[T any](r *reader, attrs map[string]tftypes.Value, inputs []input[T]) T {
	var into T
	for _, in := range inputs {
		in.read(r, attrs[in.name], policy.Path{in.field}, &into)
	}
	return into
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

// generic converts a fully known value into the JSON-like value the policy
// package reads descriptions from: objects and maps to map[string]any,
// lists, tuples and sets to []any, numbers to json.Number.
func generic(v tftypes.Value) any {
	if v.IsNull() {
		return nil
	}
	switch t := v.Type(); {
	case t.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case t.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case t.Is(tftypes.Number):
		var n big.Float
		_ = v.As(&n)
		return json.Number(n.Text('f', -1))
	}
	var fields map[string]tftypes.Value
	if v.As(&fields) == nil {
		out := make(map[string]any, len(fields))
		for k, f := range fields {
			out[k] = generic(f)
		}
		return out
	}
	var elems []tftypes.Value
	_ = v.As(&elems)
	out := make([]any, len(elems))
	for i, e := range elems {
		out[i] = generic(e)
	}
	return out
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
// checks the names against the inputs and that required ones are set, as
// Terraform would for the data source.
func (r *reader) object(v tftypes.Value, path policy.Path, inputs []input[any]) map[string]tftypes.Value {
	attrs := r.fields(v, path, "an object")
	if !r.lenient || attrs == nil {
		return attrs
	}
	r.checkNames(attrs, path, inputs)
	for _, in := range inputs {
		if value, ok := attrs[in.name]; in.schema.IsRequired() && (!ok || value.IsNull()) {
			r.fail(path.Child(in.field), "is required")
		}
	}
	return attrs
}

// checkNames rejects an attribute the inputs do not have: a misspelt option
// would otherwise be silently ignored.
func (r *reader) checkNames(attrs map[string]tftypes.Value, path policy.Path, inputs []input[any]) {
	valid := names(inputs)
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		if !slices.Contains(valid, name) {
			r.fail(path, "has no attribute %q. Valid attributes are %s", name, quoteAll(valid))
		}
	}
}

// names are the inputs' names, sorted.
func names(inputs []input[any]) []string {
	var out []string
	for _, in := range inputs {
		out = append(out, in.name)
	}
	slices.Sort(out)
	return out
}

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
