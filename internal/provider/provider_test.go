package provider

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

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
			return checkedServer(p), nil
		},
	}
}

// checkedServer serves p as the provider binary does, with checkedReads. The
// framework's side has a provider of its own that records nothing, so each
// problem is recorded once.
func checkedServer(p *codePipelineProvider) tfprotov6.ProviderServer {
	return checkedReads{serve(p), providerserver.NewProtocol6(&codePipelineProvider{version: "test"})()}
}

// checkedReads answers every data source read through the provider's own
// server (its direct reads) and again through the framework's, and turns any
// difference in state or diagnostics into an error: every acceptance test
// then shows that reading around the framework changes nothing.
type checkedReads struct {
	tfprotov6.ProviderServer
	framework tfprotov6.ProviderServer
}

func (s checkedReads) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	direct, err := s.ProviderServer.ReadDataSource(ctx, req)
	if err != nil {
		return direct, err
	}
	framework, err := s.framework.ReadDataSource(ctx, req)
	if err != nil {
		return nil, err
	}
	if difference := readDifference(s.ProviderServer, req.TypeName, direct, framework); difference != "" {
		direct.Diagnostics = append(direct.Diagnostics, &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError,
			Summary: "Direct read differs from the framework's", Detail: difference})
	}
	return direct, nil
}

// readDifference describes how two answers to one read differ, "" when they
// do not. Equal bytes are equal states; other bytes are decoded and compared,
// since MessagePack writes a map's entries in Go's map order.
func readDifference(s tfprotov6.ProviderServer, typeName string, direct, framework *tfprotov6.ReadDataSourceResponse) string {
	if len(direct.Diagnostics) != len(framework.Diagnostics) {
		return fmt.Sprintf("%d diagnostics, the framework %d", len(direct.Diagnostics), len(framework.Diagnostics))
	}
	for i, d := range direct.Diagnostics {
		f := framework.Diagnostics[i]
		if d.Severity != f.Severity || d.Summary != f.Summary || d.Detail != f.Detail || !d.Attribute.Equal(f.Attribute) {
			return fmt.Sprintf("diagnostic %d: %+v, the framework %+v (paths %v and %v)", i, *d, *f, d.Attribute, f.Attribute)
		}
	}
	if bytes.Equal(direct.State.MsgPack, framework.State.MsgPack) {
		return ""
	}
	schemas, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return err.Error()
	}
	typ := schemas.DataSourceSchemas[typeName].ValueType()
	var attrs [2]map[string]tftypes.Value
	for i, state := range []*tfprotov6.DynamicValue{direct.State, framework.State} {
		v, err := state.Unmarshal(typ)
		if err == nil {
			err = v.As(&attrs[i])
		}
		if err != nil {
			return fmt.Sprintf("state %d of 2: %v", i+1, err)
		}
	}
	var differ []string
	for name, v := range attrs[1] {
		if !v.Equal(attrs[0][name]) {
			differ = append(differ, name)
		}
	}
	if len(differ) == 0 {
		return ""
	}
	slices.Sort(differ)
	return fmt.Sprintf("the states differ in %v", differ)
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
