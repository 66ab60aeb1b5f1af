package audit

import (
	"reflect"
	"testing"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/iameval"
	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

func TestBroader(t *testing.T) {
	req := pipeline("Deploy/ECS", map[string]string{"ClusterName": "prod", "ServiceName": "web"})
	req.PassRoleARNs = []string{"arn:aws:iam::111122223333:role/web-task"}
	req.ActionProviders = []string{"Invoke/Lambda"}
	built := policy.Build(req).Document
	services := "iam:PassRole on arn:aws:iam::111122223333:role/web-task when iam:PassedToService StringEquals ecs-tasks.amazonaws.com, ecs.amazonaws.com (PassRoleToECS)"
	for name, tc := range map[string]struct {
		statement string
		want      []Broad
	}{
		"exact grants": {allow(`["ecs:DescribeServices", "ecs:UpdateService"]`, `"arn:aws:ecs:eu-west-1:111122223333:service/prod/web"`), nil},
		"a wildcard action": {allow(`["ecs:Describe*", "lambda:ListFunctions"]`, `"arn:aws:ecs:eu-west-1:111122223333:*"`), []Broad{{Kind: BroadActions, Granted: []string{"ecs:Describe*"},
			Instead: []string{"ecs:DescribeTasks on arn:aws:ecs:eu-west-1:111122223333:task/prod/* (ECSDescribeTasks)",
				"ecs:DescribeServices on arn:aws:ecs:eu-west-1:111122223333:service/prod/web (ECSServices)"}}}},
		"NotAction": {`{"Effect": "Allow", "NotAction": ["iam:*", "s3:*"], "Resource": "arn:aws:ecs:*:*:service/*"}`, []Broad{{Kind: BroadActions,
			Granted: []string{"every action except iam:*, s3:*"}, Instead: []string{
				"ecs:DescribeServices, ecs:UpdateService on arn:aws:ecs:eu-west-1:111122223333:service/prod/web (ECSServices)",
			}}}},
		"on \"*\"": {allow(`["ecs:UpdateService", "ecs:RegisterTaskDefinition", "sqs:SendMessage"]`, `"*"`), []Broad{{Kind: BroadResources,
			Granted: []string{"ecs:UpdateService", "sqs:SendMessage"},
			Instead: []string{"ecs:UpdateService on arn:aws:ecs:eu-west-1:111122223333:service/prod/web (ECSServices)"}}}},
		"NotResource": {`{"Effect": "Allow", "Action": "lambda:InvokeFunction", "NotResource": "arn:aws:lambda:*:*:function:admin"}`, []Broad{{Kind: BroadResources,
			Granted: []string{"lambda:InvokeFunction"},
			Instead: []string{"lambda:InvokeFunction on arn:aws:lambda:eu-west-1:111122223333:function:* (LambdaInvokeFunction)"}}}},
		"PassRole to any service": {allow(`"iam:PassRole"`, `"arn:aws:iam::111122223333:role/web-task"`), []Broad{{Kind: BroadPassRole,
			Granted: []string{"iam:PassRole"}, Instead: []string{services}}}},
		"PassRole among everything": {allow(`"*"`, `"arn:aws:iam::111122223333:role/*"`), []Broad{{Kind: BroadActions, Granted: []string{"*"}, Instead: []string{services}},
			{Kind: BroadPassRole, Granted: []string{"*"}, Instead: []string{services}}}},
		"PassRole to named services": {`{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/web-task", "Condition": {"StringEqualsIfExists": {"IAM:PassedToService": "ecs-tasks.amazonaws.com"}}}`, nil},
		"a Deny":                     {`{"Sid": "NoDeletes", "Effect": "Deny", "Action": "*", "Resource": "*"}`, nil},
	} {
		t.Run(name, func(t *testing.T) {
			policies, err := iameval.ParseAll([]string{doc(anyS3), doc(tc.statement)})
			if err != nil {
				t.Fatal(err)
			}
			got := broader(policies, built)
			if len(got) == 0 || got[0].Document != 0 {
				t.Fatalf("s3:* on \"*\" must come first, got %+v", got)
			}
			got = got[2:] // the s3:* statement's two findings
			for i := range tc.want {
				tc.want[i].Document, tc.want[i].Statement = 1, 0
			}
			if len(got)+len(tc.want) > 0 && !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
