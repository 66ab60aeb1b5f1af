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
		{"audit_guide.tmpl", "guides/auditing-service-role.md.tmpl"},
	} {
		var buf bytes.Buffer
		if err := tmpl.ExecuteTemplate(&buf, page.name, rows()); err != nil {
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

// row is one action type as the tables show it.
type row struct {
	Key, Owner, SupportDate, DocsURL, Note string
	ScopingKeys, Actions                   string
	Wildcards                              []wildcard
}

type wildcard struct{ Sid, Actions, Why string }

func rows() []row {
	var out []row
	for _, at := range catalog.All() {
		r := row{Key: at.Key(), Owner: at.Owner, SupportDate: at.SupportDate, DocsURL: at.DocsURL, Note: at.Note}
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
