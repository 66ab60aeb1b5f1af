package iameval

import (
	"slices"
	"strings"
)

// multiValuedGlobalKeys are the global condition keys AWS documents as
// multivalued (ArrayOfString): a request carries them as a set even when the
// set has one member, so operators without ForAnyValue/ForAllValues never
// match them.
var multiValuedGlobalKeys = []string{
	"aws:calledvia",
	"aws:principalorgpaths",
	"aws:principalservicenameslist",
	"aws:resourceorgpaths",
	"aws:sourceorgpaths",
	"aws:tagkeys",
	"aws:vpceorgpaths",
}

// requestContext holds the request's condition keys by lower-cased name:
// IAM matches key names without regard to case.
type requestContext map[string]contextValue

type contextValue struct {
	values []string
	multi  bool
}

func newRequestContext(req Request) requestContext {
	ctx := requestContext{}
	names := make([]string, 0, len(req.Context))
	for name := range req.Context {
		names = append(names, name)
	}
	slices.Sort(names) // keys that differ only in case merge in a fixed order
	for _, name := range names {
		key := strings.ToLower(name)
		v := ctx[key]
		v.values = append(v.values, req.Context[name]...)
		ctx[key] = v
	}
	for key, v := range ctx {
		v.multi = len(v.values) != 1 || slices.Contains(multiValuedGlobalKeys, key) ||
			slices.ContainsFunc(req.MultiValued, func(k string) bool { return strings.EqualFold(k, key) })
		ctx[key] = v
	}
	return ctx
}

func (c requestContext) lookup(key string) (contextValue, bool) {
	v, ok := c[strings.ToLower(key)]
	return v, ok
}

// single returns the value of a present, single-valued key.
func (c requestContext) single(key string) (string, bool) {
	v, ok := c.lookup(key)
	if !ok || v.multi {
		return "", false
	}
	return v.values[0], true
}
