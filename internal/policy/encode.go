package policy

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// A document is written straight into its two forms, minified and indented
// with two spaces, in one pass: byte for byte what encoding/json's encoder
// (without HTML escaping) and json.Indent make of it, which a test checks,
// at a fraction of their cost. A read encodes every document it returns, so
// this is most of a read's work after the checks.

// encoder writes JSON tokens into both forms. Builders hand over what they
// hold without a copy.
type encoder struct {
	min, ind strings.Builder
	indented bool
	// filled says, per open object or array, whether it has a member yet.
	filled []bool
}

// raw writes text as it is into both forms.
func (e *encoder) raw(text string) {
	e.min.WriteString(text)
	if e.indented {
		e.ind.WriteString(text)
	}
}

func (e *encoder) newline() {
	if e.indented {
		e.ind.WriteByte('\n')
		for range e.filled {
			e.ind.WriteString("  ")
		}
	}
}

// member starts a member of the innermost object or array.
func (e *encoder) member() {
	last := len(e.filled) - 1
	if e.filled[last] {
		e.raw(",")
	}
	e.filled[last] = true
	e.newline()
}

func (e *encoder) open(c byte) {
	e.raw(string(c))
	e.filled = append(e.filled, false)
}

func (e *encoder) close(c byte) {
	filled := e.filled[len(e.filled)-1]
	e.filled = e.filled[:len(e.filled)-1]
	if filled {
		e.newline()
	}
	e.raw(string(c))
}

func (e *encoder) key(k string) {
	e.member()
	e.string(k)
	e.min.WriteByte(':')
	if e.indented {
		e.ind.WriteString(": ")
	}
}

func (e *encoder) string(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			e.raw(escaped(s))
			return
		}
	}
	e.raw(`"`)
	e.raw(s)
	e.raw(`"`)
}

// escaped leaves what needs escaping to encoding/json, so strings keep its
// exact rules (\b, \u2028, invalid UTF-8, ...); policy strings rarely need it.
func escaped(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic("policy: a string cannot fail to encode: " + err.Error())
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// list writes the values of an IAM element: one value as a string, as
// aws_iam_policy_document writes it, several as a list; nil is null.
func (e *encoder) list(items []string) {
	switch {
	case items == nil:
		e.raw("null")
		return
	case len(items) == 1:
		e.string(items[0])
		return
	}
	e.open('[')
	for _, item := range items {
		e.member()
		e.string(item)
	}
	e.close(']')
}

// lists writes a map of string lists with its keys sorted.
func (e *encoder) lists(m map[string][]string) {
	e.open('{')
	inKeyOrder(m, func(k string, v []string) {
		e.key(k)
		e.list(v)
	})
	e.close('}')
}

// inKeyOrder calls f with each entry of m, sorted by key; most of a policy's
// maps have one entry, which needs no sorting.
func inKeyOrder[V any](m map[string]V, f func(string, V)) {
	if len(m) == 1 {
		for k, v := range m {
			f(k, v)
		}
		return
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		f(k, m[k])
	}
}

func (e *encoder) document(d Document) {
	e.open('{')
	e.key("Version")
	e.string(d.Version)
	e.key("Statement")
	if d.Statement == nil {
		e.raw("null")
	} else {
		e.open('[')
		for _, s := range d.Statement {
			e.member()
			e.statement(s)
		}
		e.close(']')
	}
	e.close('}')
}

// statement writes the fields in Statement's order, leaving out the empty
// ones its JSON tags mark omitempty.
func (e *encoder) statement(s Statement) {
	e.open('{')
	e.key("Sid")
	e.string(s.Sid)
	e.key("Effect")
	e.string(s.Effect)
	if len(s.Principal) > 0 {
		e.key("Principal")
		e.lists(s.Principal)
	}
	e.key("Action")
	e.list(s.Action)
	if len(s.Resource) > 0 {
		e.key("Resource")
		e.list(s.Resource)
	}
	if len(s.Condition) > 0 {
		e.key("Condition")
		e.open('{')
		inKeyOrder(s.Condition, func(operator string, entries map[string][]string) {
			e.key(operator)
			e.lists(entries)
		})
		e.close('}')
	}
	e.close('}')
}

// encode writes the document minified and, when indented, with two-space
// indentation too.
func (d Document) encode(indented bool) (minified, indentedJSON string) {
	size := d.estimatedSize()
	e := encoder{indented: indented}
	e.min.Grow(size)
	if indented {
		e.ind.Grow(size + size/2) // indentation adds about half to a policy
	}
	e.document(d)
	return e.min.String(), e.ind.String()
}
