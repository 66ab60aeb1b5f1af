package provider

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

// A batch puts many small configurations into one, runs the real CLI on it
// once, and hands each configuration the diagnostics Terraform reported on its
// lines, as the machine-readable output gives them: severity, summary, detail
// and the source line Terraform shows. terraform-plugin-testing runs a whole
// init, plan, apply and destroy per configuration and shows only errors, as
// one text; a batch runs init, validate and plan once for all of them, and
// shows warnings too. The provider is served in-process, as
// terraform-plugin-testing serves it, so every reported problem is recorded
// with its code.

// batchEntry is one configuration of a batch: its blocks, where <id> stands
// for a name unique to the entry.
type batchEntry struct {
	blocks string
}

// cliDiagnostic is a diagnostic as the CLI reported it, with the code of the
// problem the provider reported for it ("" when the provider reported none,
// such as Terraform's own errors).
type cliDiagnostic struct {
	tfjson.Diagnostic
	code policy.Code
}

// String renders the diagnostic as a user reads it: summary, the line
// Terraform points at, detail.
func (d cliDiagnostic) String() string {
	line := ""
	if d.Snippet != nil {
		line = d.Snippet.Code
	}
	return fmt.Sprintf("%s: %s [%s]\n  %s\n%s", d.Severity, d.Summary, d.code, line, d.Detail)
}

// runBatch runs the entries through the CLI of TF_ACC_TERRAFORM_PATH: every
// entry is validated, and the entries without errors are planned. It returns
// each entry's diagnostics from whichever of the two ended it.
func runBatch(t *testing.T, entries []batchEntry) [][]cliDiagnostic {
	t.Helper()
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || cli == "" {
		t.Skip("set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to run the CLI (make testacc does)")
	}
	rec := &recorder{}
	reattach := serveInProcess(t, rec)
	dir := t.TempDir()
	run := func(out *bytes.Buffer, args ...string) error {
		cmd := exec.Command(cli, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_REATTACH_PROVIDERS="+reattach, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
		cmd.Stdout = out
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil && out.Len() == 0 {
			return fmt.Errorf("%s %s: %v\n%s", filepath.Base(cli), args[0], err, stderr.String())
		}
		return nil
	}
	results := make([][]cliDiagnostic, len(entries))
	spans := writeBatch(t, dir, entries, nil)
	var out bytes.Buffer
	if err := run(&out, "init", "-input=false", "-no-color"); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(&out, "validate", "-json", "-no-color"); err != nil {
		t.Fatal(err)
	}
	var validated tfjson.ValidateOutput
	if err := json.Unmarshal(out.Bytes(), &validated); err != nil {
		t.Fatalf("validate -json: %v\n%s", err, out.String())
	}
	failed := map[int]bool{}
	for _, d := range validated.Diagnostics {
		i := entryAt(t, spans, d)
		results[i] = append(results[i], cliDiagnostic{Diagnostic: d})
		failed[i] = failed[i] || d.Severity == tfjson.DiagnosticSeverityError
	}
	// Plan the rest on their own: validation errors would stop the plan.
	spans = writeBatch(t, dir, entries, failed)
	out.Reset()
	if err := run(&out, "plan", "-json", "-input=false", "-no-color", "-refresh=false", "-lock=false"); err != nil {
		t.Fatal(err)
	}
	scanner := bufio.NewScanner(&out)
	scanner.Buffer(nil, 1<<24)
	for scanner.Scan() {
		var message struct {
			Type       string             `json:"type"`
			Diagnostic *tfjson.Diagnostic `json:"diagnostic"`
		}
		if err := json.Unmarshal(scanner.Bytes(), &message); err != nil {
			t.Fatalf("plan -json: %v: %s", err, scanner.Text())
		}
		if message.Type == "diagnostic" {
			i := entryAt(t, spans, *message.Diagnostic)
			results[i] = append(results[i], cliDiagnostic{Diagnostic: *message.Diagnostic})
		}
	}
	reported := rec.reported()
	for _, diagnostics := range results {
		for j := range diagnostics {
			diagnostics[j].code = codeOf(reported, diagnostics[j].Diagnostic)
		}
	}
	return results
}

// codeOf finds the code of the problem a diagnostic reports: the problem
// with its summary and detail or, as a function's error wraps the detail in
// words of its own, the one whose detail it holds (the longest, being the
// most specific).
func codeOf(reported []policy.Problem, d tfjson.Diagnostic) policy.Code {
	var code policy.Code
	longest := 0
	for _, p := range reported {
		detail := p.Detail.Format(fieldName)
		if p.Summary == d.Summary && detail == d.Detail {
			return p.Code
		}
		if detail = strings.TrimSuffix(detail, "."); len(detail) > longest && strings.Contains(d.Detail, detail) {
			code, longest = p.Code, len(detail)
		}
	}
	return code
}

// writeBatch writes the entries not skipped into the directory's one
// configuration file, and returns the first and last line of each.
func writeBatch(t *testing.T, dir string, entries []batchEntry, skip map[int]bool) [][2]int {
	t.Helper()
	var b strings.Builder
	// Provider functions need the provider in required_providers.
	fmt.Fprintf(&b, "terraform {\n  required_providers {\n    codepipeline = { source = %q }\n  }\n}\n", providerHost()+"/hashicorp/codepipeline")
	spans := make([][2]int, len(entries))
	line := 1 + strings.Count(b.String(), "\n")
	for i, e := range entries {
		if skip[i] {
			continue
		}
		text := strings.ReplaceAll(e.blocks, "<id>", fmt.Sprintf("case%d", i)) + "\n"
		spans[i] = [2]int{line, line + strings.Count(text, "\n") - 1}
		line += strings.Count(text, "\n")
		b.WriteString(text)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return spans
}

// entryAt finds the entry whose lines hold the diagnostic.
func entryAt(t *testing.T, spans [][2]int, d tfjson.Diagnostic) int {
	t.Helper()
	if d.Range != nil {
		for i, span := range spans {
			if d.Range.Start.Line >= span[0] && d.Range.Start.Line <= span[1] {
				return i
			}
		}
	}
	t.Fatalf("a diagnostic on no entry's lines: %s: %s (%+v)", d.Summary, d.Detail, d.Range)
	return -1
}

// serveInProcess serves the provider for the CLI to attach to, recording
// its problems, and returns the TF_REATTACH_PROVIDERS value.
func serveInProcess(t *testing.T, rec *recorder) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configs := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	go func() {
		err := tf6server.Serve("registry.terraform.io/hashicorp/codepipeline",
			func() tfprotov6.ProviderServer {
				return checkedServer(&codePipelineProvider{version: "test", record: rec.record})
			},
			tf6server.WithDebug(ctx, configs, closed), tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			tf6server.WithoutLogStderrOverride())
		if err != nil {
			t.Error(err)
		}
	}()
	config := <-configs
	t.Cleanup(func() {
		cancel()
		<-closed
	})
	host := providerHost()
	attach := tfexec.ReattachConfig{Protocol: string(config.Protocol), ProtocolVersion: config.ProtocolVersion,
		Pid: config.Pid, Test: config.Test, Addr: tfexec.ReattachConfigAddr{Network: config.Addr.Network(), String: config.Addr.String()}}
	// The examples use the registry address; the tests' own configurations the default namespace.
	info := map[string]tfexec.ReattachConfig{host + "/hashicorp/codepipeline": attach, host + "/-/codepipeline": attach,
		host + "/pipelinepolicy/codepipeline": attach}
	b, err := json.Marshal(info)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// providerHost is the registry host the CLI looks the provider up under:
// OpenTofu's when the tests run on OpenTofu.
func providerHost() string {
	if v := os.Getenv("TF_ACC_PROVIDER_HOST"); v != "" {
		return v
	}
	return "registry.terraform.io"
}
