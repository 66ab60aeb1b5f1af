package provider

import (
	"math/big"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Raw values for a data source's state, built directly so a read costs no
// reflection: the state is the configuration with the computed attributes
// filled in.

var (
	stringList = tftypes.List{ElementType: tftypes.String}
	stringMap  = tftypes.Map{ElementType: tftypes.String}
)

func stringValue(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func nullString() tftypes.Value { return tftypes.NewValue(tftypes.String, nil) }

func numberValue(n int) tftypes.Value {
	return tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(int64(n)))
}

func boolValue(b bool) tftypes.Value { return tftypes.NewValue(tftypes.Bool, b) }

func stringListValue(items []string) tftypes.Value {
	elems := make([]tftypes.Value, len(items))
	for i, s := range items {
		elems[i] = stringValue(s)
	}
	return tftypes.NewValue(stringList, elems)
}

func stringMapValue(m map[string]string) tftypes.Value {
	elems := make(map[string]tftypes.Value, len(m))
	for k, s := range m {
		elems[k] = stringValue(s)
	}
	return tftypes.NewValue(stringMap, elems)
}

// objectListValue builds a list of objects of the given attribute types.
func objectListValue(attrTypes map[string]tftypes.Type, objects []map[string]tftypes.Value) tftypes.Value {
	objectType := tftypes.Object{AttributeTypes: attrTypes}
	elems := make([]tftypes.Value, len(objects))
	for i, o := range objects {
		elems[i] = tftypes.NewValue(objectType, o)
	}
	return tftypes.NewValue(tftypes.List{ElementType: objectType}, elems)
}

// newState returns the configuration's attributes with computed ones set, as
// a value of the configuration's type: Terraform sends the configuration as
// the schema's whole object, computed attributes included, so that type is the
// state's, and deriving it from the schema again would walk every attribute on
// every read.
func newState(config tftypes.Value, attrs, computed map[string]tftypes.Value) tftypes.Value {
	state := make(map[string]tftypes.Value, len(attrs))
	for name, v := range attrs {
		state[name] = v
	}
	for name, v := range computed {
		state[name] = v
	}
	return tftypes.NewValue(config.Type(), state)
}
