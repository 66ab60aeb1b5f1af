package audit

import (
	"encoding/json"
	"net/url"
	"strings"
)

// A role's policies are pasted as the AWS CLI prints them as often as they
// are read from Terraform: `aws iam get-role-policy` wraps the document as
// {"RoleName", "PolicyName", "PolicyDocument"}, `aws iam get-policy-version`
// as {"PolicyVersion": {"Document"}}, and the IAM API itself returns the
// document URL-encoded. unwrap returns the policy document such a text holds,
// and the text unchanged when it holds none of these shapes.
func unwrap(text string) string {
	trimmed := strings.TrimSpace(text)
	if strings.HasPrefix(trimmed, "%7B") || strings.HasPrefix(trimmed, "%7b") {
		if decoded, err := url.QueryUnescape(trimmed); err == nil {
			return decoded
		}
	}
	var shapes struct {
		PolicyDocument json.RawMessage
		PolicyVersion  *struct{ Document json.RawMessage }
	}
	if !strings.HasPrefix(trimmed, "{") || json.Unmarshal([]byte(trimmed), &shapes) != nil {
		return text
	}
	switch {
	case shapes.PolicyDocument != nil:
		return document(shapes.PolicyDocument)
	case shapes.PolicyVersion != nil && shapes.PolicyVersion.Document != nil:
		return document(shapes.PolicyVersion.Document)
	}
	return text
}

// document is a wrapped document: a JSON object, or a string that holds
// one, URL-encoded as the IAM API returns it or not.
func document(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return string(raw)
	}
	return unwrap(s)
}
