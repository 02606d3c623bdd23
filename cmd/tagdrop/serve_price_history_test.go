package main

import (
	"errors"
	"strings"
	"testing"
)

// TestServePriceHistoryDays: the retention is 0 (keep everything) or at least the 90 days the
// figures read back; anything else is a usage error naming the flag.
func TestServePriceHistoryDays(t *testing.T) {
	tests := []struct {
		name string
		days int
		ok   bool
	}{
		{name: "off", days: 0, ok: true},
		{name: "the minimum", days: 90, ok: true},
		{name: "a year and a month", days: 400, ok: true},
		{name: "shorter than the figures need", days: 30, ok: false},
		{name: "negative", days: -1, ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := serveConfig{Addr: "127.0.0.1:0", DB: "sqlite:tagdrop.db", Role: "all", RefreshWorkers: 1, PriceHistoryDays: tt.days}
			// Other flags left at zero may be refused too: only this flag's verdict counts here.
			err := c.validate()
			refused := err != nil && strings.Contains(err.Error(), "--price-history-days")
			if tt.ok && refused {
				t.Fatalf("--price-history-days %d refused: %v", tt.days, err)
			}
			if !tt.ok && (!refused || !errors.Is(err, errUsage)) {
				t.Fatalf("--price-history-days %d: err = %v; want a usage error naming the flag", tt.days, err)
			}
		})
	}
}
