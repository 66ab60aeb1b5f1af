package iameval

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Policy is one parsed policy document.
type Policy struct {
	// Version is "2012-10-17", "2008-10-17" or "" when absent. Policy
	// variables are resolved only under 2012-10-17, as IAM does.
	Version    string
	ID         string
	Statements []Statement
}

// Statement is one statement of a policy, with every element in its list form.
type Statement struct {
	Sid    string
	Effect string // "Allow" or "Deny"
	// Principal and NotPrincipal map a principal type ("AWS", "Service",
	// "Federated", "CanonicalUser") to its values; nil when absent. The
	// string "*" is kept as {"AWS": ["*"]}, which IAM treats the same.
	Principal, NotPrincipal map[string][]string
	Action, NotAction       []string
	// Resource and NotResource are both nil when the statement has neither,
	// as in a role trust policy, where the resource is the role itself.
	Resource, NotResource []string
	// Condition maps an operator as written ("StringEqualsIfExists") to
	// condition keys and their values; numbers and booleans keep their JSON text.
	Condition map[string]map[string][]string
}

// DocumentError is the error of ParseAll: Index is the 0-based position of
// the first document that failed to parse.
type DocumentError struct {
	Index int
	Err   error
}

func (e *DocumentError) Error() string { return fmt.Sprintf("policy document %d: %v", e.Index, e.Err) }

func (e *DocumentError) Unwrap() error { return e.Err }

// ParseAll parses several documents, stopping at the first bad one.
func ParseAll(documents []string) ([]Policy, error) {
	policies := make([]Policy, 0, len(documents))
	for i, doc := range documents {
		p, err := Parse(doc)
		if err != nil {
			return nil, &DocumentError{Index: i, Err: err}
		}
		policies = append(policies, p)
	}
	return policies, nil
}

// Parse reads a policy document strictly: anything IAM would refuse is an
// error naming the element at fault, so an audit never silently evaluates a
// policy other than the one written.
func Parse(document string) (Policy, error) {
	raw := json.RawMessage(document)
	if !json.Valid(raw) {
		var v any
		err := json.Unmarshal(raw, &v)
		return Policy{}, fmt.Errorf("malformed JSON: %v", err)
	}
	fields, err := members(raw, "policy")
	if err != nil {
		return Policy{}, err
	}
	var p Policy
	var statements json.RawMessage
	for _, f := range fields {
		switch f.name {
		case "Version":
			if p.Version, err = stringValue(f.value, "Version"); err != nil {
				return Policy{}, err
			}
			if p.Version != "2012-10-17" && p.Version != "2008-10-17" {
				return Policy{}, fmt.Errorf(`%s: must be "2012-10-17" or "2008-10-17", got %q`, "Version", p.Version)
			}
		case "Id":
			if p.ID, err = stringValue(f.value, "Id"); err != nil {
				return Policy{}, err
			}
		case "Statement":
			statements = f.value
		default:
			return Policy{}, fmt.Errorf("policy: unknown element %q (want Version, Id, Statement)", f.name)
		}
	}
	if statements == nil {
		return Policy{}, errors.New("policy: Statement is missing")
	}
	switch kind := jsonKind(statements); kind {
	case "object":
		s, err := parseStatement(statements, "Statement")
		if err != nil {
			return Policy{}, err
		}
		p.Statements = []Statement{s}
	case "list":
		items := elements(statements)
		if len(items) == 0 {
			return Policy{}, fmt.Errorf("%s: the list is empty", "Statement")
		}
		for i, item := range items {
			s, err := parseStatement(item, statementPath(i))
			if err != nil {
				return Policy{}, err
			}
			p.Statements = append(p.Statements, s)
		}
	default:
		return Policy{}, fmt.Errorf("%s: want an object or a list of objects, got %s", "Statement", kind)
	}
	return p, nil
}

func parseStatement(raw json.RawMessage, path string) (Statement, error) {
	fields, err := members(raw, path)
	if err != nil {
		return Statement{}, err
	}
	var s Statement
	hasEffect := false
	for _, f := range fields {
		at := path + "." + f.name
		switch f.name {
		case "Sid":
			s.Sid, err = stringValue(f.value, at)
		case "Effect":
			hasEffect = true
			if s.Effect, err = stringValue(f.value, at); err == nil && s.Effect != "Allow" && s.Effect != "Deny" {
				err = fmt.Errorf(`%s: must be "Allow" or "Deny", got %q`, at, s.Effect)
			}
		case "Action":
			s.Action, err = actionList(f.value, at)
		case "NotAction":
			s.NotAction, err = actionList(f.value, at)
		case "Resource":
			s.Resource, err = resourceList(f.value, at)
		case "NotResource":
			s.NotResource, err = resourceList(f.value, at)
		case "Principal":
			s.Principal, err = parsePrincipal(f.value, at)
		case "NotPrincipal":
			s.NotPrincipal, err = parsePrincipal(f.value, at)
		case "Condition":
			s.Condition, err = parseCondition(f.value, at)
		default:
			err = fmt.Errorf("%s: unknown element %q", path, f.name)
		}
		if err != nil {
			return Statement{}, err
		}
	}
	switch {
	case !hasEffect:
		return Statement{}, fmt.Errorf("%s: Effect is missing", path)
	case s.Action == nil && s.NotAction == nil:
		return Statement{}, fmt.Errorf("%s: needs Action or NotAction", path)
	case s.Action != nil && s.NotAction != nil:
		return Statement{}, fmt.Errorf("%s: has both Action and NotAction", path)
	case s.Resource != nil && s.NotResource != nil:
		return Statement{}, fmt.Errorf("%s: has both Resource and NotResource", path)
	case s.Principal != nil && s.NotPrincipal != nil:
		return Statement{}, fmt.Errorf("%s: has both Principal and NotPrincipal", path)
	}
	return s, nil
}

// actionPattern is "service:action"; the service prefix takes no wildcards.
var actionPattern = regexp.MustCompile(`^[A-Za-z0-9-]+:[^:\s]+$`)

func actionList(raw json.RawMessage, path string) ([]string, error) {
	actions, err := stringList(raw, path)
	if err != nil {
		return nil, err
	}
	for i, a := range actions {
		if a != "*" && !actionPattern.MatchString(a) {
			return nil, fmt.Errorf(`%s: %q is not "*" or "service:action"`, itemPath(path, raw, i), a)
		}
	}
	return actions, nil
}

func resourceList(raw json.RawMessage, path string) ([]string, error) {
	resources, err := stringList(raw, path)
	if err != nil {
		return nil, err
	}
	for i, r := range resources {
		if r != "*" && !strings.HasPrefix(r, "arn:") {
			return nil, fmt.Errorf(`%s: %q is not "*" or an ARN`, itemPath(path, raw, i), r)
		}
	}
	return resources, nil
}

var principalTypes = []string{"AWS", "Service", "Federated", "CanonicalUser"}

func parsePrincipal(raw json.RawMessage, path string) (map[string][]string, error) {
	if jsonKind(raw) == "string" {
		s, _ := stringValue(raw, path)
		if s != "*" {
			return nil, fmt.Errorf(`%s: a string principal must be "*", got %q`, path, s)
		}
		return map[string][]string{"AWS": {"*"}}, nil
	}
	fields, err := members(raw, path)
	if err != nil {
		return nil, fmt.Errorf(`%s: want "*" or an object of principal types`, path)
	}
	if len(fields) == 0 {
		return nil, fmt.Errorf("%s: names no principal", path)
	}
	out := map[string][]string{}
	for _, f := range fields {
		if !slices.Contains(principalTypes, f.name) {
			return nil, fmt.Errorf("%s: unknown principal type %q (want %s)", path, f.name, strings.Join(principalTypes, ", "))
		}
		values, err := stringList(f.value, path+"."+f.name)
		if err != nil {
			return nil, err
		}
		out[f.name] = values
	}
	return out, nil
}

func parseCondition(raw json.RawMessage, path string) (map[string]map[string][]string, error) {
	blocks, err := members(raw, path)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string][]string{}
	for _, block := range blocks {
		if _, err := parseOperator(block.name); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		at := fmt.Sprintf("%s[%q]", path, block.name)
		keys, err := members(block.value, at)
		if err != nil {
			return nil, err
		}
		if len(keys) == 0 {
			return nil, fmt.Errorf("%s: names no condition key", at)
		}
		out[block.name] = map[string][]string{}
		for _, key := range keys {
			values, err := scalarList(key.value, fmt.Sprintf("%s[%q]", at, key.name))
			if err != nil {
				return nil, err
			}
			out[block.name][key.name] = values
		}
	}
	return out, nil
}

// itemPath names the i-th value of an element that may be a single string.
func itemPath(path string, raw json.RawMessage, i int) string {
	if jsonKind(raw) == "list" {
		return fmt.Sprintf("%s[%d]", path, i)
	}
	return path
}

// CheckIdentity reports why IAM would refuse p as an identity-based policy
// (EvaluateIdentity skips such statements), or nil.
func CheckIdentity(p Policy) error {
	for i, s := range p.Statements {
		switch {
		case s.Principal != nil || s.NotPrincipal != nil:
			return fmt.Errorf("%s: an identity policy has no Principal or NotPrincipal", statementPath(i))
		case s.Resource == nil && s.NotResource == nil:
			return fmt.Errorf("%s: needs Resource or NotResource", statementPath(i))
		}
	}
	return nil
}

// CheckResource reports why p cannot serve as a resource-based policy
// (EvaluateResource skips statements that name no principal), or nil.
func CheckResource(p Policy) error {
	for i, s := range p.Statements {
		if s.Principal == nil && s.NotPrincipal == nil {
			return fmt.Errorf("%s: needs Principal or NotPrincipal", statementPath(i))
		}
	}
	return nil
}

func statementPath(i int) string { return fmt.Sprintf("Statement[%d]", i) }
