package policy

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"
)

// The documents a pipeline needs besides its service role's policy, built
// from the same description so they agree with it: trust policies, the bucket
// and key policy statements that let action roles of other accounts use the
// artifact stores, and the policy and trust of the role EventBridge uses to
// start the pipeline when a source changes.

// Roles are the pipeline's other IAM documents. A nil document is not needed.
type Roles struct {
	// Trust lets CodePipeline assume the service role.
	Trust Document
	// ActionRoleTrust holds, per action role, a trust policy that lets the
	// service role, and only it, assume that role. Empty without ServiceRoleARN.
	ActionRoleTrust map[string]Document
	// BucketPolicies holds, per artifact bucket, the statements its bucket
	// policy needs for action roles of other accounts.
	BucketPolicies map[string]Document
	// KeyPolicy holds the statements the artifact stores' key policies need.
	KeyPolicy *Document
	// EventRole and EventRoleTrust are the EventBridge rule's role.
	EventRole, EventRoleTrust *Document
}

const (
	assumeRole       = "sts:AssumeRole"
	principalAWS     = "AWS"
	principalService = "Service"
)

// roles builds the other documents of a checked request and its policies.
func (p *plan) roles(result *Result) Roles {
	r := Roles{Trust: p.serviceRoleTrust(), ActionRoleTrust: map[string]Document{}, BucketPolicies: map[string]Document{}}
	service := p.req.ServiceRoleARN
	for _, role := range slices.Sorted(maps.Keys(result.RolePolicies)) {
		if service != "" {
			r.ActionRoleTrust[role] = Document{Version: Version, Statement: []Statement{{
				Sid: "PipelineServiceRoleAssumeRole", Effect: "Allow",
				Principal: map[string][]string{principalAWS: {service}}, Action: []string{assumeRole},
				why: &catalog.ActionRoleTrustWhy,
			}}}
		}
	}
	foreign := p.otherAccountRoles(result)
	for _, store := range p.req.ArtifactStores {
		if doc := bucketPolicy(store.Location, foreign, result.RolePolicies, p.pipeline.partition()); doc != nil {
			r.BucketPolicies[store.Location] = *doc
		}
	}
	r.KeyPolicy = p.keyPolicy(result, foreign)
	if p.needsEventRole() {
		eventScope := scope{pipeline: p.pipeline, pipelineUnset: p.unset}
		rendered := render(eventScope, catalog.EventRoleStatements(), nil)
		result.renderedEvent, result.eventOrigins = rendered, p.eventOrigins()
		doc := NewDocument(rendered)
		r.EventRole = &doc
		result.Unscoped = append(result.Unscoped, unscoped(Path{FieldEventRole}, rendered, doc)...)
		r.EventRoleTrust = serviceTrust(catalog.EventsService, nil)
		r.EventRoleTrust.Statement[0].why = &catalog.EventRoleTrustWhy
	}
	return r
}

// serviceRoleTrust lets CodePipeline assume the service role; with
// TrustSourceConditions, only on behalf of this pipeline of this account.
func (p *plan) serviceRoleTrust() Document {
	var condition map[string]map[string][]string
	if p.req.TrustSourceConditions {
		pipelineARN := fmt.Sprintf("arn:%s:codepipeline:%s:%s:%s", p.pipeline.partition(),
			orWildcard(p.req.Region), p.req.AccountID, p.req.PipelineName)
		condition = map[string]map[string][]string{
			"StringEquals": {"aws:SourceAccount": {p.req.AccountID}},
			"ArnLike":      {"aws:SourceArn": {pipelineARN}},
		}
	}
	trust := serviceTrust(catalog.CodePipelineService, condition)
	trust.Statement[0].why = &catalog.ServiceRoleTrustWhy
	return *trust
}

func serviceTrust(service string, condition map[string]map[string][]string) *Document {
	return &Document{Version: Version, Statement: []Statement{{
		Sid: "AllowServiceToAssumeRole", Effect: "Allow", Principal: map[string][]string{principalService: {service}},
		Action: []string{assumeRole}, Condition: condition,
	}}}
}

func orWildcard(s string) string {
	if s == "" {
		return "*"
	}
	return s
}

// pipelineAccount is the account of the pipeline and its artifact stores:
// account_id, else the service role's account; "" when neither is given.
func (p *plan) pipelineAccount() string {
	if p.req.AccountID != "" {
		return p.req.AccountID
	}
	if parsed, err := arn.Parse(p.req.ServiceRoleARN); err == nil {
		return parsed.AccountID
	}
	return ""
}

// otherAccountRoles are the action roles whose account is not the pipeline's.
// While the pipeline's account is unknown every action role counts: a
// statement for a role of the same account is redundant, never wrong.
func (p *plan) otherAccountRoles(result *Result) []string {
	account := p.pipelineAccount()
	var roles []string
	for _, role := range slices.Sorted(maps.Keys(result.RolePolicies)) {
		if parsed, err := arn.Parse(role); err == nil && parsed.AccountID != account {
			roles = append(roles, role)
		}
	}
	return roles
}

// bucketPolicy lets each role do on the bucket exactly what its own policy
// grants it there; roles granted the same share a statement.
func bucketPolicy(bucket string, roles []string, policies map[string]Document, partition string) *Document {
	if len(roles) == 0 {
		return nil
	}
	bucketARN := "arn:" + partition + ":s3:::" + bucket
	type grant struct{ resource, actions string }
	principals := map[grant][]string{}
	for _, role := range roles {
		for _, s := range policies[role].Statement {
			for _, resource := range s.Resource {
				if resource == bucketARN || strings.HasPrefix(resource, bucketARN+"/") {
					g := grant{resource, strings.Join(s.Action, " ")}
					principals[g] = append(principals[g], role)
				}
			}
		}
	}
	var statements []Statement
	for g, roles := range principals {
		sid := "CrossAccountActionRolesBucket"
		if g.resource != bucketARN {
			sid = "CrossAccountActionRolesObjects"
		}
		statements = append(statements, Statement{Sid: sid, Effect: "Allow",
			Principal: map[string][]string{principalAWS: sortedUnique(roles)},
			Action:    strings.Fields(g.actions), Resource: []string{g.resource}, why: &catalog.BucketPolicyWhy})
	}
	return canonicalResourcePolicy(statements)
}

// keyPolicy lets the service role and the action roles of other accounts use
// the artifact stores' keys for exactly what their policies grant them.
// Key policy statements name no key: "*" is the key they are attached to.
func (p *plan) keyPolicy(result *Result, foreign []string) *Document {
	keys := p.pipeline[catalog.ArtifactKeyArn]
	if len(keys) == 0 {
		return nil
	}
	keyActions := func(doc Document) []string {
		var actions []string
		for _, s := range doc.Statement {
			for _, r := range s.Resource {
				if slices.ContainsFunc(keys, func(k record) bool { return k.Value == r }) {
					actions = append(actions, s.Action...)
				}
			}
		}
		return sortedUnique(actions)
	}
	var statements []Statement
	service := p.req.ServiceRoleARN
	if service == "" && p.pipelineAccount() != "" {
		// The account root enables the service role's own policy to grant key use.
		service = fmt.Sprintf("arn:%s:iam::%s:root", p.pipeline.partition(), p.pipelineAccount())
	}
	if actions := keyActions(result.Document); service != "" && len(actions) > 0 {
		statements = append(statements, Statement{Sid: "PipelineServiceRoleKeyUse", Effect: "Allow",
			Principal: map[string][]string{principalAWS: {service}}, Action: actions, Resource: []string{"*"},
			why: &catalog.KeyPolicyWhy})
	}
	byActions := map[string][]string{}
	for _, role := range foreign {
		if actions := keyActions(result.RolePolicies[role]); len(actions) > 0 {
			key := strings.Join(actions, " ")
			byActions[key] = append(byActions[key], role)
		}
	}
	for actions, roles := range byActions {
		statements = append(statements, Statement{Sid: "CrossAccountActionRolesKeyUse", Effect: "Allow",
			Principal: map[string][]string{principalAWS: roles}, Action: strings.Fields(actions), Resource: []string{"*"},
			why: &catalog.KeyPolicyWhy})
	}
	if len(statements) == 0 {
		return nil
	}
	return canonicalResourcePolicy(statements)
}

// canonicalResourcePolicy orders statements by Sid, principals, resources
// and actions, and numbers repeated Sids, so the document is the same for the
// same input.
func canonicalResourcePolicy(statements []Statement) *Document {
	key := func(s Statement) string {
		return strings.Join([]string{s.Sid, strings.Join(s.Principal[principalAWS], " "),
			strings.Join(s.Resource, " "), strings.Join(s.Action, " ")}, "\x00")
	}
	slices.SortFunc(statements, func(a, b Statement) int { return strings.Compare(key(a), key(b)) })
	numberRepeatedSids(statements)
	return &Document{Version: Version, Statement: statements}
}

// needsEventRole reports a source of pipeline_actions that starts the
// pipeline through an EventBridge rule; a value only known at run time
// counts. Sources named only in action_providers are not described enough
// to tell, and need no pipeline name.
func (p *plan) needsEventRole() bool { return len(p.eventOrigins()) > 0 }

// eventOrigins are the sources that start the pipeline through EventBridge.
func (p *plan) eventOrigins() []Origin {
	var origins []Origin
	for i := range p.steps {
		s := &p.steps[i]
		option, detects := catalog.ChangeDetection[s.actionType.Key()]
		if !detects || s.config == nil {
			continue
		}
		if granted, _ := s.grants(option); option == nil || granted {
			origins = append(origins, s.origin)
		}
	}
	return origins
}

// partition is the pipeline's partition, which prepare always sets.
func (v values) partition() string {
	if len(v[catalog.Partition]) == 0 {
		return ""
	}
	return v[catalog.Partition][0].Value
}
