package policy

// Quotas on the managed policies of one role: attached by default, and at most
// after a quota increase.
const (
	DefaultManagedPoliciesPerRole = 10
	MaxManagedPoliciesPerRole     = 20
)

// Split packs the document's statements, in order, into as few documents as
// it can that each fit limit characters. A statement too large on its own is
// split by resources; every part keeps its Sid, which is unique within its
// document.
func (d Document) Split(limit int) []Document {
	var docs []Document
	current := Document{Version: d.Version}
	for _, s := range d.Statement {
		for _, part := range splitStatement(s, limit) {
			candidate := Document{Version: d.Version, Statement: append(current.Statement[:len(current.Statement):len(current.Statement)], part)}
			if len(current.Statement) > 0 && candidate.Size() > limit {
				docs = append(docs, current)
				candidate = Document{Version: d.Version, Statement: []Statement{part}}
			}
			current = candidate
		}
	}
	return append(docs, current)
}

// splitStatement divides a statement's resources into parts that each fit a
// document of limit characters; it halves until they do, or until one
// resource is left.
func splitStatement(s Statement, limit int) []Statement {
	if (Document{Version: Version, Statement: []Statement{s}}).Size() <= limit || len(s.Resource) < 2 {
		return []Statement{s}
	}
	half := len(s.Resource) / 2
	first, second := s, s
	first.Resource, second.Resource = s.Resource[:half], s.Resource[half:]
	return append(splitStatement(first, limit), splitStatement(second, limit)...)
}
