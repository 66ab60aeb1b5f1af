// Terraform imports this module only from the state backends replaced by the
// stubs beside it, so an empty module stands in for it.
module github.com/hashicorp/terraform/internal/legacy

go 1.26.8
