// Package policy turns a selection of CodePipeline action types into the IAM
// policy document their pipeline's service role needs. It is pure Go: no I/O,
// no Terraform types, the same output for the same request.
package policy

import (
	"fmt"
	"strings"
)

// Path points at the input a problem is about: attribute names (string), list
// indexes (int) and map keys (MapKey), outermost first. An empty path means the
// request as a whole.
type Path []any

// MapKey is a path step into a map attribute.
type MapKey string

// Problem is a finding about a request, phrased for the person who wrote it.
type Problem struct {
	Path    Path
	Warning bool
	Summary string
	Detail  string
}

func errorAt(path Path, summary, detail string) Problem {
	return Problem{Path: path, Summary: summary, Detail: detail}
}

func warningAt(path Path, summary, detail string) Problem {
	return Problem{Path: path, Warning: true, Summary: summary, Detail: detail}
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

// within reports whether p is q or lies below it.
func (p Path) within(q Path) bool {
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

// String renders the path as Terraform shows attribute paths:
// pipeline_actions[0].configuration["ProjectName"].
func (p Path) String() string {
	var b strings.Builder
	for _, step := range p {
		switch s := step.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s)
		case int:
			fmt.Fprintf(&b, "[%d]", s)
		case MapKey:
			fmt.Fprintf(&b, "[%q]", string(s))
		}
	}
	return b.String()
}
