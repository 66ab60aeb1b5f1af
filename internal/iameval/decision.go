package iameval

// Decision is the outcome of evaluating one request.
type Decision int

const (
	// ImplicitDeny: nothing allows the request (and nothing denies it).
	ImplicitDeny Decision = iota
	// Allowed: an applicable Allow and no applicable Deny.
	Allowed
	// ExplicitDeny: an applicable Deny, which no Allow can override.
	ExplicitDeny
)

func (d Decision) String() string {
	switch d {
	case ImplicitDeny:
		return "implicitDeny"
	case Allowed:
		return "allowed"
	case ExplicitDeny:
		return "explicitDeny"
	}
	return "Decision(invalid)"
}
