package policy

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// TestPatternMatchesRegexp checks that every pattern the builder uses, and a
// few shapes none uses yet, match exactly as the regexp package does, around
// each repetition bound above all.
func TestPatternMatchesRegexp(t *testing.T) {
	examples := map[string]string{ // pattern → a matching name, when known
		`^(?:[a-z]{1,40}-)+[0-9]{1,50}$`: "abc-def-123",
		`^(ab){1,40}c{0,100}$`:           "ababcc",
		`^(?i)[a-z]{1,40}\.x{2,60}$`:     "AbC.xx",
		`^a{0,100}b{0,100}$`:             "aabb",
		`^[^/]{1,64}$`:                   "name",
		`^.{1,64}$`:                      "any name",
		`^(?s).{33,64}|z{40,50}$`:        strings.Repeat("y", 40),
	}
	for _, f := range []func() *pattern{regionPattern, accountPattern, bucketPattern, keyIDPattern,
		pipelineNamePattern, envNamePattern} {
		examples[f().expr] = ""
	}
	examples[catalog.SecretNaming.Pattern] = catalog.SecretNaming.Example
	for _, at := range slices.Concat(catalog.All(), catalog.Rules()) {
		for _, k := range at.ConfigKeys {
			if k.Naming != nil {
				examples[k.Naming.Pattern] = k.Naming.Example
			}
		}
	}
	relaxed, matched := 0, 0
	for expr, example := range examples {
		p, re := newPattern(expr), regexp.MustCompile(expr)
		if p.bound >= 0 {
			relaxed++
		}
		for _, s := range patternInputs(expr, example) {
			want := re.MatchString(s)
			if got := p.MatchString(s); got != want {
				t.Errorf("%s on %q (%d bytes): got %v, want %v", expr, s, len(s), got, want)
			}
			if want {
				matched++
			}
		}
	}
	if relaxed < 5 || matched < 1000 {
		t.Errorf("only %d patterns relaxed and %d inputs matched: the test no longer exercises the relaxed path", relaxed, matched)
	}
}

// patternInputs are the example stretched to each repetition bound and just
// past it, and random strings over the example's characters and a few others.
func patternInputs(expr, example string) []string {
	lengths := []int{0, 1, 2, longRepeat, longRepeat + 1, 1001}
	tree, _ := syntax.Parse(expr, syntax.Perl)
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		if re.Op == syntax.OpRepeat {
			lengths = append(lengths, re.Min-1, re.Min, re.Max-1, re.Max, re.Max+1, re.Max+2, 2*re.Max)
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(tree)
	inputs := []string{example, "\xff", "é", "a\x00b", " "}
	runes := []rune(example)
	for _, n := range lengths {
		for _, r := range runes {
			// The example with one of its characters repeated to n characters,
			// inside it and at either end.
			if n <= len(runes) {
				continue
			}
			fill := strings.Repeat(string(r), n-len(runes)+1)
			inputs = append(inputs,
				string(runes[:1])+fill+string(runes[1:]),
				example+fill[1:],
				fill[1:]+example,
				string(runes[:len(runes)-1])+fill)
		}
		inputs = append(inputs, strings.Repeat("a", max(n, 0)), strings.Repeat("é", max(n, 0)))
	}
	rng := rand.New(rand.NewPCG(1, uint64(len(expr))))
	pool := append([]rune(example), '/', '-', '.', '_', 'A', 'z', '0', 'é', utf8Invalid)
	for range 300 {
		var b strings.Builder
		for range rng.IntN(2 * (longRepeat + 1 + rng.IntN(600))) {
			if r := pool[rng.IntN(len(pool))]; r == utf8Invalid {
				b.WriteByte(0xff)
			} else {
				b.WriteRune(r)
			}
		}
		inputs = append(inputs, b.String())
	}
	return inputs
}

// utf8Invalid stands for an invalid UTF-8 byte in patternInputs' pool.
const utf8Invalid = -1

// BenchmarkNamePatternFirstUse is what the first validation in a provider
// process pays for a long name rule: compiling it and matching once.
func BenchmarkNamePatternFirstUse(b *testing.B) {
	for name, expr := range map[string]string{
		"project": `^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$`,
		"role":    `^(?:[\x21-\x7e]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$`,
	} {
		b.Run(name+"/pattern", func(b *testing.B) {
			for b.Loop() {
				newPattern(expr).MatchString("web-frontend-build")
			}
		})
		b.Run(name+"/regexp", func(b *testing.B) {
			for b.Loop() {
				regexp.MustCompile(expr).MatchString("web-frontend-build")
			}
		})
	}
}
