package policy

import (
	"bytes"
	"encoding/json"
	"unicode"
)

// Version is the IAM policy language version every document declares.
const Version = "2012-10-17"

// Document is an IAM identity policy. Field order is the JSON key order:
// Version first, as IAM's legacy parser requires.
type Document struct {
	Version   string      `json:"Version"`
	Statement []Statement `json:"Statement"`
}

// Statement is one rendered policy statement. Action and Resource are always
// lists, sorted, so adding a second value never changes a value's shape.
type Statement struct {
	Sid       string                         `json:"Sid"`
	Effect    string                         `json:"Effect"`
	Action    []string                       `json:"Action"`
	Resource  []string                       `json:"Resource"`
	Condition map[string]map[string][]string `json:"Condition,omitempty"`
}

// Actions returns every IAM action the document grants, sorted and unique.
func (d Document) Actions() []string {
	var all []string
	for _, s := range d.Statement {
		all = append(all, s.Action...)
	}
	return sortedUnique(all)
}

// JSON renders the document with two-space indentation.
func (d Document) JSON() string { return d.encode("  ") }

// MinifiedJSON renders the document without insignificant whitespace.
func (d Document) MinifiedJSON() string { return d.encode("") }

func (d Document) encode(indent string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // IAM counts characters: keep & < > literal
	enc.SetIndent("", indent)
	if err := enc.Encode(d); err != nil {
		panic("policy: a document of strings cannot fail to encode: " + err.Error())
	}
	return string(bytes.TrimRight(buf.Bytes(), "\n"))
}

// Size counts the document's characters the way IAM does against its quotas:
// every character except whitespace.
func (d Document) Size() int {
	n := 0
	for _, r := range d.MinifiedJSON() {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
