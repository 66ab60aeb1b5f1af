package policy

import (
	"regexp"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// values maps a placeholder such as "${Region}" to what it stands for. A
// placeholder with several values renders one string per value; one without
// values is unknown.
type values map[string][]string

var placeholderPattern = regexp.MustCompile(`\$\{[A-Za-z0-9]+\}`)

// renderResource fills a resource template. Unknown placeholders inside an ARN
// become "*". A template that is a whole placeholder (a complete ARN) renders
// nothing while unknown: a missing ARN must never widen to "*".
func (v values) renderResource(template string) []string {
	if placeholderPattern.FindString(template) == template && len(v[template]) == 0 {
		return nil
	}
	return v.expand(template, "*")
}

// renderCondition fills condition keys and values. An entry whose key or values
// hold an unknown placeholder is left out: it narrows by a value not yet known.
func (v values) renderCondition(condition map[string]map[string][]string) map[string]map[string][]string {
	rendered := map[string]map[string][]string{}
	for operator, entries := range condition {
		for key, templates := range entries {
			keys := v.expand(key, "")
			if len(keys) != 1 {
				continue
			}
			var vals []string
			complete := true
			for _, t := range templates {
				expanded := v.expand(t, "")
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

// expand renders template once per combination of placeholder values. With an
// empty unknown, a template holding an unknown placeholder renders nothing.
func (v values) expand(template, unknown string) []string {
	loc := placeholderPattern.FindStringIndex(template)
	if loc == nil {
		return []string{template}
	}
	name := template[loc[0]:loc[1]]
	choices := v[name]
	if len(choices) == 0 {
		if unknown == "" {
			return nil
		}
		choices = []string{unknown}
	}
	var out []string
	for _, choice := range choices {
		rest := v.expand(template[loc[1]:], unknown)
		for _, tail := range rest {
			out = append(out, template[:loc[0]]+choice+tail)
		}
	}
	return out
}

// contextValues are the pipeline-wide placeholder values of a request.
func contextValues(req Request) values {
	v := values{catalog.Partition: {req.partition()}}
	if req.Region != "" {
		v[catalog.Region] = []string{req.Region}
	}
	if req.AccountID != "" {
		v[catalog.Account] = []string{req.AccountID}
	}
	for _, store := range req.ArtifactStores {
		v[catalog.ArtifactBucket] = append(v[catalog.ArtifactBucket], store.Location)
		if store.EncryptionKeyID != "" {
			v[catalog.ArtifactKeyArn] = append(v[catalog.ArtifactKeyArn], store.EncryptionKeyID)
		}
	}
	return v
}
