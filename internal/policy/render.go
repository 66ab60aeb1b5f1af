package policy

import (
	"regexp"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
)

// record is one value of a placeholder source: the value itself under "" and,
// for ARNs, its Partition, Region, Account and Name fields.
type record map[string]string

// values maps a placeholder source ("Region", "ProjectName", "RoleArn") to its
// values. A source with several values renders one string per value; one
// without values is unknown.
type values map[string][]record

var placeholderPattern = regexp.MustCompile(`\$\{([A-Za-z0-9]+)(?:\.([A-Za-z]+))?\}`)

// fallbackFields are the fields an unknown ARN falls back to: an ARN that is not
// given is assumed to live in the pipeline's partition, region and account.
var fallbackFields = map[string]bool{"Partition": true, "Region": true, "Account": true}

func (v values) set(source, value string) { v[source] = append(v[source], record{"": value}) }

// setARN records an ARN and its fields; name is the resource after typePrefix.
func (v values) setARN(source string, parsed arn.ARN, typePrefix string) {
	v[source] = append(v[source], record{
		"":          parsed.String(),
		"Partition": parsed.Partition,
		"Region":    parsed.Region,
		"Account":   parsed.AccountID,
		"Name":      strings.TrimPrefix(parsed.Resource, typePrefix),
	})
}

// with returns a copy of v with the sources of more replacing its own.
func (v values) with(more values) values {
	out := make(values, len(v)+len(more))
	for k, r := range v {
		out[k] = r
	}
	for k, r := range more {
		out[k] = r
	}
	return out
}

// renderResource fills a resource template, once per combination of values;
// unknown values become "*". A template that is one placeholder standing for a
// whole ARN renders nothing while unknown: a missing ARN never widens to "*".
func (v values) renderResource(template string) []string {
	if m := placeholderPattern.FindStringSubmatch(template); m != nil && m[0] == template && len(v[m[1]]) == 0 {
		return nil
	}
	return v.expand(template, "*")
}

// renderCondition fills condition keys and values. An entry whose key or values
// hold an unknown value is left out: it narrows by a value not known yet. Under
// a *Like operator an unknown value is "*", which matches any value.
func (v values) renderCondition(condition map[string]map[string][]string) map[string]map[string][]string {
	rendered := map[string]map[string][]string{}
	for operator, entries := range condition {
		unknownValue := ""
		if strings.HasSuffix(operator, "Like") {
			unknownValue = "*"
		}
		for key, templates := range entries {
			keys := v.expand(key, "")
			if len(keys) != 1 {
				continue
			}
			var vals []string
			complete := true
			for _, t := range templates {
				expanded := v.expand(t, unknownValue)
				complete = complete && len(expanded) > 0
				vals = append(vals, expanded...)
			}
			if !complete {
				continue
			}
			if rendered[operator] == nil {
				rendered[operator] = map[string][]string{}
			}
			rendered[operator][keys[0]] = sortedUnique(vals)
		}
	}
	return rendered
}

// expand renders template for every combination of its sources' values. The
// fields of one source stay together (an ARN's account goes with its name).
// With an empty unknown, a template needing an unknown value renders nothing.
func (v values) expand(template, unknown string) []string {
	var sources []string
	seen := map[string]bool{}
	for _, m := range placeholderPattern.FindAllStringSubmatch(template, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			sources = append(sources, m[1])
		}
	}
	var out []string
	var fill func(i int, chosen map[string]record)
	fill = func(i int, chosen map[string]record) {
		if i == len(sources) {
			if s, ok := v.substitute(template, chosen, unknown); ok {
				out = append(out, s)
			}
			return
		}
		records := v[sources[i]]
		if len(records) == 0 {
			records = []record{nil}
		}
		for _, r := range records {
			chosen[sources[i]] = r
			fill(i+1, chosen)
		}
	}
	fill(0, map[string]record{})
	return out
}

func (v values) substitute(template string, chosen map[string]record, unknown string) (string, bool) {
	complete := true
	s := placeholderPattern.ReplaceAllStringFunc(template, func(token string) string {
		m := placeholderPattern.FindStringSubmatch(token)
		if r := chosen[m[1]]; r != nil {
			if value, ok := r[m[2]]; ok {
				return value
			}
			if !fallbackFields[m[2]] {
				return r[""] // a plain name is its own Name
			}
		}
		if fallbackFields[m[2]] && len(v[m[2]]) > 0 {
			return v[m[2]][0][""]
		}
		complete = false
		return unknown
	})
	if !complete && unknown == "" {
		return "", false
	}
	for strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "*")
	}
	return s, true
}
