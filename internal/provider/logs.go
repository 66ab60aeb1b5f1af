package provider

import (
	"log"
	"os"
)

// QuietFrameworkLogs turns off the plugin framework's own request logging
// unless the user asked Terraform for logs. The framework logs every call at
// TRACE and Terraform throws those lines away, which costs more than computing
// the policy (hashicorp/terraform-plugin-framework#1269). Every binary that
// serves the provider calls it first, the benchmark's stub included, so the
// two are compared on equal terms.
func QuietFrameworkLogs() {
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
