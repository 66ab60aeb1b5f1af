package audit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

func TestProbes(t *testing.T) {
	documents, err := iameval.ParseAll([]string{doc(allow(`"s3:*"`, `"arn:aws:s3:::\uE000-bucket"`)), doc(allow(`"s3:*"`, `"arn:aws:s3:::a-much-longer-bucket-name"`))})
	if err != nil {
		t.Fatal(err)
	}
	p := newProber(policy.Request{Partition: "aws-cn", AccountID: "111122223333"}, documents)
	if p.fresh != '\uE001' {
		t.Errorf("the stand-in %q appears in a document", p.fresh)
	}
	if want := len("a-much-longer-bucket-name") + len("arn:aws:s3:::") + 1; p.long != want {
		t.Errorf("long stand-ins have %d characters, want %d", p.long, want)
	}
	if p.principal != "arn:aws-cn:iam::111122223333:role/"+placeholderRole {
		t.Errorf("placeholder principal %q", p.principal)
	}
	f := string(p.fresh)
	for pattern, want := range map[string]string{
		"*":                               f,
		"arn:aws:codebuild:*:*:project/*": "arn:aws:codebuild:" + f + ":" + f + ":project/" + f,
		"secret:name-??????":              "secret:name-" + strings.Repeat(f, 6),
		"arn:aws:s3:::a${*}b${?}c${$}/*":  "arn:aws:s3:::a*b?c$/" + f,
	} {
		if got := p.fill(pattern, 1); got != want {
			t.Errorf("fill(%q) = %q, want %q", pattern, got, want)
		}
	}
	if got := p.fill("x/*", 3); got != "x/"+strings.Repeat(f, 3) {
		t.Errorf("a run of three: %q", got)
	}

	probes := p.probes("iam:PassRole", "arn:aws:iam::111122223333:role/*", map[string]map[string][]string{
		"StringEquals":    {"iam:PassedToService": {"ecs.amazonaws.com", "ecs-tasks.amazonaws.com"}},
		"StringLike":      {"aws:ResourceTag/Env": {"prod"}},
		"StringNotEquals": {"aws:ResourceTag/Team": {"other"}},
	})
	if len(probes) != 4 { // two lengths × two services
		t.Fatalf("want 4 probes, got %+v", probes)
	}
	first := probes[0]
	if first.Resource != "arn:aws:iam::111122223333:role/"+f || first.Principal != p.principal ||
		!reflect.DeepEqual(first.Context["iam:PassedToService"], []string{"ecs.amazonaws.com"}) ||
		!reflect.DeepEqual(first.Context["aws:ResourceTag/Env"], []string{"prod"}) ||
		first.Context["aws:ResourceTag/Team"] != nil || first.Context["aws:PrincipalAccount"][0] != "111122223333" {
		t.Errorf("unexpected first probe %+v", first)
	}
	if got := p.probes("ecr:GetAuthorizationToken", "*", nil); len(got) != 1 || got[0].Resource != "*" {
		t.Errorf("an action without resource types is requested on \"*\" once, got %+v", got)
	}
	if got := (prober{}).probes("s3:GetObject", "arn:aws:s3:::b/k", nil); len(got) != 1 || got[0].Context["aws:PrincipalArn"] != nil {
		t.Errorf("without an account there is no principal, got %+v", got)
	}
}

func TestHasWildcard(t *testing.T) {
	for pattern, want := range map[string]bool{
		"*": true, "arn:aws:s3:::b/*": true, "secret:x-??????": true,
		"arn:aws:s3:::b/k": false, "arn:aws:s3:::b${*}/k${?}": false, "arn:aws:s3:::b${*}/*": true,
	} {
		if got := hasWildcard(pattern); got != want {
			t.Errorf("hasWildcard(%q) = %v", pattern, got)
		}
	}
}

func TestOverlaps(t *testing.T) {
	for _, tc := range []struct {
		ours, theirs string
		want         bool
	}{
		{"arn:aws:codebuild:eu-west-1:1:project/*", "arn:aws:codebuild:eu-west-1:1:project/prod-*", true},
		{"arn:aws:codebuild:eu-west-1:1:project/*", "arn:aws:codebuild:eu-west-2:1:project/*", false},
		{"arn:aws:codebuild:*:1:project/*", "arn:aws:codebuild:eu-west-2:1:project/x", true},
		{"arn:aws:codebuild:eu-west-1:1:project/app", "arn:aws:codebuild:eu-west-1:1:project/prod-*", false},
		{"arn:aws:codebuild:eu-west-1:1:project/app", "ARN:AWS:CODEBUILD:EU-WEST-1:1:project/APP", true},
		{"arn:aws:s3:::b/*", "*", true},
		{"arn:aws:s3:::b/*", "arn:aws:s3:::c/*", false},
		{"arn:aws:s3:::b/*", "arn:aws:s3:::?/x", true},
		{"arn:aws:s3:::b/*", "arn:aws:s3:::??/x", true}, // "b//x"
		{"arn:aws:s3:::b/*", "arn:aws:s3:::?", false},
		{"arn:aws:s3:::b${*}", "arn:aws:s3:::b?", true},
		{"arn:aws:s3:::b${*}", "arn:aws:s3:::bc", false},
		{"arn:aws:s3:::b/*", "arn:aws:s3:::${aws:username}/*", true},
		{"arn:aws:codebuild:eu-west-1:1:project/x", "arn:aws:codebuild:${aws:RequestedRegion}:1:project/*", true},
		{"arn:aws:ecs:eu-west-1:1:task/prod/*", "arn:aws:ecs:*:*:service/*", false},
		{"arn:aws:ecs:eu-west-1:1:task/prod/*", "arn:aws:ecs:*", true},
		{"a*b*c", "*c*b*a*", true}, // "acbac"
		{"a*", "b*", false},
		{"a*b*c", "a*c*b*c", true},
		{"", "", true},
		{"x", "", false},
	} {
		if got := overlaps(tc.ours, tc.theirs); got != tc.want {
			t.Errorf("overlaps(%q, %q) = %v, want %v", tc.ours, tc.theirs, got, tc.want)
		}
	}
}
