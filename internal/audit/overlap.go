package audit

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// globToken is a literal character or a wildcard of a policy string.
type globToken struct {
	r          rune
	star, once bool // '*' or '?'
}

// overlaps reports whether some resource matches both ours, a resource of
// the built policy, and theirs, a Resource entry of a document. Like IAM it
// compares an ARN field by field (a short entry ending in '*' stands for the
// fields it lacks), but it ignores case everywhere and reads every policy
// variable of theirs as '*': it may find an overlap IAM would not, never the
// other way round, so a carve-out is never missed.
func overlaps(ours, theirs string) bool {
	theirs = variable.ReplaceAllString(theirs, "*")
	if theirs == "*" {
		return true
	}
	a, b := strings.SplitN(ours, ":", 6), strings.SplitN(theirs, ":", 6)
	for len(b) < 6 && strings.HasSuffix(theirs, "*") {
		b = append(b, "*")
	}
	if len(a) != 6 || len(b) != 6 {
		return globOverlap(ours, theirs)
	}
	for i := range a {
		if !globOverlap(a[i], b[i]) {
			return false
		}
	}
	return true
}

// globOverlap reports whether some string matches both patterns.
func globOverlap(ours, theirs string) bool {
	a, b := globTokens(ours), globTokens(theirs)
	// Walk both patterns over one common string; a state is a position in each.
	type state struct{ i, j int }
	seen := map[state]bool{}
	var visit func(i, j int) bool
	visit = func(i, j int) bool {
		if seen[state{i, j}] {
			return false
		}
		seen[state{i, j}] = true
		if i == len(a) && j == len(b) {
			return true
		}
		if i < len(a) && a[i].star && visit(i+1, j) || j < len(b) && b[j].star && visit(i, j+1) {
			return true // a star that matches nothing more
		}
		if i == len(a) || j == len(b) || !a[i].accepts(b[j]) {
			return false
		}
		return visit(next(a, i), next(b, j)) // both read one common character
	}
	return visit(0, 0)
}

// next is the position after reading a character: a star may read more.
func next(tokens []globToken, i int) int {
	if tokens[i].star {
		return i
	}
	return i + 1
}

// accepts reports whether one character can satisfy both tokens.
func (t globToken) accepts(u globToken) bool {
	if t.star || t.once || u.star || u.once {
		return true
	}
	return t.r == u.r || strings.EqualFold(string(t.r), string(u.r))
}

// variable is a policy variable of a document, which may stand for anything.
var variable = regexp.MustCompile(`\$\{[^}]*\}`)

// globTokens splits a pattern; ${*}, ${?} and ${$} are the characters themselves.
func globTokens(s string) []globToken {
	var out []globToken
	for i := 0; i < len(s); {
		if isEscape(s[i:]) {
			out = append(out, globToken{r: rune(s[i+2])})
			i += 4
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, globToken{r: r, star: r == '*', once: r == '?'})
		i += size
	}
	return out
}
