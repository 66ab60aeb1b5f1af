package provider

import (
	"context"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

var _ function.Function = serviceRolePolicyFunction{}

// NewServiceRolePolicyFunction returns the service_role_policy function.
func NewServiceRolePolicyFunction() function.Function { return serviceRolePolicyFunction{} }

// serviceRolePolicyFunction is the codepipeline_service_role_policy data source
// as an expression. Its options are the data source's inputs, read by the
// same declarations, and its result comes from the same builder, so the two
// cannot drift apart.
type serviceRolePolicyFunction struct {
	// record sees every problem reported, for tests; nil otherwise.
	record func(policy.Problem)
}

// Argument positions, for errors that Terraform points at the argument.
const (
	argActionProviders = 0
	argOptions         = 1
)

func (f serviceRolePolicyFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "service_role_policy"
}

func (f serviceRolePolicyFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Builds the IAM policy of a CodePipeline service role",
		Description: "Returns the same policy JSON as the json attribute of the codepipeline_service_role_policy " +
			"data source for the same inputs. Warnings that the data source would show are not reported, " +
			"because functions cannot return warnings. On OpenTofu, give {} rather than a bare null for no options.",
		MarkdownDescription: "Returns the policy a CodePipeline service role needs, as the same JSON as the `json` " +
			"attribute of the `codepipeline_service_role_policy` data source for the same inputs: use it where a " +
			"data source is awkward, such as in `locals`, module outputs or `terraform test` assertions. Requires " +
			"Terraform 1.8 or later, or OpenTofu 1.7 or later.\n\n" +
			"Invalid input fails the call with the data source's message and the path of the value at fault, " +
			"such as `options.pipeline_actions[0].provider`. Warnings are not reported (functions cannot return " +
			"them): use the data source to see advice such as an unscoped artifact store.\n\n" +
			// OpenTofu declares no provider function parameter as accepting a
			// dynamic type, so cty answers an untyped null with an unknown
			// result before the provider is called; the provider cannot help.
			"On OpenTofu, `options` given as a bare `null`, or as a null variable of type `any`, never reaches the " +
			"provider: OpenTofu does not call a provider function with an argument that has no type, and returns an " +
			"unknown result instead. The plan shows `(known after apply)`, and at apply a resource argument that uses " +
			"the result fails while an output becomes null. Leave `options` out or give `{}`; a null of an object " +
			"type works on both Terraform and OpenTofu.",
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
				"`action_providers`, such as `pipeline_actions`, `pipeline_rules`, `artifact_stores`, `partition`, " +
				"`region`, `account_id`, `pipeline_name` and `pass_role_arns`, with the same meaning and value types: " +
				"`{ account_id = \"111122223333\", region = \"eu-west-1\" }`. Give it at most once; `{}` and `null` mean " +
				"no options (on OpenTofu, give `{}`: see above).",
		},
		Return: function.StringReturn{},
	}
}

func (f serviceRolePolicyFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var providers types.List
	var options []types.Dynamic
	resp.Error = req.Arguments.Get(ctx, &providers, &options)
	if resp.Error != nil {
		return
	}
	if len(options) > 1 {
		resp.Error = f.refuse(argOptions+1, "options may be given only once; put every option "+
			"in one object, such as { account_id = \"111122223333\", region = \"eu-west-1\" }")
		return
	}
	request, funcErr := f.request(ctx, providers, options)
	switch {
	case funcErr != nil:
		resp.Error = funcErr
	case len(request.Unknown) > 0:
		// Terraform does not call a function while an argument holds unknown
		// values, but only promises that for whole arguments: an unknown
		// nested value gives an unknown policy, never one built from "".
		resp.Error = resp.Result.Set(ctx, types.StringUnknown())
	default:
		result := policy.Build(request)
		if policy.HasError(result.Problems) {
			resp.Error = f.problemErrors(result.Problems)
			return
		}
		resp.Error = resp.Result.Set(ctx, result.Rendered.JSON)
	}
}

// codeInvalidArgument is the code of an argument the function cannot read.
var codeInvalidArgument = policy.NewCode("invalid_argument")

// refuse reports an argument the function cannot read.
func (f serviceRolePolicyFunction) refuse(arg int64, text string) *function.FuncError {
	if f.record != nil {
		f.record(policy.Problem{Code: codeInvalidArgument, Summary: "Invalid argument", Detail: policy.Text{text}})
	}
	return function.NewArgumentFuncError(arg, text)
}

// request converts the arguments with the data source's inputs, so the
// function and the data source read inputs the same way.
func (f serviceRolePolicyFunction) request(ctx context.Context, providers types.List, options []types.Dynamic) (policy.Request, *function.FuncError) {
	r := reader{lenient: true}
	attrs := map[string]tftypes.Value{}
	if len(options) == 1 && !options[0].IsNull() && !options[0].IsUnderlyingValueNull() {
		v, err := options[0].ToTerraformValue(ctx)
		if err != nil {
			return policy.Request{}, f.refuse(argOptions, err.Error())
		}
		if given := r.fields(v, nil, "an object"); given != nil {
			attrs = given
			if _, ok := attrs[actionProviders().name]; ok {
				r.fail(nil, "has no attribute %q (action providers are the function's first argument). Valid attributes are %s",
					actionProviders().name, quoteAll(names(optionInputs())))
			}
			r.checkNames(attrs, nil, optionInputs())
		}
	}
	v, err := providers.ToTerraformValue(ctx)
	if err != nil {
		return policy.Request{}, f.refuse(argActionProviders, err.Error())
	}
	attrs[actionProviders().name] = v
	request := read(&r, attrs, pipelineInputs())
	request.Unknown = r.unknown
	if r.err == nil {
		return request, nil
	}
	where, arg := argumentPath(r.err.path)
	return policy.Request{}, f.refuse(arg, where+" "+r.err.text)
}

// actionProviders is the input the function takes as its first argument.
func actionProviders() input[policy.Request] { return pipelineInputs()[0] }

// optionInputs are the data source's inputs other than action_providers,
// which is the function's first argument.
var optionInputs = sync.OnceValue(func() []input[any] {
	var options []input[any]
	for _, in := range pipelineInputs() {
		if in.field != policy.FieldActionProviders {
			options = append(options, erase(in))
		}
	}
	return options
})

// argumentPath names a value in the function's terms, and its argument.
func argumentPath(p policy.Path) (string, int64) {
	switch {
	case len(p) == 0:
		return "options", argOptions
	case p[0] == policy.FieldActionProviders:
		return attributePath(p).String(), argActionProviders
	}
	return "options." + attributePath(p).String(), argOptions
}

// problemErrors turns the builder's errors into one function error, each with
// the data source's wording and the path of the value at fault. Terraform
// points at the argument of the first problem and ends the text with a period.
func (f serviceRolePolicyFunction) problemErrors(problems []policy.Problem) *function.FuncError {
	var funcErr *function.FuncError
	for _, p := range problems {
		if p.Warning {
			continue
		}
		if f.record != nil {
			f.record(p)
		}
		text := p.Summary + ". " + p.Detail.Format(fieldName)
		if len(p.Path) == 0 {
			funcErr = function.ConcatFuncErrors(funcErr, function.NewFuncError(text))
			continue
		}
		where, arg := argumentPath(p.Path)
		funcErr = function.ConcatFuncErrors(funcErr, function.NewArgumentFuncError(arg, where+": "+text))
	}
	if funcErr != nil {
		funcErr.Text = strings.TrimSuffix(funcErr.Text, ".")
	}
	return funcErr
}
