package iameval

import (
	"strings"
	"unicode/utf8"
)

// token is one unit of a policy string: a literal rune, or the wildcard '*' or '?'.
type token struct {
	r    rune
	wild bool
}

// pattern is a policy string after its policy variables were substituted.
// Substituted text is always literal: a '*' in a user name is not a wildcard.
type pattern struct {
	tokens []token
	// unresolved: a variable had no single value and no default, so the
	// string stands for nothing and matches nothing.
	unresolved bool
}

func (p *pattern) addLiteral(s string) {
	for _, r := range s {
		p.tokens = append(p.tokens, token{r: r})
	}
}

// literal is the pattern's text with wildcards as plain characters, for the
// operators that do not treat them as wildcards (StringEquals and the like).
func (p pattern) literal() string {
	var b strings.Builder
	for _, t := range p.tokens {
		b.WriteRune(t.r)
	}
	return b.String()
}

// expander substitutes policy variables from the request context.
type expander struct {
	ctx requestContext
	// variables is false for policies without Version 2012-10-17, where IAM
	// reads "${...}" as plain text.
	variables bool
}

func (e expander) expand(s string) pattern {
	var p pattern
	for i := 0; i < len(s); {
		if e.variables && strings.HasPrefix(s[i:], "${") {
			if end := strings.IndexByte(s[i+2:], '}'); end >= 0 {
				body := s[i+2 : i+2+end]
				i += end + 3
				switch body {
				case "*", "?", "$": // escapes for characters that are otherwise special
					p.addLiteral(body)
				default:
					if value, ok := e.variable(body); ok {
						p.addLiteral(value)
					} else {
						p.unresolved = true
					}
				}
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		p.tokens = append(p.tokens, token{r: r, wild: r == '*' || r == '?'})
		i += size
	}
	return p
}

// variable resolves "key" or "key, 'default'". Only a single-valued key
// can stand in a string; a multi-valued or missing one falls back to the
// default, if any.
func (e expander) variable(body string) (string, bool) {
	name, def, hasDefault := strings.Cut(body, ",")
	if hasDefault {
		def = strings.TrimSpace(def)
		if len(def) >= 2 && def[0] == '\'' && def[len(def)-1] == '\'' {
			def = def[1 : len(def)-1]
		} else {
			name, hasDefault = body, false
		}
	}
	if v, ok := e.ctx.single(strings.TrimSpace(name)); ok {
		return v, true
	}
	return def, hasDefault
}

// globMatch reports whether s matches p: '*' matches any run of characters,
// colons and slashes included, and '?' exactly one. fold ignores case.
func globMatch(p pattern, s string, fold bool) bool {
	if p.unresolved {
		return false
	}
	str := []rune(s)
	tokens := p.tokens
	ti, si := 0, 0
	star, mark := -1, 0
	for si < len(str) {
		switch {
		case ti < len(tokens) && tokens[ti].wild && tokens[ti].r == '*':
			star, mark = ti, si
			ti++
		case ti < len(tokens) && (tokens[ti].wild || sameRune(tokens[ti].r, str[si], fold)):
			ti++
			si++
		case star >= 0:
			ti = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for ti < len(tokens) && tokens[ti].wild && tokens[ti].r == '*' {
		ti++
	}
	return ti == len(tokens)
}

func sameRune(a, b rune, fold bool) bool {
	return a == b || fold && strings.EqualFold(string(a), string(b))
}
