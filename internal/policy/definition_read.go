package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// reader walks one description in one form, keeping the first fault: every
// step after it reads nothing, so the walk needs no error plumbing.
type reader struct {
	form  *form
	root  string // place of the pipeline declaration: "pipeline", "Properties" or ""
	d     Description
	fault *DefinitionFault
}

func newReader(f *form, root string) *reader {
	r := &reader{form: f, root: root}
	r.d.places = places{form: f, root: root}
	return r
}

// node is a value of the description and its place there.
type node struct {
	v  any
	at string
}

// get is the member key of an object node; nothing when n is no object.
func (n node) get(key string) node {
	m, _ := n.v.(map[string]any)
	return node{v: m[key], at: joinPlace(n.at, key)}
}

// index is the i-th element of a list node.
func (n node) index(i int) node {
	list, _ := n.v.([]any)
	var v any
	if i < len(list) {
		v = list[i]
	}
	return node{v: v, at: fmt.Sprintf("%s[%d]", n.at, i)}
}

// joinPlace names key under the place at: "a.b", or `a["odd key"]` for a key
// that would not read as one step.
func joinPlace(at, key string) string {
	switch {
	case key == "":
		return at
	case !plainKey(key):
		return fmt.Sprintf("%s[%q]", at, key)
	case at == "":
		return key
	}
	return at + "." + key
}

func plainKey(key string) bool {
	return key != "" && strings.Trim(key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:") == ""
}

// wrong records a value of the wrong type at n.
func (r *reader) wrong(n node, expected string) {
	r.fail(n.at, fmt.Sprintf("%s is %s; expected %s.", r.form.where(n.at), describeValue(n.v), expected))
}

// fail records the first fault of the walk.
func (r *reader) fail(at, detail string) {
	if r.fault == nil {
		r.fault = &DefinitionFault{Code: CodeInvalidDefinitionValue, At: at,
			Summary: "Invalid value in the pipeline definition", Detail: detail}
	}
}

// absent reports a value not given: null, or CloudFormation's AWS::NoValue.
func (r *reader) absent(v any) bool {
	return v == nil || r.form.intrinsics && isNoValue(v)
}

// text reads a string; an intrinsic function leaves it empty and stands for
// the input at path. Numbers and booleans read as their text, as
// CloudFormation passes them on.
func (r *reader) text(n node, path Path) string { return r.scalar(n, path, false) }

// variable reads a string where CodePipeline also takes run-time variables:
// an intrinsic function becomes one, so the checks treat it as unknown.
func (r *reader) variable(n node, path Path) string { return r.scalar(n, path, true) }

func (r *reader) scalar(n node, path Path, variable bool) string {
	if r.fault != nil || r.absent(n.v) {
		return ""
	}
	if s, ok := scalarText(n.v); ok {
		return s
	}
	if s, ok := r.deferred(n, variable, path); ok {
		return s
	}
	r.wrong(n, "a string")
	return ""
}

// scalarText is a JSON scalar as the string CodePipeline would take.
func scalarText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(v), true
	case int:
		return strconv.Itoa(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	}
	return "", false
}

// object reads a list element that must be an object.
func (r *reader) object(n node) node {
	if _, ok := n.v.(map[string]any); ok || r.fault != nil {
		return n
	}
	r.wrong(n, "an object")
	return node{at: n.at}
}

// block reads a nested object; absent, it is a node without a value. In
// Terraform's form it may be a list of one. An intrinsic function stands for
// the inputs at paths.
func (r *reader) block(n node, paths ...Path) node {
	empty := node{at: n.at}
	if r.fault != nil || r.absent(n.v) {
		return empty
	}
	if list, ok := n.v.([]any); ok && r.form.blocks {
		if len(list) == 0 {
			return empty
		}
		if len(list) == 1 {
			return r.block(n.index(0), paths...)
		}
		r.wrong(n, "one block")
		return empty
	}
	if _, ok := r.deferred(n, false, paths...); ok {
		return empty
	}
	return r.object(n)
}

// blocks reads the blocks of a stage condition: one object, or in Terraform's
// form a list of them.
func (r *reader) blocks(n node, paths ...Path) []node {
	if r.form.blocks {
		return r.items(n, paths...)
	}
	if b := r.block(n, paths...); b.v != nil {
		return []node{b}
	}
	return nil
}

// items reads a list as its elements. An Fn::If gives the elements of both
// branches, since either may be deployed; any other intrinsic function, for
// the list or an element, stands for the inputs at paths. In Terraform's form
// one block may stand for a list of one.
func (r *reader) items(n node, paths ...Path) []node {
	var out []node
	for _, b := range r.branches(n) {
		out = append(out, r.elements(b, paths)...)
	}
	return out
}

func (r *reader) elements(n node, paths []Path) []node {
	if r.fault != nil || r.absent(n.v) {
		return nil
	}
	if _, ok := r.deferred(n, false, paths...); ok {
		return nil
	}
	switch v := n.v.(type) {
	case []any:
		var out []node
		for i := range v {
			for _, e := range r.branches(n.index(i)) {
				if _, ok := r.deferred(e, false, paths...); !ok {
					out = append(out, e)
				}
			}
		}
		return out
	case map[string]any:
		if r.form.blocks {
			return []node{n}
		}
	}
	r.wrong(n, "a list")
	return nil
}

// branches are the values n may take: both of an Fn::If's, none for
// AWS::NoValue, or n itself.
func (r *reader) branches(n node) []node {
	if !r.form.intrinsics {
		return []node{n}
	}
	if isNoValue(n.v) {
		return nil
	}
	m, _ := n.v.(map[string]any)
	if args, ok := n.get("Fn::If").v.([]any); !ok || len(args) != 3 || len(m) != 1 {
		return []node{n}
	}
	cases := n.get("Fn::If")
	return append(r.branches(cases.index(1)), r.branches(cases.index(2))...)
}

// configuration reads an action's or rule's configuration, a map of strings.
// CloudFormation's may also be a JSON string of that map.
func (r *reader) configuration(n node, path Path) map[string]string {
	n = r.configText(n)
	if r.fault != nil || r.absent(n.v) {
		return nil
	}
	if _, ok := r.deferred(n, false, path); ok {
		return nil
	}
	m, ok := n.v.(map[string]any)
	if !ok {
		r.wrong(n, "an object of configuration keys and their values")
		return nil
	}
	var out map[string]string
	for _, key := range slices.Sorted(maps.Keys(m)) {
		value := n.get(key)
		if r.absent(value.v) {
			continue
		}
		if out == nil {
			out = make(map[string]string, len(m))
		}
		out[key] = r.variable(value, path.Child(MapKey(key)))
	}
	return out
}

// configText decodes a configuration given as a JSON string.
func (r *reader) configText(n node) node {
	text, ok := n.v.(string)
	if !ok || !r.form.intrinsics || r.fault != nil {
		return n
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		r.fail(n.at, fmt.Sprintf("%s is a string that is not JSON (%v); expected an object of configuration "+
			"keys and their values, or its JSON text.", r.form.where(n.at), err))
		return node{at: n.at}
	}
	return node{v: v, at: n.at}
}

// commands reads a rule's shell commands.
func (r *reader) commands(n node, path Path) []string {
	if r.fault != nil || r.absent(n.v) {
		return nil
	}
	if _, ok := r.deferred(n, false, path); ok {
		return nil
	}
	list, ok := n.v.([]any)
	if !ok {
		r.wrong(n, "a list of commands")
		return nil
	}
	out := make([]string, len(list))
	for i := range list {
		out[i] = r.variable(n.index(i), path.Child(i))
	}
	return out
}

// deferred records an intrinsic function at n as standing for the inputs at
// paths; with variable, a run-time variable naming it takes its place.
func (r *reader) deferred(n node, variable bool, paths ...Path) (string, bool) {
	if !r.form.intrinsics {
		return "", false
	}
	name, ok := intrinsicName(n.v)
	if !ok {
		return "", false
	}
	placeholder := ""
	if variable {
		m, _ := n.v.(map[string]any)
		placeholder = runtimeVariable(name, m[name])
	}
	for _, p := range paths {
		r.d.Deferred = append(r.d.Deferred, DeferredValue{At: n.at, Path: p, Intrinsic: compactJSON(n.v), Placeholder: placeholder})
	}
	return placeholder, true
}

// intrinsicName is the function of a CloudFormation intrinsic function: an
// object of one key, Ref or Fn::<name>.
func intrinsicName(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return "", false
	}
	for key := range m {
		if key == "Ref" || strings.HasPrefix(key, "Fn::") {
			return key, true
		}
	}
	return "", false
}

func isNoValue(v any) bool {
	m, ok := v.(map[string]any)
	return ok && len(m) == 1 && m["Ref"] == "AWS::NoValue"
}

// runtimeVariable renders an intrinsic function as a CodePipeline-style
// variable, "#{cloudformation:Ref(ProjectName)}": the checks take any value
// holding "#{" as resolved at run time, and the reader sees what it stands for.
func runtimeVariable(name string, arg any) string {
	text, ok := arg.(string)
	if parts, isList := arg.([]any); isList && name == "Fn::GetAtt" {
		text, ok = joinStrings(parts, ".")
	}
	if !ok {
		text = compactJSON(arg)
	}
	if utf8.RuneCountInString(text) > 100 {
		text = string([]rune(text)[:99]) + "…"
	}
	return "#{cloudformation:" + strings.TrimPrefix(name, "Fn::") + "(" + text + ")}"
}

func joinStrings(list []any, sep string) (string, bool) {
	parts := make([]string, len(list))
	for i, v := range list {
		s, ok := v.(string)
		if !ok {
			return "", false
		}
		parts[i] = s
	}
	return strings.Join(parts, sep), true
}

// compactJSON is v's JSON text without whitespace or HTML escapes.
func compactJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
