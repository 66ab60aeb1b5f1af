package main

import (
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/provider"
)

// version is set by the release build.
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()
	quietFrameworkLogs()

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

// quietFrameworkLogs turns off the plugin framework's own request logging
// unless the user asked Terraform for logs. The framework logs every call at
// TRACE and Terraform throws those lines away, which costs more than computing
// the policy (hashicorp/terraform-plugin-framework#1269).
func quietFrameworkLogs() {
	for _, name := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO"} {
		if os.Getenv(name) != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO"} {
		if err := os.Setenv(name, "OFF"); err != nil {
			log.Printf("could not set %s: %v", name, err)
		}
	}
}
