# terraform test (command = plan): the console-made role lacks the
# connection's permissions, and with missing_policy_json added it lacks
# nothing.

run "the_role_lacks_the_connection" {
  command = plan

  assert {
    condition     = output.complete == false
    error_message = "The 2019 default policy does not allow the CodeConnections source."
  }

  assert {
    condition = toset([for m in data.codepipeline_service_role_audit.pipeline.missing : "${m.iam_action} ${m.resource}"]) == toset([
      "codeconnections:UseConnection arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
      "codeconnections:UseConnection arn:aws:codestar-connections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
      "codestar-connections:UseConnection arn:aws:codeconnections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
      "codestar-connections:UseConnection arn:aws:codestar-connections:eu-west-1:111122223333:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
    ])
    error_message = "Exactly the connection's two actions, on both of its ARN forms, are missing: ${jsonencode(output.missing)}"
  }

  assert {
    condition     = alltrue([for m in data.codepipeline_service_role_audit.pipeline.missing : m.denied_by == null])
    error_message = "No Deny statement is in the way."
  }

  assert {
    condition     = jsondecode(output.missing_policy_json).Statement[0].Sid == "CodeConnectionsUse" && length(jsondecode(output.missing_policy_json).Statement) == 1
    error_message = "missing_policy_json is the one connections statement."
  }

  assert {
    condition     = anytrue([for b in output.broader_than_needed : b.kind == "actions" && contains(b.granted, "s3:*")])
    error_message = "The default policy's service wildcards are broader than needed."
  }
}

# The policy to attach, added as a second document: the audit is complete.
run "with_missing_policy_json_the_role_is_complete" {
  command = plan

  module {
    source = "./tests/with-additions"
  }

  assert {
    condition     = output.complete_before == false && output.complete_after == true
    error_message = "Attaching missing_policy_json completes the role."
  }
}
