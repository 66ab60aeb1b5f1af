package iamref

import "testing"

// TestPatternsIntersect pins the matcher on the catalog's kinds of templates.
func TestPatternsIntersect(t *testing.T) {
	for _, c := range []struct {
		arn, format string
		want        bool
	}{
		{"arn:aws:ecs:*:*:task/*/*", "arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}", true},
		{"arn:aws:ecs:*:*:task/*", "arn:${Partition}:ecs:${Region}:${Account}:task-definition/${Family}:${Revision}", false},
		{"arn:aws:logs:us-east-1:1:log-group:/aws/codepipeline/x:*", "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}", true},
		{"arn:aws:devicefarm:us-east-1:*:devicepool:*", "arn:${Partition}:devicefarm:${Region}:${Account}:devicepool:${ResourceId}", true},
		{"arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}", true},
		{"arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:${Partition}:ssm:${Region}:${Account}:document/", false},
		{"arn:aws:s3:::bucket", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", false},
		{"arn:aws:s3:::bucket/*", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", true},
		{"arn:aws:s3:::bucket/", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", false},
		{"arn:aws:iam::1:role/r", "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", true},
		{"arn:aws:iam:us-east-1:1:role/r", "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", false},
		{"arn:aws:sns:us-east-1:1:*", "arn:${Partition}:sns:${Region}:${Account}:${TopicName}", true},
		{"arn:aws:sns:us-east-1:*", "arn:${Partition}:sns:${Region}:${Account}:${TopicName}", false},
		{"arn:aws:autoscaling:us-east-1:1:*Name/awseb-*", "arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:${GroupId}:autoScalingGroupName/${GroupFriendlyName}", false},
		{"arn:aws:autoscaling:us-east-1:1:autoScalingGroup:*:autoScalingGroupName/awseb-*", "arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:${GroupId}:autoScalingGroupName/${GroupFriendlyName}", true},
		{"arn:aws:ec2:us-east-1:1:*", "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}", true},
	} {
		if got := MatchesFormat(c.arn, c.format); got != c.want {
			t.Errorf("MatchesFormat(%s, %s) = %v, want %v", c.arn, c.format, got, c.want)
		}
	}
}
