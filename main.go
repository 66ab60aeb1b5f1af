package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/provider"
)

// version is set by the release build.
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()
	provider.QuietFrameworkLogs()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		// The last segment is the provider type name; docs generation uses the same name.
		Address: "registry.terraform.io/pipelinepolicy/codepipeline",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
