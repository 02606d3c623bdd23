package jobs

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	tests := []struct {
		name     string
		every    time.Duration
		failures int
		r        float64
		want     time.Duration
	}{
		{"no failure: the interval", 6 * time.Hour, 0, 0.9, 6 * time.Hour},
		{"first failure doubles, no spread at r=0.5", time.Hour, 1, 0.5, 2 * time.Hour},
		{"third failure: 2^3", time.Hour, 3, 0.5, 8 * time.Hour},
		{"spread down 10%", time.Hour, 1, 0, 108 * time.Minute},
		{"spread up 10%", 10 * time.Minute, 2, 0.99999999, 44 * time.Minute},
		{"capped at a day", 6 * time.Hour, 3, 0.5, MaxBackoff},
		{"cap holds after spread", 6 * time.Hour, 10, 0.99, MaxBackoff},
		{"many failures do not overflow", time.Hour, 500, 0.5, MaxBackoff},
		{"a weekly feed retries within a day", 7 * 24 * time.Hour, 1, 0.5, MaxBackoff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Backoff(tt.every, tt.failures, tt.r)
			if got.Round(time.Second) != tt.want {
				t.Fatalf("Backoff(%s, %d, %v) = %s, want %s", tt.every, tt.failures, tt.r, got, tt.want)
			}
		})
	}
}
