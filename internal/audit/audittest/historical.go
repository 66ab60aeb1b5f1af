// Package audittest holds AWS's historical default service-role policies, as
// published, for the audit's tests and the provider's.
package audittest

import (
	"embed"
	"encoding/json"
)

//go:embed default-policy-*.json
var files embed.FS

// Historical is one of AWS's default CodePipeline service-role policies and
// where it was published.
type Historical struct {
	SourceURL string          `json:"source_url"`
	Policy    json.RawMessage `json:"policy"`
}

// Load returns the default policy AWS published in year (2017 or 2019).
func Load(year string) Historical {
	raw, err := files.ReadFile("default-policy-" + year + ".json")
	if err != nil {
		panic("audittest: " + err.Error())
	}
	var h Historical
	if err := json.Unmarshal(raw, &h); err != nil || h.SourceURL == "" || len(h.Policy) == 0 {
		panic("audittest: default-policy-" + year + ".json needs source_url and policy")
	}
	return h
}
