package provider

import (
	"context"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
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

// newState returns the configuration's attributes with computed ones set.
func newState(ctx context.Context, resp *datasource.ReadResponse, config, computed map[string]tftypes.Value) tftypes.Value {
	attrs := make(map[string]tftypes.Value, len(config))
	for name, v := range config {
		attrs[name] = v
	}
	for name, v := range computed {
		attrs[name] = v
	}
	return tftypes.NewValue(resp.State.Schema.Type().TerraformType(ctx), attrs)
}
