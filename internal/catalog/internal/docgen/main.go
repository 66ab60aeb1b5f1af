// Command docgen writes the tfplugindocs templates whose tables come from the
// permission catalog, so the documentation cannot drift from what the
// provider grants. Run it through `make generate`.
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

//go:embed pages
var pages embed.FS

func main() {
	out := flag.String("out", "templates", "the tfplugindocs templates folder to write into")
	flag.Parse()
	// [[ ]] delimiters leave tfplugindocs' own {{ }} directives in place.
	tmpl := template.Must(template.New("").Delims("[[", "]]").ParseFS(pages, "pages/*.tmpl"))
	for _, page := range []struct{ name, path string }{
		{"data_source.tmpl", "data-sources/service_role_policy.md.tmpl"},
		{"data_source_audit.tmpl", "data-sources/service_role_audit.md.tmpl"},
		{"guide.tmpl", "guides/migrating-service-role.md.tmpl"},
		{"cross_account.tmpl", "guides/cross-account-pipelines.md.tmpl"},
		{"audit_guide.tmpl", "guides/auditing-service-role.md.tmpl"},
		{"review_guide.tmpl", "guides/reviewing-a-plan.md.tmpl"},
		{"console_audit_guide.tmpl", "guides/auditing-console-pipelines.md.tmpl"},
		{"module_guide.tmpl", "guides/using-in-a-module.md.tmpl"},
	} {
		var buf bytes.Buffer
		if err := tmpl.ExecuteTemplate(&buf, page.name, pageData()); err != nil {
			log.Fatal(err)
		}
		target := filepath.Join(*out, page.path)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(target, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// data is what the pages show: the action types, the rule types, and the
// artifact store grants left out on purpose.
type data struct {
	Actions, Rules  []row
	ArtifactOmitted []omission
}

func pageData() data {
	var d data
	for _, r := range rows() {
		if r.Rule {
			d.Rules = append(d.Rules, r)
		} else {
			d.Actions = append(d.Actions, r)
		}
	}
	d.ArtifactOmitted = omissions(catalog.ArtifactStoreOmitted())
	return d
}

func omissions(list []catalog.Omission) []omission {
	var out []omission
	for _, o := range list {
		out = append(out, omission{"`" + strings.Join(o.Actions, "`, `") + "`", o.Source, o.Why})
	}
	return out
}

// row is one action or rule type as the tables show it.
type row struct {
	Key, Owner, SupportDate, DocsURL, Note, Deprecation string
	ScopingKeys, Actions                                string
	Rule                                                bool
	Wildcards                                           []wildcard
	Omitted                                             []omission
}

type wildcard struct{ Sid, Actions, Why string }

type omission struct{ Actions, Source, Why string }

func rows() []row {
	var out []row
	for _, at := range slices.Concat(catalog.All(), catalog.Rules()) {
		r := row{Key: at.Key(), Owner: at.Owner, SupportDate: at.SupportDate, DocsURL: at.DocsURL, Note: at.Note,
			Deprecation: at.Deprecation, Rule: at.Category == catalog.RuleCategory}
		r.Omitted = omissions(at.Omitted)
		var scoping, actions []string
		for _, k := range at.ConfigKeys {
			if k.Kind != catalog.Setting {
				scoping = append(scoping, "`"+k.Name+"`")
			}
		}
		seen := map[string]bool{}
		for _, s := range at.Statements {
			for _, a := range s.Actions {
				if !seen[a] {
					seen[a] = true
					actions = append(actions, "`"+a+"`")
				}
			}
			if slices.Contains(s.Resources, "*") && !seenWildcard(out, s.Sid) {
				r.Wildcards = append(r.Wildcards, wildcard{s.Sid, "`" + strings.Join(s.Actions, "`, `") + "`", s.Note})
			}
		}
		slices.Sort(actions)
		r.ScopingKeys = orDash(strings.Join(scoping, ", "))
		r.Actions = orDash(strings.Join(actions, ", "))
		out = append(out, r)
	}
	return out
}

// seenWildcard keeps a shared "*" statement to the first action type using it.
func seenWildcard(rows []row, sid string) bool {
	for _, r := range rows {
		for _, w := range r.Wildcards {
			if w.Sid == sid {
				return true
			}
		}
	}
	return false
}

func orDash(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func init() {
	log.SetFlags(0)
	log.SetPrefix(fmt.Sprintf("%s: ", filepath.Base(os.Args[0])))
}
