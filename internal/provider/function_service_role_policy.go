package provider

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

var _ function.Function = (*serviceRolePolicyFunction)(nil)

// NewServiceRolePolicyFunction returns the service_role_policy function.
func NewServiceRolePolicyFunction() function.Function { return &serviceRolePolicyFunction{} }

// serviceRolePolicyFunction is the codepipeline_service_role_policy data source
// as an expression. Its options are the data source's input attributes, read
// from the data source schema, and its result comes from the data source's
// own conversion and the same builder, so the two cannot drift apart.
type serviceRolePolicyFunction struct{}

// Argument positions, for errors that Terraform points at the argument.
const (
	argActionProviders = 0
	argOptions         = 1
)

func (f *serviceRolePolicyFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "service_role_policy"
}

func (f *serviceRolePolicyFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Builds the IAM policy of a CodePipeline service role",
		Description: "Returns the same policy JSON as the json attribute of the codepipeline_service_role_policy " +
			"data source for the same inputs. Warnings that the data source would show are not reported, " +
			"because functions cannot return warnings.",
		MarkdownDescription: "Returns the policy a CodePipeline service role needs, as the same JSON as the `json` " +
			"attribute of the `codepipeline_service_role_policy` data source for the same inputs: use it where a " +
			"data source is awkward, such as in `locals`, module outputs or `terraform test` assertions. Requires " +
			"Terraform 1.8 or later.\n\n" +
			"Invalid input fails the call with the data source's message and the path of the value at fault, " +
			"such as `options.pipeline_actions[0].provider`. Warnings are not reported (functions cannot return " +
			"them): use the data source to see advice such as an unscoped artifact store.",
		Parameters: []function.Parameter{
			function.ListParameter{
				Name:        "action_providers",
				ElementType: types.StringType,
				// Null is accepted like an empty list, so a module can pass an optional variable through.
				AllowNullValue: true,
				MarkdownDescription: "The providers of the pipeline's actions, as the data source's `action_providers`: " +
					"`\"CodeBuild\"`, or `\"Deploy/S3\"` to pick one category. May be empty when `options` gives " +
					"`pipeline_actions`.",
			},
		},
		// Terraform functions have no optional positional parameters; a
		// variadic parameter given at most once stands in for one. It is
		// dynamic so that an object literal with only some attributes is
		// accepted: an object parameter would require every attribute.
		VariadicParameter: function.DynamicParameter{
			Name:           "options",
			AllowNullValue: true,
			MarkdownDescription: "An optional object with any of the data source's inputs other than " +
				"`action_providers`, such as `artifact_stores`, `partition`, `region`, `account_id`, `pipeline_name`, " +
				"`pass_role_arns` and `pipeline_actions`, with the same meaning and value types: " +
				"`{ account_id = \"111122223333\", region = \"eu-west-1\" }`. Give it at most once; `null` means no options.",
		},
		Return: function.StringReturn{},
	}
}

func (f *serviceRolePolicyFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var providers types.List
	var options []types.Dynamic
	resp.Error = req.Arguments.Get(ctx, &providers, &options)
	if resp.Error != nil {
		return
	}
	if len(options) > 1 {
		resp.Error = function.NewArgumentFuncError(argOptions+1, "options may be given only once; put every option "+
			"in one object, such as { account_id = \"111122223333\", region = \"eu-west-1\" }")
		return
	}
	// Terraform does not call the function while an argument holds unknown
	// values, but the protocol only promises that for whole arguments; an
	// unknown nested value must give an unknown policy, never read as "".
	known := fullyKnown(ctx, providers)
	for _, o := range options {
		known = known && fullyKnown(ctx, o)
	}
	if !known {
		resp.Error = resp.Result.Set(ctx, types.StringUnknown())
		return
	}

	model, funcErr := functionModel(ctx, providers, options)
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	request, diags := model.request(ctx)
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	result := policy.Build(request)
	if policy.HasError(result.Problems) {
		resp.Error = problemErrors(result.Problems)
		return
	}
	resp.Error = resp.Result.Set(ctx, result.Rendered.JSON)
}

func fullyKnown(ctx context.Context, v attr.Value) bool {
	tf, err := v.ToTerraformValue(ctx)
	return err == nil && tf.IsFullyKnown()
}

// functionModel fills the data source's model from the function's arguments,
// so that the data source's request conversion serves both.
func functionModel(ctx context.Context, providers types.List, options []types.Dynamic) (serviceRolePolicyModel, *function.FuncError) {
	var model serviceRolePolicyModel
	var s datasource.SchemaResponse
	(&serviceRolePolicyDataSource{}).Schema(ctx, datasource.SchemaRequest{}, &s)

	for i, v := range providers.Elements() {
		if v.IsNull() {
			return model, function.NewArgumentFuncError(argActionProviders, fmt.Sprintf("action_providers[%d] is null", i))
		}
	}
	values := map[string]attr.Value{policy.AttrActionProviders: providers}
	if len(options) == 1 && !options[0].IsNull() && !options[0].IsUnderlyingValueNull() {
		given, err := decodeObject(optionAttributes(s.Schema), options[0].UnderlyingValue(), "options")
		if err != nil {
			return model, function.NewArgumentFuncError(argOptions, err.Error())
		}
		for name, v := range given {
			values[name] = v
		}
	}

	attrTypes := map[string]attr.Type{}
	for name, a := range s.Schema.Attributes {
		attrTypes[name] = a.GetType()
		if values[name] == nil {
			values[name] = nullValue(a.GetType())
		}
	}
	obj, diags := types.ObjectValue(attrTypes, values)
	diags.Append(obj.As(ctx, &model, basetypes.ObjectAsOptions{})...)
	return model, function.FuncErrorFromDiags(ctx, diags)
}

// optionAttributes are the data source's inputs other than action_providers,
// which is the function's first argument.
func optionAttributes(s schema.Schema) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{}
	for name, a := range s.Attributes {
		if (a.IsOptional() || a.IsRequired()) && name != policy.AttrActionProviders {
			attrs[name] = a
		}
	}
	return attrs
}

// nullValue is the null of an attribute type; the framework types have no
// generic constructor for it.
func nullValue(t attr.Type) attr.Value {
	ctx := context.Background()
	v, _ := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), nil))
	return v
}

// decodeObject converts an object (or map) literal to the attributes it sets,
// as Terraform would convert it to a nested attribute: unset and null
// attributes are null, required ones must be set, and attribute names are
// checked because a misspelt option would otherwise be silently ignored.
func decodeObject(attrs map[string]schema.Attribute, v attr.Value, at string) (map[string]attr.Value, error) {
	fields, ok := objectFields(v)
	if !ok {
		return nil, fmt.Errorf("%s must be an object, not %s", at, kindOf(v))
	}
	valid := make([]string, 0, len(attrs))
	for name := range attrs {
		valid = append(valid, name)
	}
	slices.Sort(valid)
	for _, name := range sortedNames(fields) {
		if _, ok := attrs[name]; ok {
			continue
		}
		hint := ""
		if name == policy.AttrActionProviders {
			hint = " (action providers are the function's first argument)"
		}
		return nil, fmt.Errorf("%s has no attribute %q%s. Valid attributes are %s", at, name, hint, quoteAll(valid))
	}
	out := map[string]attr.Value{}
	for _, name := range valid {
		a := attrs[name]
		value, given := fields[name]
		if !given || value.IsNull() {
			if a.IsRequired() {
				return nil, fmt.Errorf("%s.%s is required", at, name)
			}
			out[name] = nullValue(a.GetType())
			continue
		}
		converted, err := decodeAttribute(a, value, at+"."+name)
		if err != nil {
			return nil, err
		}
		out[name] = converted
	}
	return out, nil
}

func decodeAttribute(a schema.Attribute, v attr.Value, at string) (attr.Value, error) {
	nested, ok := a.(schema.ListNestedAttribute)
	if !ok {
		return convertValue(a.GetType(), v, at)
	}
	elems, ok := listElements(v)
	if !ok {
		return nil, fmt.Errorf("%s must be a list of objects, not %s", at, kindOf(v))
	}
	attrTypes := map[string]attr.Type{}
	for name, na := range nested.NestedObject.Attributes {
		attrTypes[name] = na.GetType()
	}
	objType := types.ObjectType{AttrTypes: attrTypes}
	objects := make([]attr.Value, 0, len(elems))
	for i, e := range elems {
		fields, err := decodeObject(nested.NestedObject.Attributes, e, fmt.Sprintf("%s[%d]", at, i))
		if err != nil {
			return nil, err
		}
		obj, diags := types.ObjectValue(attrTypes, fields)
		if diags.HasError() {
			return nil, fmt.Errorf("%s[%d]: %s", at, i, diags[0].Detail())
		}
		objects = append(objects, obj)
	}
	list, diags := types.ListValue(objType, objects)
	if diags.HasError() {
		return nil, fmt.Errorf("%s: %s", at, diags[0].Detail())
	}
	return list, nil
}

// convertValue converts a value to the type of a data source attribute as
// Terraform converts an argument: numbers and bools become strings, "true"
// and "false" become bools, tuples and sets become lists, objects become maps.
func convertValue(t attr.Type, v attr.Value, at string) (attr.Value, error) {
	v = underlying(v)
	if v.IsNull() {
		return nil, fmt.Errorf("%s must not be null", at)
	}
	switch t := t.(type) {
	case basetypes.StringType:
		switch s := v.(type) {
		case basetypes.StringValue:
			return s, nil
		case basetypes.BoolValue:
			return types.StringValue(strconv.FormatBool(s.ValueBool())), nil
		case basetypes.NumberValue:
			return types.StringValue(s.ValueBigFloat().Text('f', -1)), nil
		}
		return nil, fmt.Errorf("%s must be a string, not %s", at, kindOf(v))
	case basetypes.BoolType:
		switch b := v.(type) {
		case basetypes.BoolValue:
			return b, nil
		case basetypes.StringValue:
			if s := b.ValueString(); s == "true" || s == "false" {
				return types.BoolValue(s == "true"), nil
			}
		}
		return nil, fmt.Errorf("%s must be true or false, not %s", at, kindOf(v))
	case basetypes.ListType:
		elems, ok := listElements(v)
		if !ok {
			return nil, fmt.Errorf("%s must be a list, not %s", at, kindOf(v))
		}
		out := make([]attr.Value, 0, len(elems))
		for i, e := range elems {
			c, err := convertValue(t.ElemType, e, fmt.Sprintf("%s[%d]", at, i))
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		list, diags := types.ListValue(t.ElemType, out)
		if diags.HasError() {
			return nil, fmt.Errorf("%s: %s", at, diags[0].Detail())
		}
		return list, nil
	case basetypes.MapType:
		fields, ok := objectFields(v)
		if !ok {
			return nil, fmt.Errorf("%s must be a map, not %s", at, kindOf(v))
		}
		out := map[string]attr.Value{}
		for _, key := range sortedNames(fields) {
			c, err := convertValue(t.ElemType, fields[key], fmt.Sprintf("%s[%q]", at, key))
			if err != nil {
				return nil, err
			}
			out[key] = c
		}
		m, diags := types.MapValue(t.ElemType, out)
		if diags.HasError() {
			return nil, fmt.Errorf("%s: %s", at, diags[0].Detail())
		}
		return m, nil
	}
	return nil, fmt.Errorf("%s has a type this function cannot read", at)
}

func underlying(v attr.Value) attr.Value {
	if d, ok := v.(basetypes.DynamicValue); ok && d.UnderlyingValue() != nil {
		return d.UnderlyingValue()
	}
	return v
}

func objectFields(v attr.Value) (map[string]attr.Value, bool) {
	switch o := underlying(v).(type) {
	case basetypes.ObjectValue:
		return o.Attributes(), true
	case basetypes.MapValue:
		return o.Elements(), true
	}
	return nil, false
}

func listElements(v attr.Value) ([]attr.Value, bool) {
	switch l := underlying(v).(type) {
	case basetypes.ListValue:
		return l.Elements(), true
	case basetypes.TupleValue:
		return l.Elements(), true
	case basetypes.SetValue:
		return l.Elements(), true
	}
	return nil, false
}

func kindOf(v attr.Value) string {
	switch underlying(v).(type) {
	case basetypes.StringValue:
		return "a string"
	case basetypes.NumberValue:
		return "a number"
	case basetypes.BoolValue:
		return "a bool"
	case basetypes.ListValue, basetypes.TupleValue, basetypes.SetValue:
		return "a list"
	case basetypes.ObjectValue, basetypes.MapValue:
		return "an object"
	}
	return "null"
}

func sortedNames(m map[string]attr.Value) []string {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func quoteAll(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = strconv.Quote(n)
	}
	return strings.Join(quoted, ", ")
}

// problemErrors turns the builder's errors into one function error, each with
// the data source's wording and the path of the value at fault. Terraform
// points at the argument of the first problem and ends the text with a period.
func problemErrors(problems []policy.Problem) *function.FuncError {
	var funcErr *function.FuncError
	for _, p := range problems {
		if p.Warning {
			continue
		}
		text := p.Summary + ". " + p.Detail
		if len(p.Path) == 0 {
			funcErr = function.ConcatFuncErrors(funcErr, function.NewFuncError(text))
			continue
		}
		where, arg := attributePath(p.Path).String(), int64(argActionProviders)
		if p.Path[0] != policy.AttrActionProviders {
			where, arg = "options."+where, argOptions
		}
		funcErr = function.ConcatFuncErrors(funcErr, function.NewArgumentFuncError(arg, where+": "+text))
	}
	if funcErr != nil {
		funcErr.Text = strings.TrimSuffix(funcErr.Text, ".")
	}
	return funcErr
}
