package jobs

import "time"

// MaxBackoff caps the wait after failures: a feed that keeps failing is still tried daily, so it
// recovers on its own within a day of the retailer fixing it.
const MaxBackoff = 24 * time.Hour

// Backoff is how long to wait before refreshing a feed whose last failures refreshes in a row
// failed: its interval every × 2^failures, capped at MaxBackoff, then spread by ±10% with r
// (a uniform random number in [0, 1)) so that feeds that failed together (a host down for an
// hour) do not all come back in the same tick. The cap holds after the spread. With no failures
// the interval is returned as is.
func Backoff(every time.Duration, failures int, r float64) time.Duration {
	if failures <= 0 {
		return every
	}
	d := every
	for range failures {
		if d >= MaxBackoff {
			break
		}
		d *= 2
	}
	d = min(d, MaxBackoff)
	d += time.Duration((r*0.2 - 0.1) * float64(d))
	return min(d, MaxBackoff)
}
