// Command corpusgen writes the cases internal/iameval is compared with the
// reference simulator on.
//
// Usage:
//
//	go run ./internal/iameval/internal/corpusgen -out internal/iameval/testdata/corpus.json
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval/internal/corpus"
)

func main() {
	out := flag.String("out", "", "file to write the corpus to")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "corpusgen: -out is required")
		os.Exit(2)
	}
	cases := corpus.Build()
	data, err := corpus.Marshal(cases)
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
	fmt.Printf("corpusgen: %d cases written to %s\n", len(cases), *out)
}
