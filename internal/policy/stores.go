package policy

import "github.com/pipelinepolicy/terraform-provider-codepipeline/internal/catalog"

// CodePipeline keeps a pipeline's artifacts in one S3 bucket per region it runs
// actions in: artifactStores is a map keyed by region, and a pipeline with a
// cross-region action must have a store in that action's region.
const docsCrossRegion = catalog.DocsCrossRegion

// storeLayout checks the artifact stores against each other and against the
// regions the actions and rules run in. A store without a region is the
// pipeline region's store, which only a pipeline with one store may leave
// unnamed.
func (c *checker) storeLayout() {
	stores := c.req.ArtifactStores
	if len(stores) == 0 || !c.fullyKnown(Path{FieldArtifactStores}) {
		return
	}
	byRegion := map[string]int{}
	unnamed := 0
	for i, s := range stores {
		at := Path{FieldArtifactStores, i, FieldRegion}
		if s.Region == "" {
			if unnamed++; unnamed == 1 && len(stores) > 1 {
				c.addError(CodeStoreWithoutRegion, at, "Artifact store without a region", say(
					"%s has %d stores, so each names its region: CodePipeline keys several stores by region (%s). "+
						"Set %s to the region of the bucket %q, and likewise for every store without one.",
					FieldArtifactStores, len(stores), docsCrossRegion, at, s.Location))
			}
			continue
		}
		if first, taken := byRegion[s.Region]; taken {
			c.addError(CodeDuplicateStoreRegion, at, "Two artifact stores in one region", say(
				"%s and %s are both in %q; CodePipeline holds one artifact store per region (%s). Keep one of them.",
				Path{FieldArtifactStores, first}, Path{FieldArtifactStores, i}, s.Region, docsCrossRegion))
			continue
		}
		byRegion[s.Region] = i
	}
	if len(stores) == 1 && stores[0].Region == "" {
		return // the pipeline region's store; other regions are checked only with named stores
	}
	c.regionHasStore(Path{FieldRegion}, c.req.Region, byRegion)
	for i, a := range c.req.PipelineActions {
		c.regionHasStore(Path{FieldPipelineActions, i, FieldRegion}, a.Region, byRegion)
	}
	for i, r := range c.req.PipelineRules {
		c.regionHasStore(Path{FieldPipelineRules, i, FieldRegion}, r.Region, byRegion)
	}
}

func (c *checker) addError(code Code, path Path, summary string, detail Text) {
	p := errorAt(code, path, summary, detail)
	c.add(&p)
}

// regionHasStore reports a region, given at path, that no store is in.
func (c *checker) regionHasStore(path Path, region string, byRegion map[string]int) {
	if _, ok := byRegion[region]; ok || region == "" || !c.known(path) || !regionPattern().MatchString(region) {
		return
	}
	c.addError(CodeRegionWithoutStore, path, "No artifact store in this region", say(
		"%s is %q, but no entry of %s is in that region. CodePipeline needs an artifact store in the pipeline's "+
			"region and in every region an action or rule runs in (%s): add { location = \"<bucket in %s>\", region = %q } to %s.",
		path, region, FieldArtifactStores, docsCrossRegion, region, region, FieldArtifactStores))
}
