package iameval

import (
	"fmt"
	"strings"
)

type setOperator int

const (
	noSet setOperator = iota
	forAnyValue
	forAllValues
)

// operator is a parsed condition operator such as "ForAllValues:StringLikeIfExists".
type operator struct {
	set      setOperator
	base     *comparison // nil for Null
	ifExists bool
}

// comparison is a base operator. compare reports whether a request value
// satisfies one policy value; ok is false when either side is not of the
// operator's type (or a variable is unresolved), which fails the value for
// the negated operator as well as for the plain one.
type comparison struct {
	negated bool
	compare func(request, value string, e expander) (result, ok bool)
}

var comparisons = map[string]*comparison{
	"stringequals":              {false, compareString(false)},
	"stringnotequals":           {true, compareString(false)},
	"stringequalsignorecase":    {false, compareString(true)},
	"stringnotequalsignorecase": {true, compareString(true)},
	"stringlike":                {false, compareStringLike},
	"stringnotlike":             {true, compareStringLike},
	"numericequals":             {false, compareNumber(func(c int) bool { return c == 0 })},
	"numericnotequals":          {true, compareNumber(func(c int) bool { return c == 0 })},
	"numericlessthan":           {false, compareNumber(func(c int) bool { return c < 0 })},
	"numericlessthanequals":     {false, compareNumber(func(c int) bool { return c <= 0 })},
	"numericgreaterthan":        {false, compareNumber(func(c int) bool { return c > 0 })},
	"numericgreaterthanequals":  {false, compareNumber(func(c int) bool { return c >= 0 })},
	"dateequals":                {false, compareDate(func(c int) bool { return c == 0 })},
	"datenotequals":             {true, compareDate(func(c int) bool { return c == 0 })},
	"datelessthan":              {false, compareDate(func(c int) bool { return c < 0 })},
	"datelessthanequals":        {false, compareDate(func(c int) bool { return c <= 0 })},
	"dategreaterthan":           {false, compareDate(func(c int) bool { return c > 0 })},
	"dategreaterthanequals":     {false, compareDate(func(c int) bool { return c >= 0 })},
	"bool":                      {false, compareBool},
	"binaryequals":              {false, compareBinary},
	"ipaddress":                 {false, compareIP},
	"notipaddress":              {true, compareIP},
	"arnequals":                 {false, compareARN},
	"arnlike":                   {false, compareARN},
	"arnnotequals":              {true, compareARN},
	"arnnotlike":                {true, compareARN},
}

// parseOperator accepts the operator names of the IAM reference in any case,
// with an optional ForAnyValue:/ForAllValues: prefix and IfExists suffix.
func parseOperator(name string) (operator, error) {
	var op operator
	rest := name
	if prefix, base, found := strings.Cut(name, ":"); found {
		switch strings.ToLower(prefix) {
		case "foranyvalue":
			op.set = forAnyValue
		case "forallvalues":
			op.set = forAllValues
		default:
			return op, fmt.Errorf("unknown set operator %q in %q (want ForAnyValue or ForAllValues)", prefix, name)
		}
		rest = base
	}
	lower := strings.ToLower(rest)
	if lower == "null" {
		if op.set != noSet {
			return op, fmt.Errorf("operator %q: Null takes no set operator", name)
		}
		return op, nil
	}
	if trimmed, found := strings.CutSuffix(lower, "ifexists"); found {
		if trimmed == "null" {
			return op, fmt.Errorf("operator %q: Null has no IfExists form", name)
		}
		op.ifExists = true
		lower = trimmed
	}
	op.base = comparisons[lower]
	if op.base == nil {
		return op, fmt.Errorf("unknown condition operator %q", name)
	}
	return op, nil
}

// holds evaluates one operator on one condition key, following the IAM
// reference: a missing key fails the plain operator and satisfies its
// negated or IfExists form; ForAllValues holds for a missing or empty set and
// ForAnyValue fails; a plain operator never matches a multivalued key.
func (op operator) holds(key string, values []string, ctx requestContext, e expander) bool {
	v, present := ctx.lookup(key)
	if op.base == nil {
		for _, want := range values {
			if strings.EqualFold(want, "true") && !present || strings.EqualFold(want, "false") && present {
				return true
			}
		}
		return false
	}
	switch op.set {
	case forAnyValue:
		for _, r := range v.values {
			if op.base.test(r, values, e) {
				return true
			}
		}
		return false
	case forAllValues:
		for _, r := range v.values {
			if !op.base.test(r, values, e) {
				return false
			}
		}
		return true
	}
	if !present {
		return op.ifExists || op.base.negated
	}
	if v.multi {
		return false
	}
	return op.base.test(v.values[0], values, e)
}

// test applies the base operator to one request value: policy values are
// OR-ed for a plain operator; a negated one needs every value to differ.
func (c *comparison) test(request string, values []string, e expander) bool {
	for _, value := range values {
		result, ok := c.compare(request, value, e)
		if c.negated && (!ok || result) {
			return false
		}
		if !c.negated && ok && result {
			return true
		}
	}
	return c.negated
}

// conditionsHold reports whether every condition of a statement holds:
// operators and keys are AND-ed.
func conditionsHold(cond map[string]map[string][]string, ctx requestContext, e expander) bool {
	for name, keys := range cond {
		op, err := parseOperator(name)
		if err != nil {
			return false // only a hand-built Statement gets here; Parse refuses it
		}
		for key, values := range keys {
			if !op.holds(key, values, ctx, e) {
				return false
			}
		}
	}
	return true
}
