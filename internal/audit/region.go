package audit

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pipelinepolicy/terraform-provider-codepipeline/internal/policy"
)

const requestedRegion = "aws:RequestedRegion"

// regions returns the values of aws:RequestedRegion for a grant: the region
// its resource names, or else the region of each action, rule or artifact
// store that needs it. It returns nil, leaving the key out, when a region is
// not known, and when no document names the key, which then cannot matter.
func (p prober) regions(resource string, neededBy func() []policy.Origin) []string {
	if !p.regional {
		return nil
	}
	if region, ok := arnRegion(resource); ok {
		return []string{region}
	}
	var out []string
	for _, o := range neededBy() {
		out = append(out, p.originRegions(o, resource)...)
	}
	if len(out) == 0 || slices.Contains(out, "") {
		return nil
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// arnRegion returns the region an ARN names, when it names exactly one.
func arnRegion(resource string) (string, bool) {
	fields := strings.SplitN(resource, ":", 6)
	if len(fields) != 6 || fields[3] == "" || hasWildcard(fields[3]) {
		return "", false
	}
	return fields[3], true
}

// originRegions returns where the calls of an origin are made: an action's
// or rule's own region, else the pipeline's; the artifact stores' regions
// for the pipeline's own grants.
func (p prober) originRegions(o policy.Origin, resource string) []string {
	if o.Path == nil {
		return p.storeRegions(resource)
	}
	return []string{o.Region}
}

// storeRegions returns the region of the artifact store whose bucket the
// resource names, or of every store when it names none of them.
func (p prober) storeRegions(resource string) []string {
	out := []string{p.req.Region}
	if len(p.req.ArtifactStores) > 0 {
		out = nil
	}
	fields := strings.SplitN(resource, ":", 6)
	for _, s := range p.req.ArtifactStores {
		region := cmp.Or(s.Region, p.req.Region)
		if len(fields) == 6 && fields[2] == "s3" && strings.Split(fields[5], "/")[0] == s.Location {
			return []string{region}
		}
		out = append(out, region)
	}
	return out
}
