package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// TestMain gives the CLI an empty configuration file unless TF_CLI_CONFIG_FILE
// names one that exists: for a missing file OpenTofu prints a warning on
// stdout, where terraform-plugin-testing then fails to read the CLI version.
// It also turns off the framework's request logging, as the provider binary
// does, so a provider served in-process does not log every request.
func TestMain(m *testing.M) {
	QuietFrameworkLogs()
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
	return recordingFactories(nil)
}

// recordingFactories serve the provider as protoV6ProviderFactories do, and
// hand every problem it reports to rec.
func recordingFactories(rec *recorder) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"codepipeline": func() (tfprotov6.ProviderServer, error) {
			p := &codePipelineProvider{version: "test"}
			if rec != nil {
				p.record = rec.record
			}
			return serve(p), nil
		},
	}
}

// recorder keeps the problems one test's provider reported: what the CLI
// shows, with the code it does not.
type recorder struct {
	mu       sync.Mutex
	problems []policy.Problem
}

func (r *recorder) record(p policy.Problem) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.problems = append(r.problems, p)
}

// reported returns the problems recorded so far.
func (r *recorder) reported() []policy.Problem {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.problems)
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
