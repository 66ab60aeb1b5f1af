package iameval

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// member is one name/value pair of a JSON object, in document order.
type member struct {
	name  string
	value json.RawMessage
}

// members decodes a JSON object without losing repeated names, which
// encoding/json would silently collapse to the last one.
func members(raw json.RawMessage, path string) ([]member, error) {
	if kind := jsonKind(raw); kind != "object" {
		return nil, fmt.Errorf("%s: want an object, got %s", path, kind)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var out []member
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		name, _ := tok.(string)
		if seen[name] {
			return nil, fmt.Errorf("%s: %q appears twice", path, name)
		}
		seen[name] = true
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, fmt.Errorf("%s.%s: %v", path, name, err)
		}
		out = append(out, member{name, value})
	}
	return out, nil
}

// jsonKind names the JSON type of a raw value for error messages.
func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "list"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// elements decodes a JSON list into its raw elements.
func elements(raw json.RawMessage) []json.RawMessage {
	var list []json.RawMessage
	_ = json.Unmarshal(raw, &list) // the document was already checked to be valid JSON
	return list
}

// stringValue decodes a JSON string.
func stringValue(raw json.RawMessage, path string) (string, error) {
	if kind := jsonKind(raw); kind != "string" {
		return "", fmt.Errorf("%s: want a string, got %s", path, kind)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%s: %v", path, err)
	}
	return s, nil
}

// stringList decodes a string or a non-empty list of strings, the two shapes
// IAM accepts wherever a policy element takes one or more values.
func stringList(raw json.RawMessage, path string) ([]string, error) {
	if jsonKind(raw) != "list" {
		s, err := stringValue(raw, path)
		if err != nil {
			return nil, fmt.Errorf("%s: want a string or a list of strings, got %s", path, jsonKind(raw))
		}
		return []string{s}, nil
	}
	items := elements(raw)
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: the list is empty", path)
	}
	out := make([]string, len(items))
	for i, item := range items {
		s, err := stringValue(item, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// scalarList decodes condition values: strings, numbers and booleans, alone
// or in a non-empty list, each kept as the text IAM compares.
func scalarList(raw json.RawMessage, path string) ([]string, error) {
	items := []json.RawMessage{raw}
	if jsonKind(raw) == "list" {
		items = elements(raw)
		if len(items) == 0 {
			return nil, fmt.Errorf("%s: the list is empty", path)
		}
	}
	out := make([]string, len(items))
	for i, item := range items {
		at := itemPath(path, raw, i)
		switch kind := jsonKind(item); kind {
		case "string":
			s, err := stringValue(item, at)
			if err != nil {
				return nil, err
			}
			out[i] = s
		case "number", "boolean":
			out[i] = string(bytes.TrimSpace(item))
		default:
			return nil, fmt.Errorf("%s: want a string, number or boolean, got %s", at, kind)
		}
	}
	return out, nil
}
