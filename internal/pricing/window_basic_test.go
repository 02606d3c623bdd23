package pricing

import (
	"testing"
	"time"
)

// TestParseWindowBasicFormat: ISO 8601's basic format (no separators) reads like the extended one.
func TestParseWindowBasicFormat(t *testing.T) {
	tests := []struct {
		in       string
		from, to time.Time
	}{
		{"20261120T1000Z/20261130T1000Z", time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)},
		{"20261120T100000+0100/20261130", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}, // an end day alone is included
		{"2026-11-20T10:00Z/2026-11-30T10:00Z", time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		w, err := ParseWindow(tt.in)
		if err != nil || !w.From.Equal(tt.from) || !w.Until.Equal(tt.to) {
			t.Errorf("ParseWindow(%q) = %v – %v, %v; want %v – %v", tt.in, w.From, w.Until, err, tt.from, tt.to)
		}
	}
	if _, err := ParseWindow("20261120T1000Z"); err == nil {
		t.Errorf("a single date: want an error")
	}
}

// TestParseWindowLooseForms: a single date is that day; a dash-joined pair of slashed dates is
// read when a number above 12 tells the day from the month, both days included; an ambiguous
// pair is an error.
func TestParseWindowLooseForms(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in       string
		from, to time.Time
	}{
		{"2026-11-20", day(2026, 11, 20), day(2026, 11, 21)},
		{"20261120", day(2026, 11, 20), day(2026, 11, 21)},
		{"20/11/2026 - 05/12/2026", day(2026, 11, 20), day(2026, 12, 6)},
		{"11/20/2026 – 12/05/2026", day(2026, 11, 20), day(2026, 12, 6)},
		{"05/12/2026-20/12/2026", day(2026, 12, 5), day(2026, 12, 21)},
	}
	for _, tt := range tests {
		w, err := ParseWindow(tt.in)
		if err != nil || !w.From.Equal(tt.from) || !w.Until.Equal(tt.to) {
			t.Errorf("ParseWindow(%q) = %v – %v, %v; want %v – %v", tt.in, w.From, w.Until, err, tt.from, tt.to)
		}
	}
	for _, in := range []string{"05/11/2026 - 10/12/2026", "20/11/2026 - 05/11/2026", "31/02/2026 - 15/03/2026",
		"20/11/2026 - 11/25/2026", "A--B", "2026-11-20T00:00 Europe/Paris/2026-11-30T23:59 Europe/Paris"} {
		if w, err := ParseWindow(in); err == nil {
			t.Errorf("ParseWindow(%q) = %v, want an error", in, w)
		}
	}
}
