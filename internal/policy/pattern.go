package policy

import (
	"regexp"
	"regexp/syntax"
	"sync"
	"unicode/utf8"
)

// longRepeat is the largest repetition bound a pattern is compiled with. The
// regexp package copies the repeated expression once per allowed repetition,
// so a name rule such as [A-Za-z0-9_-]{1,255} takes about a millisecond to
// compile into a large program, and every provider process that validates
// compiles each rule it uses.
const longRepeat = 32

// pattern matches exactly like the regular expression it is made from. It
// matches with a relaxed copy whose long bounded repetitions of one character
// (x{m,n}, n > longRepeat) are unbounded (x{m,}): in an input of at most n
// characters no repetition of one character can exceed n, so up to the
// smallest such bound the two agree. Longer inputs, rare for names, use the
// expression as written, compiled when first needed.
type pattern struct {
	expr    string
	relaxed *regexp.Regexp
	bound   int // inputs of at most bound characters match relaxed; -1: always
	exact   func() *regexp.Regexp
}

func newPattern(expr string) *pattern {
	tree, err := syntax.Parse(expr, syntax.Perl) // as regexp.Compile parses
	if err != nil {
		panic("policy: invalid pattern " + expr + ": " + err.Error())
	}
	p := &pattern{expr: expr, bound: -1}
	p.exact = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
	var relax func(re *syntax.Regexp)
	relax = func(re *syntax.Regexp) {
		if re.Op == syntax.OpRepeat && re.Max > longRepeat && oneCharacter(re.Sub[0]) {
			if p.bound < 0 || re.Max < p.bound {
				p.bound = re.Max
			}
			re.Max = -1
		}
		for _, sub := range re.Sub {
			relax(sub)
		}
	}
	relax(tree)
	if p.bound < 0 {
		p.relaxed = p.exact()
	} else {
		p.relaxed = regexp.MustCompile(tree.String())
	}
	return p
}

// oneCharacter reports whether re always matches exactly one character.
func oneCharacter(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true
	case syntax.OpLiteral:
		return len(re.Rune) == 1
	}
	return false
}

// MatchString reports whether s matches the pattern. Characters are counted
// as the regexp package decodes them: each invalid UTF-8 byte is one.
func (p *pattern) MatchString(s string) bool {
	if p.bound < 0 || len(s) <= p.bound || utf8.RuneCountInString(s) <= p.bound {
		return p.relaxed.MatchString(s)
	}
	return p.exact().MatchString(s)
}

// lazyPattern makes a pattern on first use, so that nothing is compiled when
// the provider starts: schema-only launches never validate.
func lazyPattern(expr string) func() *pattern {
	return sync.OnceValue(func() *pattern { return newPattern(expr) })
}
