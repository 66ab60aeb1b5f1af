package policy

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
)

// record is one value of a placeholder source: the value itself and, for
// ARNs, its Partition, Region and Account. Name is the resource's name and
// Qualifier a version or alias that follows it. Every field holds the input as
// given: the renderer escapes it (see literal), so no input can be a pattern.
type record struct {
	Value, Partition, Region, Account, Name, Qualifier string
	// pattern follows Name unescaped: the only way a wildcard enters a
	// rendered value, and only from the catalog (catalog.SecretSuffix) or for
	// a value resolved at run time, which reason then reports.
	pattern string
	// known is false for the stand-in of a source without values.
	known bool
	// reason says why a known record is still wider than its input, such
	// as a secret whose name is resolved at run time.
	reason Text
}

// field returns one field of the record, escaped; a plain name is its own
// Name, and has no Partition, Region or Account of its own.
func (r record) field(name string) (string, bool) {
	switch name {
	case "":
		return literal(r.Value), true
	case "Name":
		return literal(cmp.Or(r.Name, r.Value)) + r.pattern, true
	case "Qualified":
		if r.Qualifier == "" {
			return literal(r.Name), true
		}
		return literal(r.Name + ":" + r.Qualifier), true
	case "Qualifier":
		return literal(r.Qualifier), r.Qualifier != ""
	}
	value, ok := r.place(name)
	return literal(value), ok
}

// place returns an ARN's Partition, Region or Account.
func (r record) place(name string) (string, bool) {
	switch name {
	case "Partition":
		return r.Partition, r.Partition != ""
	case "Region":
		return r.Region, r.Region != ""
	case "Account":
		return r.Account, r.Account != ""
	}
	return "", false
}

// literal is the one gate between an input and a document: it escapes the
// characters IAM reads as wildcards or policy variables in resources and
// string conditions (${*}, ${?}, ${$}), so every value names exactly itself.
func literal(value string) string {
	if !strings.ContainsAny(value, "*?$") {
		return value
	}
	var b strings.Builder
	for _, r := range value {
		switch r {
		case '*', '?', '$':
			b.WriteString("${" + string(r) + "}")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// values maps a placeholder source ("Region", "ProjectName", "RoleArn") to its
// values. A source with several values renders one string per value; one
// without values is unknown.
type values map[string][]record

// fallbackFields are the fields an unknown ARN falls back to: an ARN that is not
// given is assumed to live in the pipeline's partition, region and account.
var fallbackFields = map[string]bool{"Partition": true, "Region": true, "Account": true}

func (v values) set(source, value string) {
	v[source] = append(v[source], record{Value: value, known: true})
}

// setARN records an ARN and its fields; name is the resource after typePrefix.
func (v values) setARN(source string, parsed arn.ARN, typePrefix string) {
	v[source] = append(v[source], record{
		Value:     parsed.String(),
		Partition: parsed.Partition,
		Region:    parsed.Region,
		Account:   parsed.AccountID,
		Name:      strings.TrimPrefix(parsed.Resource, typePrefix),
		known:     true,
	})
}

// piece is a part of a template: literal text, or a placeholder naming one
// of the template's sources (by index) and a field.
type piece struct {
	literal string
	source  int // index into parsed.sources; -1 for literal text
	field   string
}

// parsed is a template split into pieces, with its distinct sources in order.
type parsed struct {
	pieces  []piece
	sources []string
}

// parsedTemplates caches parsed templates. Templates are catalog data, so the
// cache stays as small as the catalog; reads may run in parallel.
var parsedTemplates sync.Map

// parse splits a template into literal text and "${Source.Field}" placeholders.
func parse(template string) *parsed {
	if cached, ok := parsedTemplates.Load(template); ok {
		if p, ok := cached.(*parsed); ok {
			return p
		}
	}
	p := &parsed{}
	rest := template
	for {
		start := strings.Index(rest, "${")
		end := strings.IndexByte(rest[max(start, 0):], '}')
		if start < 0 || end < 0 {
			break
		}
		end += start
		if start > 0 {
			p.pieces = append(p.pieces, piece{literal: rest[:start], source: -1})
		}
		source, field, _ := strings.Cut(rest[start+2:end], ".")
		index := slices.Index(p.sources, source)
		if index < 0 {
			index = len(p.sources)
			p.sources = append(p.sources, source)
		}
		p.pieces = append(p.pieces, piece{source: index, field: field})
		rest = rest[end+1:]
	}
	if rest != "" {
		p.pieces = append(p.pieces, piece{literal: rest, source: -1})
	}
	parsedTemplates.Store(template, p)
	return p
}

// scope resolves placeholder sources for one step: its own values first,
// then the pipeline's. The unset maps say why a source has no value.
type scope struct {
	own, pipeline           values
	ownUnset, pipelineUnset map[string]Text
}

func (s scope) get(source string) []record {
	if r, ok := s.own[source]; ok {
		return r
	}
	return s.pipeline[source]
}

// unsetReason says which input would give source a value.
func (s scope) unsetReason(source string) Text {
	if r, ok := s.ownUnset[source]; ok {
		return r
	}
	if _, ok := s.own[source]; ok {
		return nil
	}
	return s.pipelineUnset[source]
}

// text is a rendered template and the reasons it is wider than its input
// could have made it.
type text struct {
	value   string
	reasons []Text
}

// renderResource fills a resource template, once per combination of values;
// unknown values become "*". A template that is one placeholder standing for a
// whole ARN renders nothing while unknown: a missing ARN never widens to "*".
func (s scope) renderResource(template string) []text {
	p := parse(template)
	if len(p.pieces) == 1 && p.pieces[0].source == 0 && len(s.get(p.sources[0])) == 0 {
		return nil
	}
	return s.expand(p, template, "*")
}

// renderCondition fills condition keys and values. An entry whose key or values
// hold an unknown value is left out: it narrows by a value not known yet, and
// the reasons say so. Under a *Like operator an unknown value is "*".
func (s scope) renderCondition(condition map[string]map[string][]string) (map[string]map[string][]string, []Text) {
	if len(condition) == 0 {
		return nil, nil
	}
	if !conditionHasPlaceholder(condition) {
		return condition, nil // shared and never modified
	}
	rendered := map[string]map[string][]string{}
	var reasons []Text
	for operator, entries := range condition {
		unknownValue := ""
		if strings.HasSuffix(operator, "Like") {
			unknownValue = "*"
		}
		for key, templates := range entries {
			keyParsed := parse(key)
			keys := s.expand(keyParsed, key, "")
			if len(keys) != 1 {
				reasons = append(reasons, s.missing(keyParsed, key)...)
				continue
			}
			var vals []string
			complete := true
			for _, t := range templates {
				valueParsed := parse(t)
				expanded := s.expand(valueParsed, t, unknownValue)
				if len(expanded) == 0 {
					complete = false
					reasons = append(reasons, s.missing(valueParsed, t)...)
				}
				for _, e := range expanded {
					vals = append(vals, e.value)
					reasons = append(reasons, e.reasons...)
				}
			}
			if !complete {
				continue
			}
			if rendered[operator] == nil {
				rendered[operator] = map[string][]string{}
			}
			rendered[operator][keys[0].value] = sortedUnique(vals)
		}
	}
	return rendered, reasons
}

// missing gives the reasons a template cannot be rendered: those of the
// values it would need a wildcard for.
func (s scope) missing(p *parsed, template string) []Text {
	var reasons []Text
	for _, t := range s.expand(p, template, "*") {
		reasons = append(reasons, t.reasons...)
	}
	return reasons
}

func conditionHasPlaceholder(condition map[string]map[string][]string) bool {
	for _, entries := range condition {
		for key, values := range entries {
			if strings.Contains(key, "${") || slices.ContainsFunc(values, func(v string) bool { return strings.Contains(v, "${") }) {
				return true
			}
		}
	}
	return false
}

// expand renders a template for every combination of its sources' values. The
// fields of one source stay together (an ARN's account goes with its name).
// With an empty unknown, a template needing an unknown value renders nothing.
func (s scope) expand(p *parsed, template, unknown string) []text {
	if len(p.sources) == 0 {
		return []text{{value: template}}
	}
	var stack [4]record // most templates have few sources; chosen then stays on the stack
	chosen := stack[:0]
	if len(p.sources) > len(stack) {
		chosen = make([]record, 0, len(p.sources))
	}
	chosen = chosen[:len(p.sources)]
	var out []text
	s.fill(p, chosen, 0, unknown, &out)
	return out
}

func (s scope) fill(p *parsed, chosen []record, i int, unknown string, out *[]text) {
	if i == len(p.sources) {
		if rendered, ok := s.substitute(p, chosen, unknown); ok {
			*out = append(*out, rendered)
		}
		return
	}
	records := s.get(p.sources[i])
	if len(records) == 0 {
		records = []record{{}}
	}
	for _, r := range records {
		chosen[i] = r
		s.fill(p, chosen, i+1, unknown, out)
	}
}

func (s scope) substitute(p *parsed, chosen []record, unknown string) (text, bool) {
	var b strings.Builder
	var reasons []Text
	for _, piece := range p.pieces {
		if piece.source < 0 {
			b.WriteString(piece.literal)
			continue
		}
		r := chosen[piece.source]
		if r.reason != nil {
			reasons = append(reasons, r.reason)
		}
		value, known := s.lookup(piece.field, r)
		if !known {
			if unknown == "" {
				return text{}, false
			}
			value = unknown
			if !r.known {
				reasons = append(reasons, s.unsetReason(p.sources[piece.source]))
			}
			if fallbackFields[piece.field] {
				reasons = append(reasons, s.unsetReason(piece.field))
			}
		}
		b.WriteString(value)
	}
	rendered := b.String()
	for strings.Contains(rendered, "**") {
		rendered = strings.ReplaceAll(rendered, "**", "*")
	}
	return text{value: rendered, reasons: compactReasons(reasons)}, true
}

// compactReasons drops empty and repeated reasons, keeping their order.
func compactReasons(reasons []Text) []Text {
	var out []Text
	for _, r := range reasons {
		if len(r) > 0 && !slices.ContainsFunc(out, func(o Text) bool { return o.String() == r.String() }) {
			out = append(out, r)
		}
	}
	return out
}

// lookup finds a field in the chosen record, falling back to the action's or
// pipeline's partition, region or account for an ARN that is not given.
func (s scope) lookup(field string, r record) (string, bool) {
	if r.known {
		if value, ok := r.field(field); ok {
			return value, true
		}
	}
	if fallback := s.get(field); fallbackFields[field] && len(fallback) > 0 {
		return literal(fallback[0].Value), true
	}
	return "", false
}
