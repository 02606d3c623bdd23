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
		{"20261120T100000+0100/20261130", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)},
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
