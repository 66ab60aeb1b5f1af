package audit

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

func TestProbes(t *testing.T) {
	documents, err := iameval.ParseAll([]string{doc(allow(`"s3:*"`, `"arn:aws:s3:::\uE000-bucket"`)), doc(allow(`"s3:*"`, `"arn:aws:s3:::a-much-longer-bucket-name"`))})
	if err != nil {
		t.Fatal(err)
	}
	p := newProber(policy.Request{Partition: "aws-cn", AccountID: "111122223333"}, time.Time{}, documents)
	if p.fresh != '\uE001' {
		t.Errorf("the stand-in %q appears in a document", p.fresh)
	}
	if want := len("a-much-longer-bucket-name") + len("arn:aws:s3:::") + 1; p.long != want {
		t.Errorf("long stand-ins have %d characters, want %d", p.long, want)
	}
	if p.principal != "" {
		t.Errorf("principal %q without a service role ARN", p.principal)
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
	}, nil)
	if len(probes) != 4 { // two lengths × two services
		t.Fatalf("want 4 probes, got %+v", probes)
	}
	first := probes[0]
	if first.Resource != "arn:aws:iam::111122223333:role/"+f || first.Principal != p.principal ||
		!reflect.DeepEqual(first.Context["iam:PassedToService"], []string{"ecs.amazonaws.com"}) ||
		!reflect.DeepEqual(first.Context["aws:ResourceTag/Env"], []string{"prod"}) ||
		first.Context["aws:ResourceTag/Team"] != nil || first.Context["aws:PrincipalAccount"] != nil {
		t.Errorf("unexpected first probe %+v", first)
	}
	if got := p.probes("ecr:GetAuthorizationToken", "*", nil, nil); len(got) != 1 || got[0].Resource != "*" {
		t.Errorf("an action without resource types is requested on \"*\" once, got %+v", got)
	}
	named, err := iameval.ParseAll([]string{doc(`{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"AWS:PRINCIPALACCOUNT": "111122223333"}}}`)})
	if err != nil {
		t.Fatal(err)
	}
	if got := newProber(policy.Request{AccountID: "111122223333"}, time.Time{}, named).session; !reflect.DeepEqual(got, map[string][]string{"aws:PrincipalAccount": {"111122223333"}}) {
		t.Errorf("want only the session's keys a document names, got %v", got)
	}
	if got := p.probes("ecr:GetAuthorizationToken", "*", nil, []string{"eu-west-1", "us-east-1"}); len(got) != 2 ||
		got[1].Context["aws:RequestedRegion"][0] != "us-east-1" {
		t.Errorf("want one probe per region, got %+v", got)
	}
}

// TestSessionContext checks the keys every request of the service role's
// session carries, and that a key whose value is not known is left out.
func TestSessionContext(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 30, 0, 0, time.FixedZone("CET", 3600))
	role := "arn:aws:iam::444455556666:role/service-role/pipeline"
	for name, tc := range map[string]struct {
		req  policy.Request
		now  time.Time
		want map[string][]string
	}{
		"everything known": {policy.Request{AccountID: "111122223333", ServiceRoleARN: role}, now, map[string][]string{
			"aws:SecureTransport": {"true"}, "aws:PrincipalType": {"AssumedRole"}, "aws:PrincipalArn": {role},
			"aws:PrincipalAccount": {"444455556666"}, "aws:CurrentTime": {"2025-03-01T11:30:00Z"}, "aws:EpochTime": {"1740828600"}}},
		"the account only": {policy.Request{AccountID: "111122223333"}, time.Time{}, map[string][]string{
			"aws:SecureTransport": {"true"}, "aws:PrincipalType": {"AssumedRole"}, "aws:PrincipalAccount": {"111122223333"}}},
		"nothing known": {policy.Request{}, time.Time{}, map[string][]string{"aws:SecureTransport": {"true"}, "aws:PrincipalType": {"AssumedRole"}}},
	} {
		if got := sessionContext(tc.req, tc.now); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", name, got, tc.want)
		}
	}
}

// TestRegions checks the values of aws:RequestedRegion: the resource's own
// region, else where each action, rule or artifact store that needs the
// grant runs; none when one is not known or no document names the key.
func TestRegions(t *testing.T) {
	req := policy.Request{Region: "eu-west-1",
		ArtifactStores:  []policy.ArtifactStore{{Location: "a-eu"}, {Location: "a-us", Region: "us-east-1"}},
		PipelineActions: []policy.PipelineAction{{Name: "Here"}, {Name: "There", Region: "ap-south-1"}},
		PipelineRules:   []policy.PipelineRule{{Name: "Rule", Region: "us-west-2"}}}
	// The builder gives each origin the region its calls are made in.
	regionOf := map[string]string{"PipelineActions[0]": "eu-west-1", "PipelineActions[1]": "ap-south-1",
		"PipelineRules[0]": "us-west-2", "ActionProviders[0]": "eu-west-1"}
	origins := func(paths ...policy.Path) func() []policy.Origin {
		return func() []policy.Origin {
			var out []policy.Origin
			for _, p := range paths {
				out = append(out, policy.Origin{Path: p, Region: regionOf[p.String()]})
			}
			return out
		}
	}
	actions, rules, providers := policy.FieldPipelineActions, policy.FieldPipelineRules, policy.FieldActionProviders
	p := prober{req: req, regional: true}
	for _, tc := range []struct {
		resource string
		neededBy func() []policy.Origin
		want     []string
	}{
		{"arn:aws:kms:sa-east-1:1:key/k", origins(policy.Path{actions, 1}), []string{"sa-east-1"}},
		{"*", origins(policy.Path{actions, 0}, policy.Path{actions, 1}), []string{"ap-south-1", "eu-west-1"}},
		{"arn:aws:codebuild:*:1:project/*", origins(policy.Path{rules, 0}), []string{"us-west-2"}},
		{"*", origins(policy.Path{providers, 0}), []string{"eu-west-1"}},
		{"arn:aws:s3:::a-us/*", origins(nil), []string{"us-east-1"}},
		{"arn:aws:s3:::a-eu", origins(nil), []string{"eu-west-1"}},
		{"arn:aws:s3:::other", origins(nil), []string{"eu-west-1", "us-east-1"}},
	} {
		if got := p.regions(tc.resource, tc.neededBy); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("regions(%s) = %q, want %q", tc.resource, got, tc.want)
		}
	}
	if got := (prober{req: req}).regions("*", origins(policy.Path{actions, 1})); got != nil {
		t.Errorf("no document names the key, got %q", got)
	}
	unknown := prober{req: policy.Request{PipelineActions: []policy.PipelineAction{{Region: "us-east-1"}, {}}}, regional: true}
	inUnknownRegion := func() []policy.Origin {
		return []policy.Origin{{Path: policy.Path{actions, 0}, Region: "us-east-1"}, {Path: policy.Path{actions, 1}}}
	}
	if got := unknown.regions("*", inUnknownRegion); got != nil {
		t.Errorf("an action in the pipeline's unknown region, got %q", got)
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
