package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// TestPartitionsAreCurrent re-runs the generator on the SDK release go.mod
// requires and compares; it is the only test reading outside the repository,
// and skips when the module is not in the module cache.
func TestPartitionsAreCurrent(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-json", "github.com/aws/aws-sdk-go-v2").Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			err = fmt.Errorf("%w: %s", err, exit.Stderr)
		}
		t.Skipf("aws-sdk-go-v2 not found: go list: %v", err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(mod.Dir, "internal", "endpoints", "awsrulesfn", "partitions.json")
	if _, err := os.Stat(in); mod.Dir == "" || errors.Is(err, fs.ErrNotExist) {
		t.Skip("aws-sdk-go-v2 is not in the module cache")
	}
	got := filepath.Join(t.TempDir(), "partitions.json")
	cmd := exec.Command("go", "run", "./internal/partitiongen", "-in", in, "-out", got)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("partitiongen: %v\n%s", err, b)
	}
	want, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(partitionsJSON, want) {
		t.Fatal("partitions.json differs from what partitiongen writes: run 'make partitions'")
	}
}

func TestPartitionOfRegion(t *testing.T) {
	for _, c := range []struct{ region, partition string }{
		{"us-east-1", "aws"},
		{"eu-west-1", "aws"},
		{"cn-north-1", "aws-cn"},
		{"us-gov-west-1", "aws-us-gov"},
		{"us-iso-east-1", "aws-iso"},
		// Regions the SDK release does not list yet resolve by pattern.
		{"ap-east-9", "aws"},
		{"cn-north-9", "aws-cn"},
		{"us-gov-north-9", "aws-us-gov"},
	} {
		if got, ok := PartitionOfRegion(c.region); !ok || got != c.partition {
			t.Errorf("PartitionOfRegion(%q) = %q, %v; want %q", c.region, got, ok, c.partition)
		}
		if !RegionInPartition(c.partition, c.region) {
			t.Errorf("RegionInPartition(%q, %q) = false", c.partition, c.region)
		}
	}
	for _, region := range []string{"", "mars-north-1", "US-EAST-1", "us-east-1a"} {
		if got, ok := PartitionOfRegion(region); ok {
			t.Errorf("PartitionOfRegion(%q) = %q; want no partition", region, got)
		}
	}
	for _, c := range []struct{ partition, region string }{
		{"aws-cn", "eu-west-1"},
		{"aws", "cn-north-1"},
		{"aws", "us-gov-west-1"},
		{"no-such-partition", "us-east-1"},
	} {
		if RegionInPartition(c.partition, c.region) {
			t.Errorf("RegionInPartition(%q, %q) = true", c.partition, c.region)
		}
	}
}

func TestPartitionIDs(t *testing.T) {
	ids := PartitionIDs()
	if len(ids) == 0 || ids[0] != "aws" {
		t.Fatalf("PartitionIDs() = %q; want aws first", ids)
	}
	for _, id := range []string{"aws-cn", "aws-us-gov"} {
		if !slices.Contains(ids, id) {
			t.Errorf("PartitionIDs() has no %s", id)
		}
	}
	// Callers get their own copy.
	ids[0] = "changed"
	if PartitionIDs()[0] != "aws" {
		t.Error("PartitionIDs shares its slice")
	}
}

// TestEveryPartitionHasARegion guards against a partition the rules can
// never return, such as one shadowed by an earlier pattern.
func TestEveryPartitionHasARegion(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range partitions() {
		if seen[p.ID] {
			t.Errorf("partition %s is listed twice", p.ID)
		}
		seen[p.ID] = true
		if !slices.ContainsFunc(p.Regions, func(r string) bool { return RegionInPartition(p.ID, r) }) {
			t.Errorf("no explicit region of %s maps back to it: %q", p.ID, p.Regions)
		}
	}
}
