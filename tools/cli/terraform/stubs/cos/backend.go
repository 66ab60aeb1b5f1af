// Package cos replaces Terraform's "cos" state backend, whose module the
// Terraform release on the Go module proxy does not contain. The provider's
// tests only use the local backend; configuring this one fails with an error.
package cos

import (
	"github.com/zclconf/go-cty/cty"

	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/configs/configschema"
	"github.com/hashicorp/terraform/internal/states/statemgr"
	"github.com/hashicorp/terraform/internal/tfdiags"
)

// New returns a backend that accepts no arguments and reports itself missing.
func New() backend.Backend { return missing{} }

type missing struct{}

func (missing) ConfigSchema() *configschema.Block { return &configschema.Block{} }

func (missing) PrepareConfig(v cty.Value) (cty.Value, tfdiags.Diagnostics) { return v, notIncluded() }

func (missing) Configure(cty.Value) tfdiags.Diagnostics { return notIncluded() }

func (missing) StateMgr(string) (statemgr.Full, tfdiags.Diagnostics) { return nil, notIncluded() }

func (missing) DeleteWorkspace(string, bool) tfdiags.Diagnostics { return notIncluded() }

func (missing) Workspaces() ([]string, tfdiags.Diagnostics) { return nil, notIncluded() }

func notIncluded() tfdiags.Diagnostics {
	return tfdiags.Diagnostics{}.Append(tfdiags.Sourceless(tfdiags.Error, "State backend not available",
		`state backend "cos" is not included in this test build of Terraform`))
}
