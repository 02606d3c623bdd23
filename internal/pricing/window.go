package pricing

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Window is when a sale price is in effect. A zero From or Until leaves that side open.
type Window struct {
	From, Until time.Time
}

// Applies reports whether at falls inside the window (From inclusive, Until exclusive).
func (w Window) Applies(at time.Time) bool {
	if !w.From.IsZero() && at.Before(w.From) {
		return false
	}
	if !w.Until.IsZero() && !at.Before(w.Until) {
		return false
	}
	return true
}

// ParseWindow reads GMC's sale_price_effective_date: two ISO 8601 times joined by "/"
// ("2021-02-24T11:07+0100/2021-02-29T23:07+0100", or in the basic format "20261120T1000Z/…").
// Either side may be empty; an end written as a date alone includes that day. Two forms shops
// write instead are read too: a single date
// ("2026-11-20": that day, in UTC) and a day-first or month-first pair of dates joined by a dash
// ("20/11/2026 - 05/12/2026", both days included) when one of its numbers above 12 tells which
// is the day. Dates are read
// leniently, as Google's own example is: an impossible day such as 29 February 2021 rolls over
// into March rather than losing the sale. A time without a zone is taken as UTC.
func ParseWindow(s string) (Window, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Window{}, nil
	}
	if w, ok, err := parseLooseWindow(s); ok {
		return w, err
	}
	from, until, ok := strings.Cut(s, "/")
	if !ok {
		return Window{}, fmt.Errorf("sale_price_effective_date %q is not START/END", s)
	}
	var w Window
	var err error
	if w.From, err = parseISOTime(from); err != nil {
		return Window{}, fmt.Errorf("sale_price_effective_date %q: %v", s, err)
	}
	if w.Until, err = parseISOTime(until); err != nil {
		return Window{}, fmt.Errorf("sale_price_effective_date %q: %v", s, err)
	}
	if isoDateOnly.MatchString(strings.TrimSpace(until)) {
		w.Until = w.Until.AddDate(0, 0, 1) // an end day without a time is included
	}
	if !w.From.IsZero() && !w.Until.IsZero() && w.Until.Before(w.From) {
		return Window{}, fmt.Errorf("sale_price_effective_date %q ends before it starts", s)
	}
	return w, nil
}

// isoBasic is an ISO 8601 date and time in the basic format (no separators): 20261120,
// 20261120T1000Z, 20261120T100000+0100.
var isoBasic = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$`)

// extendedISO rewrites a basic-format date and time (20261120T1000Z) in the extended format
// (2026-11-20T10:00Z); anything else is returned as it is.
func extendedISO(s string) string {
	m := isoBasic.FindStringSubmatch(s)
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

// parseISOTime reads YYYY-MM-DD[Thh:mm[:ss[.frac]]][Z|±hh[:]mm|±hh], or the same in ISO 8601's
// basic format (20261120T1000Z); empty gives the zero time.
func parseISOTime(s string) (time.Time, error) {
	s = extendedISO(strings.TrimSpace(s))
	if s == "" {
		return time.Time{}, nil
	}
	bad := fmt.Errorf("%q is not an ISO 8601 date and time", s)
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, bad
	}
	y, e1 := strconv.Atoi(s[0:4])
	mo, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:10])
	if e1 != nil || e2 != nil || e3 != nil || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, bad
	}
	rest := s[10:]
	var h, mi, sec int
	if rest != "" && (rest[0] == 'T' || rest[0] == ' ') {
		rest = rest[1:]
		end := strings.IndexAny(rest, "Zz+-")
		if end < 0 {
			end = len(rest)
		}
		clock := rest[:end]
		rest = rest[end:]
		if i := strings.IndexByte(clock, '.'); i >= 0 {
			clock = clock[:i] // fractions of a second do not matter for a sale window
		}
		parts := strings.Split(clock, ":")
		if len(parts) < 2 || len(parts) > 3 {
			return time.Time{}, bad
		}
		var err error
		if h, err = strconv.Atoi(parts[0]); err != nil || h > 24 {
			return time.Time{}, bad
		}
		if mi, err = strconv.Atoi(parts[1]); err != nil || mi > 59 {
			return time.Time{}, bad
		}
		if len(parts) == 3 {
			if sec, err = strconv.Atoi(parts[2]); err != nil || sec > 60 {
				return time.Time{}, bad
			}
		}
	}
	loc := time.UTC
	switch {
	case rest == "" || rest == "Z" || rest == "z":
	case rest[0] == '+' || rest[0] == '-':
		off := strings.ReplaceAll(rest[1:], ":", "")
		if len(off) == 2 {
			off += "00"
		}
		if len(off) != 4 {
			return time.Time{}, bad
		}
		oh, err1 := strconv.Atoi(off[:2])
		om, err2 := strconv.Atoi(off[2:])
		if err1 != nil || err2 != nil || oh > 14 || om > 59 {
			return time.Time{}, bad
		}
		secs := oh*3600 + om*60
		if rest[0] == '-' {
			secs = -secs
		}
		loc = time.FixedZone("", secs)
	default:
		return time.Time{}, bad
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc).UTC(), nil
}

// looseDates is a pair of slashed dates joined by a dash: "20/11/2026 - 05/12/2026".
var looseDates = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})\s*[-–]\s*(\d{1,2})/(\d{1,2})/(\d{4})$`)

// isoDateOnly is a date without a time, in ISO 8601's extended or basic format.
var isoDateOnly = regexp.MustCompile(`^\d{4}-?\d{2}-?\d{2}$`)

// parseLooseWindow reads the window forms ParseWindow accepts besides START/END; ok is false
// when s is none of them. A pair of slashed dates whose numbers are all 12 or below could be
// day-first or month-first: that is an error, not a guess.
func parseLooseWindow(s string) (w Window, ok bool, err error) {
	if isoDateOnly.MatchString(s) {
		day, err := parseISOTime(s)
		if err != nil {
			return Window{}, true, fmt.Errorf("sale_price_effective_date %q: %v", s, err)
		}
		return Window{From: day, Until: day.AddDate(0, 0, 1)}, true, nil
	}
	m := looseDates.FindStringSubmatch(s)
	if m == nil {
		return Window{}, false, nil
	}
	n := make([]int, 7)
	for i := 1; i < 7; i++ {
		n[i], _ = strconv.Atoi(m[i])
	}
	dayFirst, monthFirst := n[1] > 12 || n[4] > 12, n[2] > 12 || n[5] > 12
	if dayFirst == monthFirst {
		return Window{}, true, fmt.Errorf("sale_price_effective_date %q: cannot tell the day from the month", s)
	}
	date := func(a, b, y int) (time.Time, bool) {
		d, mo := a, b
		if monthFirst {
			d, mo = b, a
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		return t, mo >= 1 && mo <= 12 && t.Day() == d
	}
	from, ok1 := date(n[1], n[2], n[3])
	last, ok2 := date(n[4], n[5], n[6])
	if !ok1 || !ok2 {
		return Window{}, true, fmt.Errorf("sale_price_effective_date %q: not a date", s)
	}
	if last.Before(from) {
		return Window{}, true, fmt.Errorf("sale_price_effective_date %q ends before it starts", s)
	}
	return Window{From: from, Until: last.AddDate(0, 0, 1)}, true, nil
}
