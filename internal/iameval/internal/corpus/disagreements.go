package corpus

import "encoding/json"

// Where the reference departs from the AWS documentation, the cases hold the
// evaluator to AWS; each reason says what AWS documents and what the
// reference does instead.
const (
	literalVariables = "AWS reads ${...} as plain text in a policy without Version 2012-10-17 " +
		"(IAM User Guide, IAM policy elements: Variables and tags); the reference resolves it in every version."
	epochAgainstISO = "AWS compares a date given as epoch seconds with an ISO 8601 date as the same instant " +
		"(IAM User Guide, Date condition operators); the reference reads the epoch value as milliseconds beside the ISO one."
	fixedEscapes = "AWS gives ${*}, ${?} and ${$} the fixed values *, ? and $ wherever variables are resolved " +
		"(IAM User Guide, IAM policy elements: Variables and tags); the reference resolves them only under StringLike and keeps the text elsewhere."
	variableFields = "AWS replaces a policy variable with the request's value before it matches a Resource entry " +
		"(IAM User Guide, IAM policy elements: Variables and tags), in any field of the ARN; the reference splits the entry " +
		"at every colon first, so a variable in the region or account field (whose name, aws:..., has a colon) matches nothing."
	otherFamily = "AWS's NotIpAddress holds for every address except those given (IAM User Guide, IP address condition operators), " +
		"so an IPv6 address satisfies it against an IPv4 address; the reference fails an IPv6 request against a single IPv4 address, " +
		"though not against an IPv4 range."
)

// disagreementFor marks generated cases on which the reference is not followed.
var disagreementFor = map[string]Disagreement{
	"session/variables/region-account":                                                    {variableFields, Decisions{Identity: "allowed", Access: "allowed"}},
	"variable/condition/escaped-dollar":                                                   {fixedEscapes, Decisions{Identity: "allowed", Access: "allowed"}},
	"variable/condition/escaped-star-equals":                                              {fixedEscapes, Decisions{Identity: "allowed", Access: "allowed"}},
	`cond/NotIpAddress/aws:SourceIp=["10.0.0.0/8","192.168.1.1"]/req=2001:db8::1`:         {otherFamily, Decisions{Identity: "allowed", Access: "allowed"}},
	`cond/NotIpAddressIfExists/aws:SourceIp=["10.0.0.0/8","192.168.1.1"]/req=2001:db8::1`: {otherFamily, Decisions{Identity: "allowed", Access: "allowed"}},
}

func (b *builder) disagreements() {
	alice := ctx("aws:username", "alice")
	for _, version := range []string{"", "2008-10-17"} {
		label := version
		if label == "" {
			label = "none"
		}
		p := docVersion(version, allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:username}/*"))
		b.add(Case{
			Name:     "disagreement/variable-version-" + label + "/resolved-name",
			Identity: []json.RawMessage{p},
			Request:  Request{Principal: roleA, Action: "s3:GetObject", Resource: "arn:aws:s3:::artifacts/alice/a.zip", ResourceAccount: accountA, Context: alice},
			Disagreement: &Disagreement{Reason: literalVariables,
				AWS: Decisions{Identity: "implicitDeny", Access: "implicitDeny"}},
		})
		b.add(Case{
			Name:     "disagreement/variable-version-" + label + "/literal-name",
			Identity: []json.RawMessage{p},
			Request:  Request{Principal: roleA, Action: "s3:GetObject", Resource: "arn:aws:s3:::artifacts/${aws:username}/a.zip", ResourceAccount: accountA, Context: alice},
			Disagreement: &Disagreement{Reason: literalVariables,
				AWS: Decisions{Identity: "allowed", Access: "allowed"}},
		})
	}
	for _, c := range []struct {
		name, operator, value, request, aws string
	}{
		{"epoch-after-iso", "DateGreaterThan", "2024-06-01T00:00:00Z", "1717200001", "allowed"},
		{"epoch-equals-iso", "DateEquals", "2024-06-01T00:00:00Z", "1717200000", "allowed"},
		{"iso-before-epoch", "DateLessThan", "1717200000", "2024-05-31T23:59:59Z", "allowed"},
	} {
		b.add(Case{
			Name:         "disagreement/" + c.name,
			Identity:     []json.RawMessage{doc(allow("s3:GetObject", "*").when(c.operator, "aws:EpochTime", c.value))},
			Request:      Request{Principal: roleA, Action: "s3:GetObject", Resource: object, ResourceAccount: accountA, Context: ctx("aws:EpochTime", c.request)},
			Disagreement: &Disagreement{Reason: epochAgainstISO, AWS: Decisions{Identity: c.aws, Access: c.aws}},
		})
	}
}
