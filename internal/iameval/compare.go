package iameval

import (
	"cmp"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// The compare functions below take a request value and one policy value.
// Only the string, ARN and Bool operators resolve policy variables in the
// policy value; the others compare its text as written.

func compareString(fold bool) func(string, string, expander) (bool, bool) {
	return func(request, value string, e expander) (bool, bool) {
		p := e.expand(value)
		if p.unresolved {
			return false, false
		}
		if fold {
			return strings.EqualFold(request, p.literal()), true
		}
		return request == p.literal(), true
	}
}

func compareStringLike(request, value string, e expander) (bool, bool) {
	p := e.expand(value)
	return globMatch(p, request, false), !p.unresolved
}

func compareBool(request, value string, e expander) (bool, bool) {
	p := e.expand(value)
	want := p.literal()
	if p.unresolved || !isBool(want) || !isBool(request) {
		return false, false
	}
	return strings.EqualFold(request, want), true
}

func isBool(s string) bool { return strings.EqualFold(s, "true") || strings.EqualFold(s, "false") }

// compareBinary compares base64 text: equal text is equal bytes.
func compareBinary(request, value string, _ expander) (bool, bool) {
	return request == value, true
}

func compareNumber(want func(int) bool) func(string, string, expander) (bool, bool) {
	return func(request, value string, _ expander) (bool, bool) {
		r, errR := strconv.ParseFloat(request, 64)
		v, errV := strconv.ParseFloat(value, 64)
		if errR != nil || errV != nil || !finite(r) || !finite(v) {
			return false, false
		}
		return want(cmp.Compare(r, v)), true
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func compareDate(want func(int) bool) func(string, string, expander) (bool, bool) {
	return func(request, value string, _ expander) (bool, bool) {
		r, okR := parseDate(request)
		v, okV := parseDate(value)
		if !okR || !okV {
			return false, false
		}
		return want(r.Compare(v)), true
	}
}

// dateLayouts are the W3C date-time profile of ISO 8601 that AWS documents
// for date values; a value without a zone is read as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006-01",
}

// parseDate reads an ISO 8601 date or an integer of seconds since the epoch
// (the form of aws:EpochTime).
func parseDate(s string) (time.Time, bool) {
	if seconds, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(seconds, 0), true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// compareIP reports whether the request address lies in the policy's CIDR
// block or equals its single address. Addresses of the other family are
// outside the block; an invalid value on either side fails both operators.
func compareIP(request, value string, _ expander) (bool, bool) {
	addr, err := netip.ParseAddr(request)
	if err != nil {
		return false, false
	}
	var block netip.Prefix
	if strings.Contains(value, "/") {
		block, err = netip.ParsePrefix(value)
	} else {
		var single netip.Addr
		if single, err = netip.ParseAddr(value); err == nil {
			block = netip.PrefixFrom(single, single.BitLen())
		}
	}
	if err != nil {
		return false, false
	}
	if addr.Is4() != block.Addr().Is4() {
		return false, true
	}
	return block.Masked().Contains(addr), true
}

// compareARN implements ArnEquals and ArnLike, which IAM treats alike: each
// of the six colon-separated fields is matched on its own, case-sensitively,
// with '*' and '?' wildcards that do not cross into the next field (the
// resource field, the last, may itself contain colons). A value with fewer
// than five fields is not an ARN.
func compareARN(request, value string, e expander) (bool, bool) {
	want, got := splitARN(value), strings.SplitN(request, ":", 6)
	if len(want) < 5 || len(got) < 5 || got[0] != "arn" {
		return false, false
	}
	// An ARN short of its resource field has an empty one: it matches no
	// real ARN, so the negated operators hold.
	want, got = append(want, "")[:6], append(got, "")[:6]
	for i := 1; i < 6; i++ {
		p := e.expand(want[i])
		if p.unresolved {
			return false, false
		}
		if !globMatch(p, got[i], false) {
			return false, true
		}
	}
	return true, true
}

// splitARN splits a policy ARN into at most six fields at the colons that
// are outside policy variables ("${aws:username}" has a colon of its own).
func splitARN(s string) []string {
	var fields []string
	start, depth := 0, 0
	for i := 0; i < len(s) && len(fields) < 5; i++ {
		switch {
		case strings.HasPrefix(s[i:], "${"):
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == ':' && depth == 0:
			fields = append(fields, s[start:i])
			start = i + 1
		}
	}
	return append(fields, s[start:])
}
