package provider

import (
	"context"
	"math/big"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// Every attribute is declared once, as an input (read from the configuration
// into a request) or an output (written from a result into the state): its
// name, the policy field it is, its schema with the description users read,
// and how its value moves. The schema, the state's type, the state's value,
// the names in messages and the function's options all derive from these
// declarations.

// once computes a value on first use. Unlike sync.OnceValue it is a
// zero-initialized variable, so what it computes may refer back to it (the
// specs refer to the field names, which are gathered from the specs) without
// an initialization cycle.
type once[T any] struct {
	sync.Once
	value T
}

func (o *once[T]) get(compute func() T) T {
	o.Do(func() { o.value = compute() })
	return o.value
}

// input is an attribute read from the configuration into a T.
type input[T any] struct {
	name   string
	field  policy.Field
	schema schema.Attribute
	read   func(r *reader, v tftypes.Value, at policy.Path, into *T)
	// nested are the attributes of a list of objects' elements.
	nested []input[any]
	// computed gives the value an optional input takes in the state when
	// the configuration leaves it out (Optional and Computed attributes).
	computed func(from *T) tftypes.Value
}

// output is a computed attribute written from an R.
type output[R any] struct {
	name   string
	field  policy.Field // "" when no message mentions it
	schema schema.Attribute
	write  func(from *R) tftypes.Value
}

func optionalString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true}
}

func requiredString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Required: true}
}

// stringIn declares a string input.
func stringIn[T any](name string, field policy.Field, s schema.StringAttribute, set func(*T, string)) input[T] {
	return input[T]{name: name, field: field, schema: s, read: func(r *reader, v tftypes.Value, at policy.Path, into *T) {
		set(into, r.string(v, at))
	}}
}

// boolIn declares an optional bool input.
func boolIn[T any](name string, field policy.Field, description string, set func(*T, bool)) input[T] {
	return input[T]{name: name, field: field, schema: schema.BoolAttribute{MarkdownDescription: description, Optional: true},
		read: func(r *reader, v tftypes.Value, at policy.Path, into *T) { set(into, r.bool(v, at)) }}
}

// stringListIn declares a list of strings.
func stringListIn[T any](name string, field policy.Field, description string, required bool, set func(*T, []string)) input[T] {
	return input[T]{name: name, field: field,
		schema: schema.ListAttribute{MarkdownDescription: description, ElementType: types.StringType, Optional: !required, Required: required},
		read:   func(r *reader, v tftypes.Value, at policy.Path, into *T) { set(into, r.strings(v, at)) }}
}

// dynamicIn declares an optional input of any type, read as a generic JSON
// value: for values shaped like another resource's blocks.
func dynamicIn[T any](name string, field policy.Field, description string, set func(*T, any)) input[T] {
	return input[T]{name: name, field: field, schema: schema.DynamicAttribute{MarkdownDescription: description, Optional: true},
		read: func(r *reader, v tftypes.Value, at policy.Path, into *T) {
			if r.usable(v, at) && !v.IsFullyKnown() {
				r.unknown = append(r.unknown, at)
				return
			}
			if r.usable(v, at) {
				set(into, generic(v))
			}
		}}
}

// stringMapIn declares an optional map of strings.
func stringMapIn[T any](name string, field policy.Field, description string, set func(*T, map[string]string)) input[T] {
	return input[T]{name: name, field: field,
		schema: schema.MapAttribute{MarkdownDescription: description, ElementType: types.StringType, Optional: true},
		read:   func(r *reader, v tftypes.Value, at policy.Path, into *T) { set(into, r.stringMap(v, at)) }}
}

// objectListIn declares an optional list of objects whose attributes are
// elems; each element is read into a new E and the list handed to set.
func objectListIn[T, E any](name string, field policy.Field, description string, elems []input[E], set func(*T, []E)) input[T] {
	attrs := map[string]schema.Attribute{}
	nested := make([]input[any], len(elems))
	for i, e := range elems {
		attrs[e.name] = e.schema
		nested[i] = erase(e)
	}
	return input[T]{name: name, field: field, nested: nested,
		schema: schema.ListNestedAttribute{MarkdownDescription: description, Optional: true,
			NestedObject: schema.NestedAttributeObject{Attributes: attrs}},
		read: func(r *reader, v tftypes.Value, at policy.Path, into *T) {
			var list []E
			for i, element := range r.list(v, at) {
				var e E
				path := at.Child(i)
				fields := r.object(element, path, nested)
				for _, in := range elems {
					in.read(r, fields[in.name], path.Child(in.field), &e)
				}
				list = append(list, e)
			}
			set(into, list)
		}}
}

// erase forgets what an input reads into, for code that only looks at its
// name, field, schema and nested inputs.
func erase[E any](in input[E]) input[any] {
	return input[any]{name: in.name, field: in.field, schema: in.schema, nested: in.nested}
}

// lift makes inputs read into a part of a larger request.
func lift[T, U any](inputs []input[T], part func(*U) *T) []input[U] {
	out := make([]input[U], len(inputs))
	for i, in := range inputs {
		out[i] = input[U]{name: in.name, field: in.field, schema: in.schema, nested: in.nested,
			read: func(r *reader, v tftypes.Value, at policy.Path, into *U) { in.read(r, v, at, part(into)) }}
		if in.computed != nil {
			out[i].computed = func(from *U) tftypes.Value { return in.computed(part(from)) }
		}
	}
	return out
}

// column is one attribute of the objects of a computed list.
type column[E any] struct {
	name   string
	schema schema.Attribute
	value  func(e E) tftypes.Value
}

// objectListOut declares a computed list of objects, one per element that
// list returns, with the columns as attributes.
func objectListOut[R, E any](name string, field policy.Field, description string, list func(*R) []E, columns ...column[E]) output[R] {
	attrs := map[string]schema.Attribute{}
	for _, c := range columns {
		attrs[c.name] = c.schema
	}
	s := schema.ListNestedAttribute{MarkdownDescription: description, Computed: true,
		NestedObject: schema.NestedAttributeObject{Attributes: attrs}}
	listType, ok := terraformType(s).(tftypes.List)
	if !ok {
		panic("provider: a list attribute's type is not a list")
	}
	return output[R]{name: name, field: field, schema: s, write: func(from *R) tftypes.Value {
		elems := list(from)
		values := make([]tftypes.Value, len(elems))
		for i, e := range elems {
			object := make(map[string]tftypes.Value, len(columns))
			for _, c := range columns {
				object[c.name] = c.value(e)
			}
			values[i] = tftypes.NewValue(listType.ElementType, object)
		}
		return tftypes.NewValue(listType, values)
	}}
}

func terraformType(a schema.Attribute) tftypes.Type {
	return a.GetType().TerraformType(context.Background())
}

func computedString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Computed: true}
}

func computedStringList(description string) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: description, ElementType: types.StringType, Computed: true}
}

func computedStringMap(description string) schema.MapAttribute {
	return schema.MapAttribute{MarkdownDescription: description, ElementType: types.StringType, Computed: true}
}

// Raw values for the state, built directly so a read costs no reflection.

var (
	stringList = tftypes.List{ElementType: tftypes.String}
	stringMap  = tftypes.Map{ElementType: tftypes.String}
)

func stringValue(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func nullString() tftypes.Value { return tftypes.NewValue(tftypes.String, nil) }

// stringOrNull is a string, or null when empty.
func stringOrNull(s string) tftypes.Value {
	if s == "" {
		return nullString()
	}
	return stringValue(s)
}

func numberValue(n int) tftypes.Value {
	return tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(int64(n)))
}

func boolValue(b bool) tftypes.Value { return tftypes.NewValue(tftypes.Bool, b) }

// stringListValue is a list of strings, empty for nil.
func stringListValue(items []string) tftypes.Value {
	elems := make([]tftypes.Value, len(items))
	for i, s := range items {
		elems[i] = stringValue(s)
	}
	return tftypes.NewValue(stringList, elems)
}

// listOrNull is a list of strings, or null for nil: for lists whose absence
// means something other than emptiness.
func listOrNull(items []string) tftypes.Value {
	if items == nil {
		return tftypes.NewValue(stringList, nil)
	}
	return stringListValue(items)
}

func stringMapValue(m map[string]string) tftypes.Value {
	elems := make(map[string]tftypes.Value, len(m))
	for k, s := range m {
		elems[k] = stringValue(s)
	}
	return tftypes.NewValue(stringMap, elems)
}
