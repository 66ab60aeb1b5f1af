package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// TestMain gives the CLI an empty configuration file unless TF_CLI_CONFIG_FILE
// names one that exists: for a missing file OpenTofu prints a warning on
// stdout, where terraform-plugin-testing then fails to read the CLI version.
func TestMain(m *testing.M) {
	os.Exit(runWithCLIConfig(m))
}

func runWithCLIConfig(m *testing.M) int {
	if name := os.Getenv("TF_CLI_CONFIG_FILE"); name != "" {
		if _, err := os.Stat(name); err == nil {
			return m.Run()
		}
	}
	dir, err := os.MkdirTemp("", "codepipeline-cli-config")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "empty.tfrc")
	if err := os.WriteFile(name, nil, 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := os.Setenv("TF_CLI_CONFIG_FILE", name); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// protoV6ProviderFactories serve the provider in-process for each CLI command
// of a test, as the provider binary serves it, so no test downloads or installs it.
func protoV6ProviderFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"codepipeline": func() (tfprotov6.ProviderServer, error) { return NewServer("test")(), nil },
	}
}

// openTofu reports whether the acceptance tests run on OpenTofu: the provider
// host its tests need, or the CLI's own name for itself.
var openTofu = sync.OnceValue(func() bool {
	if os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" {
		return true
	}
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		return false
	}
	out, err := exec.Command(cli, "version").Output()
	return err == nil && strings.Contains(string(out), "OpenTofu v")
})
