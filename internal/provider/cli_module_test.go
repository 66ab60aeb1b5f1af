package provider

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// runModuleTests copies an example folder and runs its terraform test suite
// (tests/*.tftest.hcl) with the CLI of TF_ACC_TERRAFORM_PATH, the provider
// served in-process. It fails unless every run passes.
func runModuleTests(t *testing.T, example string) string {
	t.Helper()
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || cli == "" {
		t.Skip("set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to run the CLI (make testacc does)")
	}
	dir := t.TempDir()
	src := filepath.Join("..", "..", "examples", example)
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o700)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	reattach := serveInProcess(t, &recorder{})
	var out bytes.Buffer
	for _, args := range [][]string{{"init", "-input=false", "-no-color", "-backend=false"}, {"test", "-no-color"}} {
		cmd := exec.Command(cli, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_REATTACH_PROVIDERS="+reattach, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %s: %v\n%s", filepath.Base(cli), args[0], err, out.String())
		}
	}
	if failed := regexp.MustCompile(`(?m)run "[^"]+"\.\.\. (fail|skip)`).FindString(out.String()); failed != "" {
		t.Fatalf("%s\n%s", failed, out.String())
	}
	return out.String()
}

// TestExample_review runs the plan review guide's terraform test: the
// approved actions cover the pipeline, and a new action type fails the
// check until it is approved.
func TestExample_review(t *testing.T) {
	t.Parallel()
	out := runModuleTests(t, "review")
	for _, run := range []string{"approved_actions_cover_the_pipeline", "a_new_action_type_needs_approval"} {
		if !regexp.MustCompile(`run "` + run + `"\.\.\. pass`).MatchString(out) {
			t.Errorf("run %q did not pass:\n%s", run, out)
		}
	}
}

// TestExample_module runs the terraform test suite of the reusable module
// examples/modules/pipeline-iam: stages and a get-pipeline definition give
// scoped documents with explained statements, a pipeline that is not valid
// fails the variable's validation, and a for_each over several pipelines
// gives each its own policy.
func TestExample_module(t *testing.T) {
	t.Parallel()
	out := runModuleTests(t, "modules/pipeline-iam")
	for _, run := range []string{"stages", "get_pipeline_definition", "neither_stages_nor_definition",
		"unknown_action_provider", "for_each_pipelines"} {
		if !regexp.MustCompile(`run "` + run + `"\.\.\. pass`).MatchString(out) {
			t.Errorf("run %q did not pass:\n%s", run, out)
		}
	}
}

// TestExample_consoleAudit runs the terraform test suite of the guide
// "Auditing a pipeline created in the console or by CloudFormation": the
// role's get-role-policy output lacks exactly the connection's permissions
// for the get-pipeline output, and missing_policy_json completes it.
func TestExample_consoleAudit(t *testing.T) {
	t.Parallel()
	out := runModuleTests(t, "guides/console-audit")
	for _, run := range []string{"the_role_lacks_the_connection", "with_missing_policy_json_the_role_is_complete"} {
		if !regexp.MustCompile(`run "` + run + `"\.\.\. pass`).MatchString(out) {
			t.Errorf("run %q did not pass:\n%s", run, out)
		}
	}
}
