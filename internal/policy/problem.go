// Package policy turns a selection of CodePipeline action types into the IAM
// policy document their pipeline's service role needs. It is pure Go: no I/O,
// no Terraform types, the same output for the same request.
package policy

import (
	"fmt"
	"strings"
)

// Path points at the input a problem is about: fields (Field), list indexes
// (int) and map keys (MapKey), outermost first. An empty path means the
// request as a whole.
type Path []any

// MapKey is a path step into a map.
type MapKey string

// Code says which kind of problem a Problem is; decisions about problems
// follow codes, never their text.
type Code string

// Problem is a finding about a request, phrased for the person who wrote it.
type Problem struct {
	Code    Code
	Path    Path
	Warning bool
	Summary string
	Detail  Text
}

func errorAt(code Code, path Path, summary string, detail Text) Problem {
	return Problem{Code: code, Path: path, Summary: summary, Detail: detail}
}

func warningAt(code Code, path Path, summary string, detail Text) Problem {
	return Problem{Code: code, Path: path, Warning: true, Summary: summary, Detail: detail}
}

// HasError reports whether any of the problems is an error.
func HasError(problems []Problem) bool {
	for _, p := range problems {
		if !p.Warning {
			return true
		}
	}
	return false
}

// Child returns a new path one step below p.
func (p Path) Child(step any) Path {
	return append(p[:len(p):len(p)], step)
}

// Within reports whether p is q or lies below it.
func (p Path) Within(q Path) bool {
	if len(p) < len(q) {
		return false
	}
	for i := range q {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}

// String renders the path with Go field names, as tests print it:
// PipelineActions[0].Configuration["ProjectName"]. Users see the provider's
// attribute names instead (Text.Format).
func (p Path) String() string {
	return p.format(func(f Field) string { return string(f) })
}

func (p Path) format(name func(Field) string) string {
	var b strings.Builder
	for _, step := range p {
		switch s := step.(type) {
		case Field:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(name(s))
		case int:
			fmt.Fprintf(&b, "[%d]", s)
		case MapKey:
			fmt.Fprintf(&b, "[%q]", string(s))
		case Place:
			b.WriteString(placeText(s))
		}
	}
	return b.String()
}

// Text is a message that may mention inputs and outputs: its parts are
// strings and Paths, and only the provider, which names fields, turns it
// into words.
type Text []any

// say formats a message like fmt.Sprintf, keeping each Path or Field
// argument (with a %s verb) as a mention.
func say(format string, args ...any) Text {
	var t Text
	var b strings.Builder
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && !isVerb(format[j]) {
			j++
		}
		switch {
		case j < len(format) && format[j] == '%' && j == i+1:
			b.WriteByte('%')
			i = j
			continue
		case j == len(format) || next >= len(args):
			b.WriteString(format[i:min(j+1, len(format))])
			i = j
			continue
		}
		switch arg := args[next].(type) {
		case Path:
			t = append(t.flush(&b), arg)
		case Field:
			t = append(t.flush(&b), Path{arg})
		default:
			fmt.Fprintf(&b, format[i:j+1], arg)
		}
		next++
		i = j
	}
	return t.flush(&b)
}

func isVerb(c byte) bool { return c == '%' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// flush appends what b holds to t and empties b.
func (t Text) flush(b *strings.Builder) Text {
	if b.Len() == 0 {
		return t
	}
	defer b.Reset()
	return append(t, b.String())
}

// plain wraps a message that mentions no field.
func plain(s string) Text { return Text{s} }

// Then returns t followed by more, sharing nothing with t.
func (t Text) Then(more ...Text) Text {
	out := append(Text(nil), t...)
	for _, m := range more {
		out = append(out, m...)
	}
	return out
}

// Format renders the text, naming each mentioned field with name.
func (t Text) Format(name func(Field) string) string {
	var b strings.Builder
	for _, part := range t {
		switch p := part.(type) {
		case string:
			b.WriteString(p)
		case Path:
			b.WriteString(p.format(name))
		}
	}
	return b.String()
}

// String renders the text with Go field names, for tests and for comparing
// texts.
func (t Text) String() string {
	return t.Format(func(f Field) string { return string(f) })
}
