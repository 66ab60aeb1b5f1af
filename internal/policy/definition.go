package policy

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
)

// The codes of the problems reading a pipeline definition.
var (
	CodeMalformedDefinition    = NewCode("malformed_definition")     // not JSON
	CodeUnknownDefinitionShape = NewCode("unknown_definition_shape") // JSON, but no form of a pipeline
	CodeEmptyDefinition        = NewCode("empty_definition")         // a pipeline without actions
	CodeInvalidDefinitionValue = NewCode("invalid_definition_value") // a value of the wrong JSON type
)

// Description is a pipeline read from one of the forms it is already written
// in: `aws codepipeline get-pipeline` output, a create-pipeline or
// update-pipeline input or the bare pipeline declaration, a CloudFormation
// AWS::CodePipeline::Pipeline resource or its Properties (ReadDefinition), or
// the stage blocks of an aws_codepipeline resource (ReadStages). Its parts
// are the Request's parts of the same names; Actions and Rules become
// PipelineActions and PipelineRules in the same order, so that Locate finds
// them.
type Description struct {
	PipelineName   string
	ServiceRoleARN string
	// Partition, Region and AccountID come from get-pipeline's
	// metadata.pipelineArn only; every other form leaves them empty.
	Partition, Region, AccountID string
	// ArtifactStores are sorted by region. A single artifactStore has no
	// region; each of several regional stores has its own.
	ArtifactStores []ArtifactStore
	Actions        []PipelineAction
	Rules          []PipelineRule
	// Deferred are the values CloudFormation resolves at deploy time.
	Deferred []DeferredValue

	places places
}

// DeferredValue is a CloudFormation intrinsic function (Ref, Fn::Sub, ...)
// where the pipeline has a value. It is never an error: a configuration value,
// a name, a command or an environment variable's value is replaced by
// Placeholder, a run-time variable the checks treat as unknown at plan time;
// any other field is left empty, and the request should list Path in Unknown.
// An intrinsic function in place of a stage, action or rule stands for the
// whole list (Path is PipelineActions or PipelineRules), since its index is
// unknown; an Fn::If there is no DeferredValue: both its branches are read,
// as either may be deployed.
type DeferredValue struct {
	At          string // where it is in the description: "Stages[0].Actions[1].Configuration.ProjectName"
	Path        Path   // the request's input it stands for
	Intrinsic   string // the intrinsic function's JSON text
	Placeholder string // the value put in its place; "" when the field is left empty
}

// DefinitionFault is why a description could not be read.
type DefinitionFault struct {
	Code Code
	// At is where in the description, in its form's spelling
	// ("stages[0].actions[1].configuration"), or "line 3, column 7" for text
	// that is not JSON; "" for the description as a whole.
	At      string
	Summary string
	Detail  string
}

func (f *DefinitionFault) Error() string { return f.Summary + ": " + f.Detail }

// Problem returns the fault as a problem without a Path: its detail says where
// in the description, and the caller puts it on the input that holds it.
func (f *DefinitionFault) Problem() Problem { return errorAt(f.Code, nil, f.Summary, plain(f.Detail)) }

// ReadDefinition reads a pipeline from its JSON text, in any of the forms
// Description lists except Terraform's, which it tells apart by their keys.
func ReadDefinition(text string) (Description, *DefinitionFault) {
	v, fault := parseDefinition(text)
	if fault != nil {
		return Description{}, fault
	}
	top, ok := v.(map[string]any)
	if !ok {
		return Description{}, unknownShape(fmt.Sprintf("The definition is %s.", describeValue(v)))
	}
	r, pipeline, fault := recognise(top)
	if fault != nil {
		return Description{}, fault
	}
	r.pipeline(pipeline)
	return r.done()
}

// ReadStages reads the stage blocks of an aws_codepipeline resource as
// Terraform holds them: a list of stages, each with its action blocks and
// stage conditions, any single block possibly given as one object instead of
// a list of one. stages is a generic JSON value ([]any, map[string]any,
// string, float64, json.Number, bool, nil). The pipeline's name, role and
// artifact stores are the resource's other attributes, not read here.
func ReadStages(stages any) (Description, *DefinitionFault) {
	r := newReader(&terraformForm, "")
	r.stages(node{v: stages})
	return r.done()
}

// recognise tells the form of a definition by its keys, and returns a reader
// for it with the node of the pipeline declaration.
func recognise(top map[string]any) (*reader, node, *DefinitionFault) {
	root := node{v: top}
	switch {
	case hasKey(top, "Type") || hasKey(top, "Properties"):
		if t := top["Type"]; t != cloudFormationType {
			return nil, node{}, unknownShape(fmt.Sprintf("The definition is a CloudFormation resource of type %s; "+
				"expected %q.", describeValue(t), cloudFormationType))
		}
		r := newReader(&cloudFormationForm, "Properties")
		return r, root.get("Properties"), nil
	case hasKey(top, "pipeline"):
		r := newReader(&apiForm, "pipeline")
		r.metadata(root.get("metadata"))
		return r, root.get("pipeline"), nil
	case hasKey(top, "stages"):
		return newReader(&apiForm, ""), root, nil
	case hasKey(top, "Stages"):
		return newReader(&cloudFormationForm, ""), root, nil
	}
	return nil, node{}, unknownShape(fmt.Sprintf("The definition is an object with the keys %s.", keyList(top)))
}

const cloudFormationType = "AWS::CodePipeline::Pipeline"

// unknownShape is the fault of a definition that is JSON but no form of a
// pipeline: what it is, and every form that is read.
func unknownShape(what string) *DefinitionFault {
	return &DefinitionFault{Code: CodeUnknownDefinitionShape, Summary: "Unknown pipeline definition",
		Detail: what + " Give `aws codepipeline get-pipeline` output ({\"pipeline\": ..., \"metadata\": ...}), a " +
			"create-pipeline input ({\"pipeline\": ...}), a pipeline declaration ({\"name\", \"roleArn\", " +
			"\"artifactStore\", \"stages\"}), or a CloudFormation AWS::CodePipeline::Pipeline resource " +
			"({\"Type\", \"Properties\"}) or its Properties; for a template, the resource under Resources."}
}

// metadata reads the pipeline's partition, region and account from
// get-pipeline's metadata.pipelineArn, the one place a definition holds them.
func (r *reader) metadata(m node) {
	if r.block(m).v == nil {
		return
	}
	at := m.get("pipelineArn")
	text := r.text(at, nil)
	if text == "" {
		return
	}
	parsed, err := arn.Parse(text)
	if err != nil || parsed.Service != "codepipeline" || parsed.Region == "" || parsed.AccountID == "" {
		r.fail(at.at, fmt.Sprintf("%q is not a pipeline ARN; expected arn:<partition>:codepipeline:<region>:<account>:<pipeline name>.", text))
		return
	}
	r.d.Partition, r.d.Region, r.d.AccountID = parsed.Partition, parsed.Region, parsed.AccountID
	r.d.PipelineName = parsed.Resource // the declaration's name, if any, replaces it
	r.d.places.arn = at.at
}

// done finishes a reading: a pipeline without actions is refused, unless an
// intrinsic function stands for them.
func (r *reader) done() (Description, *DefinitionFault) {
	if r.fault != nil {
		return Description{}, r.fault
	}
	if len(r.d.Actions) == 0 && !r.deferredActions() {
		at := joinPlace(r.root, r.form.stages)
		return Description{}, &DefinitionFault{Code: CodeEmptyDefinition, At: at, Summary: "Pipeline without actions",
			Detail: fmt.Sprintf("%s holds no action; a pipeline needs at least one stage with one action.", r.form.where(at))}
	}
	return r.d, nil
}

func (r *reader) deferredActions() bool {
	return slices.ContainsFunc(r.d.Deferred, func(d DeferredValue) bool { return Path{FieldPipelineActions}.Within(d.Path) })
}

// parseDefinition decodes JSON text, keeping numbers as written.
func parseDefinition(text string) (any, *DefinitionFault) {
	if strings.TrimSpace(text) == "" {
		return nil, &DefinitionFault{Code: CodeMalformedDefinition, Summary: "Empty pipeline definition",
			Detail: "The definition is empty; give the pipeline's JSON text."}
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err == nil {
		if _, err := dec.Token(); err == io.EOF {
			return v, nil
		}
	}
	return nil, malformed(text, json.Unmarshal([]byte(text), new(any)))
}

// malformed says where the JSON text stops being JSON.
func malformed(text string, err error) *DefinitionFault {
	offset := len(text)
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		offset = int(syntax.Offset)
	}
	offset = max(offset-1, 0) // the offset counts the byte at fault
	at := textPosition(text, offset)
	return &DefinitionFault{Code: CodeMalformedDefinition, At: at, Summary: "Malformed pipeline definition",
		Detail: fmt.Sprintf("The definition is not valid JSON: %v at %s (byte offset %d).", err, at, offset)}
}

// textPosition names the line and column (in characters) of a byte offset.
func textPosition(text string, offset int) string {
	before := text[:min(offset, len(text))]
	line := strings.Count(before, "\n") + 1
	column := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, column)
}

func hasKey(m map[string]any, key string) bool {
	_, ok := m[key]
	return ok
}

// keyList names an object's first keys, for messages.
func keyList(m map[string]any) string {
	keys := slices.Sorted(maps.Keys(m))
	if len(keys) == 0 {
		return "(none)"
	}
	more := ""
	if len(keys) > 6 {
		keys, more = keys[:6], fmt.Sprintf(" and %d more", len(keys)-6)
	}
	quoted := make([]string, len(keys))
	for i, k := range keys {
		quoted[i] = fmt.Sprintf("%q", k)
	}
	return strings.Join(quoted, ", ") + more
}

// describeValue names a JSON value's type, with short scalars shown.
func describeValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case map[string]any:
		if name, ok := intrinsicName(v); ok {
			return "the CloudFormation intrinsic function " + name
		}
		return "an object"
	case []any:
		return fmt.Sprintf("a list of %d", len(v))
	case string:
		return fmt.Sprintf("the string %.40q", v)
	case bool:
		return fmt.Sprintf("the boolean %t", v)
	}
	if s, ok := scalarText(v); ok {
		return "the number " + s
	}
	return fmt.Sprintf("a value of type %T", v)
}
