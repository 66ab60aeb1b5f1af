package policy

import (
	"unicode"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
	"unicode/utf8"
)

// Version is the IAM policy language version every document declares.
const Version = "2012-10-17"

// Document is an IAM identity policy. Field order is the JSON key order:
// Version first, as IAM's legacy parser requires.
type Document struct {
	Version   string      `json:"Version"`
	Statement []Statement `json:"Statement"`
}

// Statement is one rendered policy statement. Action and Resource are sorted
// lists; the JSON writes a list of one value as that value, as IAM and
// aws_iam_policy_document allow, which keeps policies within IAM's quotas.
// Principal is only set in resource policies (trust, bucket and key
// policies); trust policies have no Resource.
type Statement struct {
	Sid       string                         `json:"Sid"`
	Effect    string                         `json:"Effect"`
	Principal map[string][]string            `json:"Principal,omitempty"`
	Action    []string                       `json:"Action"`
	Resource  []string                       `json:"Resource,omitempty"`
	Condition map[string]map[string][]string `json:"Condition,omitempty"`
	// wider pairs resources (or "", the whole statement) with the reasons
	// they are wider than more input would make them. Rendering sets it;
	// merging drops it.
	wider []widening
	// neededBy is the action, rule or pipeline part the statement is
	// rendered for, so an audit can say why a grant is needed. Rendering
	// sets it; merged statements do not use it.
	neededBy Origin
	// why is the catalog statement it is rendered from, or the one that
	// explains a statement the builder writes itself.
	why *catalog.Statement
}

type widening struct {
	resource string
	reason   Text
}

// Actions returns every IAM action the document grants, sorted and unique.
func (d Document) Actions() []string {
	var all []string
	for _, s := range d.Statement {
		all = append(all, s.Action...)
	}
	return sortedUnique(all)
}

// Rendered is a document as the data source outputs it, encoded once.
type Rendered struct {
	JSON     string // two-space indentation
	Minified string // no insignificant whitespace
	Size     int    // characters as IAM counts them against its quotas
}

// Render encodes the document once and derives every output from it.
func (d Document) Render() Rendered {
	minified, indented := d.encode(true)
	return Rendered{JSON: indented, Minified: minified, Size: sizeOf(minified)}
}

// JSON renders the document with two-space indentation.
func (d Document) JSON() string {
	_, indented := d.encode(true)
	return indented
}

// MinifiedJSON renders the document without insignificant whitespace.
func (d Document) MinifiedJSON() string {
	minified, _ := d.encode(false)
	return minified
}

// Size counts the document's characters the way IAM does against its quotas:
// every character except whitespace.
func (d Document) Size() int {
	minified, _ := d.encode(false)
	return sizeOf(minified)
}

func sizeOf(minified string) int {
	n := 0
	for i := 0; i < len(minified); {
		if b := minified[i]; b < utf8.RuneSelf { // ASCII, nearly all of a policy
			if b != ' ' && (b < '\t' || b > '\r') {
				n++
			}
			i++
			continue
		}
		r, width := utf8.DecodeRuneInString(minified[i:])
		if !unicode.IsSpace(r) {
			n++
		}
		i += width
	}
	return n
}

// estimatedSize is a close upper bound of the minified JSON's length: every
// string with its quotes and separator, plus each statement's fixed keys.
func (d Document) estimatedSize() int {
	const perStatement = len(`{"Sid":"","Effect":"Allow","Principal":{"AWS":[]},"Action":[],"Resource":[],"Condition":{}},`)
	n := len(`{"Version":"","Statement":[]}`) + len(d.Version) + 1
	for _, s := range d.Statement {
		n += perStatement + len(s.Sid)
		for _, a := range s.Action {
			n += len(a) + 3
		}
		for _, r := range s.Resource {
			n += len(r) + 3
		}
		for kind, principals := range s.Principal {
			n += len(kind) + 6
			for _, p := range principals {
				n += len(p) + 3
			}
		}
		for operator, entries := range s.Condition {
			n += len(operator) + 6
			for key, values := range entries {
				n += len(key) + 6
				for _, v := range values {
					n += len(v) + 3
				}
			}
		}
	}
	return n
}
