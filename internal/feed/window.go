package feed

import (
	"regexp"
	"strings"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// isoBasic is an ISO 8601 date and time in the basic format (no separators): 20261120,
// 20261120T1000Z, 20261120T100000+0100.
var isoBasic = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$`)

// saleWindow reads a sale_price_effective_date as pricing.ParseWindow does, after writing
// either end given in ISO 8601's basic format in the extended one ParseWindow reads.
func saleWindow(s string) (pricing.Window, error) {
	if from, until, ok := strings.Cut(s, "/"); ok {
		s = extendedISO(from) + "/" + extendedISO(until)
	}
	return pricing.ParseWindow(s)
}

// extendedISO rewrites a basic-format date and time (20261120T1000Z) in the extended format
// (2026-11-20T10:00Z); anything else is returned as it is.
func extendedISO(s string) string {
	m := isoBasic.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return s
	}
	out := m[1] + "-" + m[2] + "-" + m[3]
	if m[4] != "" {
		out += "T" + m[4] + ":" + m[5]
		if m[6] != "" {
			out += ":" + m[6]
		}
		out += m[7]
	}
	return out
}
