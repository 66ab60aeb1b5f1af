# terraform test: the reviewed pipeline needs exactly the approved actions,
# and adding an action type fails the check until someone approves it.

run "approved_actions_cover_the_pipeline" {
  command = plan

  assert {
    condition     = length(local.unapproved_iam_actions) == 0
    error_message = "Unapproved IAM actions: ${join(", ", sort(local.unapproved_iam_actions))}"
  }

  assert {
    condition     = alltrue([for s in data.codepipeline_service_role_policy.pipeline.statements : length(s.needed_by) > 0 && length(s.sources) > 0])
    error_message = "Every statement names the inputs that need it and its sources."
  }
}

run "a_new_action_type_needs_approval" {
  command = plan

  variables {
    extra_action_providers = ["Deploy/ECS"]
  }

  expect_failures = [check.iam_actions_approved]
}
