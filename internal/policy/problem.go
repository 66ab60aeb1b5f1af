// Package policy turns a selection of CodePipeline action types into the IAM
// policy document their pipeline's service role needs. It is pure Go: no I/O,
// no Terraform types, the same output for the same request.
package policy

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
