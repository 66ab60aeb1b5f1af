// Command partitiongen extracts AWS partitions (id, region pattern, explicit
// regions) from the partition metadata of the AWS SDK for Go v2 (Apache-2.0),
// so the catalog gets them from the SDK release go.mod requires instead of a
// hand-kept list.
//
// Usage:
//
//	go run ./internal/catalog/internal/partitiongen -out internal/catalog/partitions.json
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
)

const (
	module = "github.com/aws/aws-sdk-go-v2"
	// sourcePath is the metadata file inside the module.
	sourcePath = "internal/endpoints/awsrulesfn/partitions.json"
)

// output is the file the catalog embeds.
type output struct {
	Source     string      `json:"source"`
	Partitions []partition `json:"partitions"`
}

type partition struct {
	ID          string   `json:"id"`
	RegionRegex string   `json:"regionRegex"`
	Regions     []string `json:"regions"`
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("partitiongen: ")
	in := flag.String("in", "", "the SDK's "+sourcePath+" (default: found in the module cache through go list)")
	out := flag.String("out", "partitions.json", "file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		log.Fatal(err)
	}
}

func run(in, out string) error {
	// go list reads the version from go.mod even with -in, so the source
	// field always names the release the provider is built against.
	var mod struct{ Version, Dir string }
	cmd := exec.Command("go", "list", "-m", "-json", module)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list -m %s: %w", module, err)
	}
	if err := json.Unmarshal(b, &mod); err != nil {
		return err
	}
	if in == "" {
		if mod.Dir == "" {
			return fmt.Errorf("%s@%s is not in the module cache: run go mod download %s, or pass -in", module, mod.Version, module)
		}
		in = filepath.Join(mod.Dir, filepath.FromSlash(sourcePath))
	}
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	data, err := convert(src, module+"@"+mod.Version+"/"+sourcePath)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	return os.WriteFile(out, data, 0o644)
}

// convert keeps partitions in the source's order, because the SDK matches
// region patterns in that order; regions are sorted, as the source holds
// them in an object.
func convert(src []byte, source string) ([]byte, error) {
	var in struct {
		Partitions []struct {
			ID          string                     `json:"id"`
			RegionRegex string                     `json:"regionRegex"`
			Regions     map[string]json.RawMessage `json:"regions"`
		} `json:"partitions"`
	}
	if err := json.Unmarshal(src, &in); err != nil {
		return nil, err
	}
	if len(in.Partitions) == 0 {
		return nil, errors.New("no partitions")
	}
	result := output{Source: source}
	seen := map[string]bool{}
	for _, p := range in.Partitions {
		if p.ID == "" || seen[p.ID] {
			return nil, fmt.Errorf("missing or repeated partition id %q", p.ID)
		}
		seen[p.ID] = true
		// The catalog compiles these with Go's regexp; fail here, not at run time.
		if _, err := regexp.Compile(p.RegionRegex); err != nil {
			return nil, fmt.Errorf("partition %s: %w", p.ID, err)
		}
		regions := make([]string, 0, len(p.Regions))
		for r := range p.Regions {
			regions = append(regions, r)
		}
		slices.Sort(regions)
		result.Partitions = append(result.Partitions, partition{ID: p.ID, RegionRegex: p.RegionRegex, Regions: regions})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(result); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
