// Command stub serves the benchmark's do-nothing provider, which plan.sh
// installs in place of the real one to time the same configuration.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/benchmark"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/provider"
)

func main() {
	provider.QuietFrameworkLogs()
	err := providerserver.Serve(context.Background(), benchmark.NewStub, providerserver.ServeOpts{
		Address: "registry.terraform.io/pipelinepolicy/codepipeline",
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
