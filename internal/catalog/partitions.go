package catalog

import (
	_ "embed"
	"encoding/json"
	"regexp"
	"slices"
	"sync"
)

// partitionsJSON is generated from the AWS SDK for Go v2 by
// internal/partitiongen; the SDK keeps it current as AWS adds regions.
//
//go:embed partitions.json
var partitionsJSON []byte

type partitionInfo struct {
	ID          string   `json:"id"`
	RegionRegex string   `json:"regionRegex"`
	Regions     []string `json:"regions"`
	regex       func() *regexp.Regexp
}

// partitions parses the file on first use, so programs that never ask about
// partitions pay nothing at start-up.
var partitions = sync.OnceValue(func() []partitionInfo {
	var f struct {
		Partitions []partitionInfo `json:"partitions"`
	}
	if err := json.Unmarshal(partitionsJSON, &f); err != nil {
		panic("catalog: partitions.json: " + err.Error()) // The generator wrote it; tests parse it.
	}
	for i := range f.Partitions {
		pattern := f.Partitions[i].RegionRegex
		f.Partitions[i].regex = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
	}
	return f.Partitions
})

// PartitionIDs returns the AWS partition IDs in the order of the SDK's
// metadata, "aws" first.
func PartitionIDs() []string {
	ps := partitions()
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}

// PartitionOfRegion returns the partition a region belongs to by the SDK's
// rule: the partition that lists it, else the first whose pattern matches,
// so regions newer than the SDK release still resolve. Unlike the SDK, it
// reports an unknown region instead of assuming "aws".
func PartitionOfRegion(region string) (string, bool) {
	ps := partitions()
	for _, p := range ps {
		if slices.Contains(p.Regions, region) {
			return p.ID, true
		}
	}
	for _, p := range ps {
		if p.regex().MatchString(region) {
			return p.ID, true
		}
	}
	return "", false
}

// RegionInPartition reports whether PartitionOfRegion puts region in
// partition, so both always agree.
func RegionInPartition(partition, region string) bool {
	p, ok := PartitionOfRegion(region)
	return ok && p == partition
}
