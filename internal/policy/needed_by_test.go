package policy

import (
	"slices"
	"testing"
)

// TestNeededByNamesEveryGrant checks that every grant of every statement is
// needed by something, for each action type alone, every one together and
// the realistic pipelines.
func TestNeededByNamesEveryGrant(t *testing.T) {
	requests := map[string]Request{"every provider": goldenContext(everyProvider()...)}
	for _, key := range everyProvider() {
		requests[key] = goldenContext(key)
	}
	for name, req := range realisticPipelines {
		requests[name] = req
	}
	for name, req := range requests {
		result := assemble(req)
		for _, s := range result.Document.Statement {
			for _, action := range s.Action {
				for _, resource := range s.Resource {
					if len(result.NeededBy(s, action, resource)) == 0 {
						t.Errorf("%s: nothing needs %s on %s in %s", name, action, resource, s.Sid)
					}
				}
			}
		}
	}
}

// TestNeededByIsPerGrant checks that each grant names exactly the steps it is
// rendered for, however the statements were merged.
func TestNeededByIsPerGrant(t *testing.T) {
	req := Request{
		Region: "eu-west-1", AccountID: "111122223333",
		ArtifactStores:  []ArtifactStore{{Location: "artifacts"}},
		ActionProviders: []string{"Manual", "Invoke/Lambda"},
		PipelineActions: []PipelineAction{
			{Name: "Build", Category: "Build", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "app"}},
			{Category: "Test", Provider: "CodeBuild", Configuration: map[string]string{"ProjectName": "tests"}},
			{Name: "Deploy", Category: "Deploy", Provider: "S3", RoleARN: "arn:aws:iam::444455556666:role/deployer",
				Configuration: map[string]string{"BucketName": "site", "Extract": "true"}},
			{Name: "Other", Category: "Invoke", Provider: "StepFunctions", RoleARN: "arn:aws:iam::444455556666:role/other",
				Configuration: map[string]string{"StateMachineArn": "arn:aws:states:eu-west-1:444455556666:stateMachine:m"}},
		},
		PipelineRules: []PipelineRule{{Name: "Alarm", Provider: "CloudWatchAlarm", Configuration: map[string]string{"AlarmName": "errors"}}},
	}
	result := Build(req)
	if HasError(result.Problems) {
		t.Fatalf("unexpected problems: %+v", result.Problems)
	}
	for _, tc := range []struct{ action, resource string }{
		{"codebuild:StartBuild", "arn:aws:codebuild:eu-west-1:111122223333:project/app"},
		{"codebuild:StartBuild", "arn:aws:codebuild:eu-west-1:111122223333:project/tests"},
		{"s3:GetBucketAcl", "arn:aws:s3:::artifacts"},
		{"sts:AssumeRole", "arn:aws:iam::444455556666:role/deployer"},
		{"sts:AssumeRole", "arn:aws:iam::444455556666:role/other"},
		{"cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:errors"},
		{"lambda:ListFunctions", "*"},
	} {
		want := map[string][]string{
			"arn:aws:codebuild:eu-west-1:111122223333:project/app":   {`action "Build" (Build/CodeBuild)`},
			"arn:aws:codebuild:eu-west-1:111122223333:project/tests": {"PipelineActions[1] (Test/CodeBuild)"},
			"arn:aws:s3:::artifacts":                                 {"the artifact stores"},
			"arn:aws:iam::444455556666:role/deployer":                {`action "Deploy" (Deploy/S3)`},
			"arn:aws:iam::444455556666:role/other":                   {`action "Other" (Invoke/StepFunctions)`},
			"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:errors": {`rule "Alarm" (Rule/CloudWatchAlarm)`},
			"*": {"Invoke/Lambda"},
		}[tc.resource]
		s, ok := statementGranting(result.Document, tc.action, tc.resource)
		if !ok {
			t.Fatalf("the policy does not grant %s on %s:\n%s", tc.action, tc.resource, result.Document.JSON())
		}
		var got []string
		for _, o := range result.NeededBy(s, tc.action, tc.resource) {
			got = append(got, o.Text().String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s on %s is needed by %q, want %q", tc.action, tc.resource, got, want)
		}
	}
	if got := result.NeededBy(result.Document.Statement[0], "s3:DeleteBucket", "*"); got != nil {
		t.Errorf("a grant the statement does not make is needed by %q", got)
	}
}

func statementGranting(doc Document, action, resource string) (Statement, bool) {
	for _, s := range doc.Statement {
		if slices.Contains(s.Action, action) && slices.Contains(s.Resource, resource) {
			return s, true
		}
	}
	return Statement{}, false
}
