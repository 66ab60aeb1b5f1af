package policytest

import (
	"embed"
	"encoding/json"
	"strings"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// The reviewed golden documents and the realistic pipelines they are built
// for live here, so every package tests against one copy. The policy
// package's own tests write and read these files directly (it cannot import
// this package); everything else reads them through the functions below.

//go:embed testdata/golden/*.json testdata/realistic.json
var files embed.FS

// Golden returns a reviewed golden document by file name, without its final
// newline.
func Golden(name string) string {
	b, err := files.ReadFile("testdata/golden/" + name)
	if err != nil {
		panic("policytest: no golden " + name + ": " + err.Error())
	}
	return strings.TrimSuffix(string(b), "\n")
}

// Realistic returns the realistic pipelines by name, each described the way
// its aws_codepipeline resource is.
func Realistic() map[string]policy.Request {
	b, err := files.ReadFile("testdata/realistic.json")
	if err != nil {
		panic(err)
	}
	var pipelines map[string]policy.Request
	if err := json.Unmarshal(b, &pipelines); err != nil {
		panic("policytest: testdata/realistic.json: " + err.Error())
	}
	return pipelines
}
