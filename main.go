package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/provider"
)

// version is set by the release build.
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()
	provider.QuietFrameworkLogs()

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// The last segment is the provider type name; docs generation uses the same name.
	err := tf6server.Serve("registry.terraform.io/pipelinepolicy/codepipeline", provider.NewServer(version), opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}
