package corpus

import (
	"fmt"
	"strings"
)

// tagSets are request values of the multivalued key aws:TagKeys; nil is a
// request without the key, and the empty set is a present key with no value.
var tagSets = [][]string{{"env"}, {"env", "team"}, {"env", "other"}, {"other"}, {"Env"}, {}, nil}

func label(set []string) string {
	if set == nil {
		return absent
	}
	return "[" + strings.Join(set, ",") + "]"
}

func (b *builder) setOperators() {
	bases := []struct {
		operator string
		policy   []any
	}{
		{"StringEquals", []any{"env", "team"}},
		{"StringNotEquals", []any{"env", "team"}},
		{"StringEqualsIgnoreCase", []any{"env", "team"}},
		{"StringNotEqualsIgnoreCase", []any{"env", "team"}},
		{"StringLike", []any{"e*", "t?am"}},
		{"StringNotLike", []any{"e*", "t?am"}},
	}
	for _, set := range []string{"ForAnyValue", "ForAllValues"} {
		for _, base := range bases {
			for _, tags := range tagSets {
				b.tagCase(fmt.Sprintf("set/%s:%s/%s/req=%s", set, base.operator, show(base.policy), label(tags)),
					set+":"+base.operator, base.policy, tags)
			}
		}
	}
	// A plain operator never matches a multivalued key, whatever its values;
	// IfExists and negation still decide for a missing key.
	for _, op := range []string{"StringEquals", "StringNotEquals", "StringEqualsIfExists", "StringNotEqualsIfExists", "StringLike"} {
		for _, tags := range [][]string{{"env"}, {"env", "team"}, {}, nil} {
			b.tagCase(fmt.Sprintf("set/plain-%s/req=%s", op, label(tags)), op, "env", tags)
		}
	}
	// IfExists does not change the set operators.
	for _, op := range []string{"ForAnyValue:StringEqualsIfExists", "ForAllValues:StringEqualsIfExists"} {
		for _, tags := range [][]string{{"env"}, {"other"}, nil} {
			b.tagCase(fmt.Sprintf("set/%s/req=%s", op, label(tags)), op, "env", tags)
		}
	}
	// Set operators on a single-valued key treat its value as a set of one.
	for _, op := range []string{"ForAnyValue:StringEquals", "ForAllValues:StringEquals", "ForAllValues:StringNotEquals"} {
		for _, team := range []string{"dev", "qa", absent} {
			var context map[string][]string
			if team != absent {
				context = ctx("aws:PrincipalTag/team", team)
			}
			b.identity(fmt.Sprintf("set/single-key/%s/req=%s", op, team), "s3:GetObject", object, context,
				doc(allow("s3:GetObject", "*").when(op, "aws:PrincipalTag/team", "dev")))
		}
	}
	// Other multivalued keys, and a Deny that limits the tags a request may carry.
	calledVia := [][]string{{"cloudformation.amazonaws.com"}, {"codepipeline.amazonaws.com", "cloudformation.amazonaws.com"}, {"athena.amazonaws.com"}, nil}
	for _, via := range calledVia {
		var context map[string][]string
		if via != nil {
			context = map[string][]string{"aws:CalledVia": via}
		}
		b.identity("set/called-via/"+label(via), "s3:GetObject", object, context,
			doc(allow("s3:GetObject", "*").when("ForAnyValue:StringLike", "aws:CalledVia", []any{"cloudformation.*", "codepipeline.*"})))
	}
	for _, tags := range tagSets {
		var context map[string][]string
		if tags != nil {
			context = map[string][]string{"aws:TagKeys": tags}
		}
		b.identity("set/deny-other-tags/"+label(tags), "s3:GetObject", object, context,
			doc(allow("s3:GetObject", "*"),
				deny("s3:GetObject", "*").when("ForAnyValue:StringNotEquals", "aws:TagKeys", []any{"env", "team"})))
	}
}

func (b *builder) tagCase(name, operator string, policy any, tags []string) {
	var context map[string][]string
	if tags != nil {
		context = map[string][]string{"aws:TagKeys": tags}
	}
	b.identity(name, "s3:GetObject", object, context, doc(allow("s3:GetObject", "*").when(operator, "aws:TagKeys", policy)))
}
