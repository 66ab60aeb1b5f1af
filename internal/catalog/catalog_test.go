package catalog

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	sidPattern         = regexp.MustCompile(`^[A-Za-z0-9]*[A-Za-z]$`)
	actionPattern      = regexp.MustCompile(`^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$`)
	placeholderPattern = regexp.MustCompile(`\$\{[A-Za-z0-9]+(\.(Partition|Region|Account|Name|Qualified|Qualifier))?\}`)
)

// statements visits every statement of the catalog with a name for messages.
func statements(visit func(where string, s Statement)) {
	for i, s := range ArtifactStore() {
		visit(fmt.Sprintf("artifact store statement %d (%s)", i, s.Sid), s)
	}
	for _, s := range ActionRoles() {
		visit("action role statement "+s.Sid, s)
	}
	for _, at := range slices.Concat(All(), Rules()) {
		for _, s := range at.Statements {
			visit(at.Key()+" statement "+s.Sid, s)
		}
	}
}

func TestEveryActionTypeOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, at := range All() {
		if seen[at.Key()] {
			t.Errorf("%s is in the catalog twice", at.Key())
		}
		seen[at.Key()] = true
		if _, ok := CanonicalCategory(at.Category); !ok {
			t.Errorf("%s has an unknown category", at.Key())
		}
		if at.Owner != OwnerAWS && at.Owner != OwnerThirdParty {
			t.Errorf("%s has owner %q", at.Key(), at.Owner)
		}
		if at.DocsURL == "" {
			t.Errorf("%s cites no documentation page", at.Key())
		}
		if len(at.Statements) == 0 && at.Note == "" {
			t.Errorf("%s grants nothing and does not say why", at.Key())
		}
	}
	// Every action type AWS documents, as listed in the foundation issue.
	want := []string{
		"Source/S3", "Source/ECR", "Source/CodeCommit", "Source/CodeStarSourceConnection", "Source/GitHub",
		"Build/CodeBuild", "Build/ECRBuildAndPublish", "Test/CodeBuild", "Test/DeviceFarm",
		"Deploy/S3", "Deploy/CloudFormation", "Deploy/CloudFormationStackSet", "Deploy/CloudFormationStackInstances",
		"Deploy/CodeDeploy", "Deploy/CodeDeployToECS", "Deploy/ECS", "Deploy/ElasticBeanstalk", "Deploy/OpsWorks",
		"Deploy/ServiceCatalog", "Deploy/AlexaSkillsKit", "Deploy/AppConfig", "Deploy/EC2", "Deploy/EKS", "Deploy/Lambda",
		"Approval/Manual", "Invoke/Lambda", "Invoke/StepFunctions", "Invoke/InspectorScan", "Invoke/CodePipeline",
		"Invoke/Snyk", "Compute/Commands",
	}
	for _, key := range want {
		if !seen[key] {
			t.Errorf("%s is missing from the catalog", key)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("catalog has %d action types, want %d", len(seen), len(want))
	}
}

func TestStatementsAreWellFormed(t *testing.T) {
	statements(func(where string, s Statement) {
		if !sidPattern.MatchString(s.Sid) {
			t.Errorf("%s: Sid must be alphanumeric and not end in a digit (digits number repeated Sids)", where)
		}
		if len(s.Actions) == 0 || len(s.Resources) == 0 || len(s.Sources) == 0 {
			t.Errorf("%s: needs actions, resources and at least one source", where)
		}
		for _, a := range s.Actions {
			if !actionPattern.MatchString(a) {
				t.Errorf("%s: %q is not one exact IAM action (no wildcards)", where, a)
			}
		}
		for _, r := range s.Resources {
			whole := placeholderPattern.FindString(r) == r
			if r != "*" && !strings.HasPrefix(r, "arn:${Partition}:") && !whole {
				t.Errorf("%s: resource %q must be \"*\", an ARN template in ${Partition} or one placeholder for a whole ARN", where, r)
			}
			if rest := placeholderPattern.ReplaceAllString(r, ""); strings.Contains(rest, "${") {
				t.Errorf("%s: resource %q has a malformed placeholder", where, r)
			}
		}
		if r := s.Resources; len(r) > 0 && r[0] == "*" && (len(r) > 1 || s.Note == "") {
			t.Errorf("%s: Resource \"*\" must stand alone and the note must say why", where)
		}
		for _, a := range s.Actions {
			if a == "iam:PassRole" && (len(s.Actions) != 1 || len(s.Condition["StringEquals"]["iam:PassedToService"]) == 0) {
				t.Errorf("%s: iam:PassRole needs a statement of its own limited by iam:PassedToService", where)
			}
		}
	})
}

// TestSharedSidsAgree keeps merged statements readable and exact: statements
// that share a Sid share their condition, and either their resources (their
// actions combine) or their actions (their resources combine).
func TestSharedSidsAgree(t *testing.T) {
	first := map[string]Statement{}
	statements(func(where string, s Statement) {
		prev, ok := first[s.Sid]
		if !ok {
			first[s.Sid] = s
			return
		}
		sameResources := reflect.DeepEqual(prev.Resources, s.Resources)
		sameActions := reflect.DeepEqual(prev.Actions, s.Actions)
		if !reflect.DeepEqual(prev.Condition, s.Condition) || (!sameResources && !sameActions) {
			t.Errorf("%s: shares its Sid with another statement but not its condition and resources or actions", where)
		}
	})
}

func TestLookups(t *testing.T) {
	if at, ok := Lookup("Deploy", "S3"); !ok || at.Key() != "Deploy/S3" {
		t.Errorf("Lookup(Deploy, S3) = %v, %v", at.Key(), ok)
	}
	if _, ok := Lookup("Source", "CloudFormation"); ok {
		t.Error("Lookup found CloudFormation in Source")
	}
	if got := len(WithProvider("CodeBuild")); got != 2 {
		t.Errorf("CodeBuild is a Build and a Test provider, WithProvider found %d", got)
	}
	if got := len(WithProvider("codebuild")); got != 0 {
		t.Errorf("provider names are case-sensitive, WithProvider(codebuild) found %d", got)
	}
	if c, ok := CanonicalCategory("deploy"); !ok || c != "Deploy" {
		t.Errorf("CanonicalCategory(deploy) = %q, %v", c, ok)
	}
}

// TestTemplatesUseDocumentedKeys checks that every placeholder and option of
// an action type names a pipeline-wide value or one of its documented keys, so
// configuration can scope it.
func TestTemplatesUseDocumentedKeys(t *testing.T) {
	// Sources of values other than the configuration: the pipeline's, and the
	// secrets of environment variables.
	pipelineWide := map[string]bool{Partition: true, Region: true, Account: true, ThisPipeline: true, PassRole: true, Secret: true, SecretKey: true}
	// Names no pipeline definition holds; they always render as "*".
	neverConfigured := map[string]bool{"TaskDefinitionFamily": true}
	for _, at := range slices.Concat(All(), Rules()) {
		if at.ConfigKeys == nil && at.Provider != "Snyk" {
			t.Errorf("%s documents no configuration keys", at.Key())
		}
		for _, s := range at.Statements {
			var templates []string
			templates = append(templates, s.Resources...)
			for _, entries := range s.Condition {
				for key, values := range entries {
					templates = append(templates, key)
					templates = append(templates, values...)
				}
			}
			for _, tmpl := range templates {
				for _, m := range regexp.MustCompile(`\$\{([A-Za-z0-9]+)`).FindAllStringSubmatch(tmpl, -1) {
					key, documented := at.ConfigKey(m[1])
					if !pipelineWide[m[1]] && !neverConfigured[m[1]] && (!documented || key.Kind == Setting) {
						t.Errorf("%s statement %s: placeholder %s is not a documented resource key", at.Key(), s.Sid, m[1])
					}
				}
			}
			if s.Only != nil {
				if _, documented := at.ConfigKey(s.Only.Key); !documented {
					t.Errorf("%s statement %s depends on undocumented key %s", at.Key(), s.Sid, s.Only.Key)
				}
			}
		}
	}
}

// TestNamingRulesHoldTheirExamples keeps each naming rule usable: its pattern
// compiles (lazily, in the builder) and accepts its own example, and every
// name key has a rule.
func TestNamingRulesHoldTheirExamples(t *testing.T) {
	for _, at := range slices.Concat(All(), Rules()) {
		for _, k := range at.ConfigKeys {
			if k.Kind != Setting && k.Naming == nil {
				t.Errorf("%s %s names a resource but has no naming rule", at.Key(), k.Name)
			}
			if k.Kind == ARN && k.ARN == nil {
				t.Errorf("%s %s is an ARN key without an ARN form", at.Key(), k.Name)
			}
			if k.Naming == nil {
				continue
			}
			re, err := regexp.Compile(k.Naming.Pattern)
			switch {
			case err != nil:
				t.Errorf("%s %s: %v", at.Key(), k.Name, err)
			case !re.MatchString(k.Naming.Example):
				t.Errorf("%s %s: the example %q breaks its own rule %s", at.Key(), k.Name, k.Naming.Example, k.Naming.Pattern)
			case k.Naming.Rule == "" || k.Naming.Source == "" || k.Naming.Resource == "":
				t.Errorf("%s %s: a naming rule needs the rule in words, its source and what it names", at.Key(), k.Name)
			}
		}
	}
}
