package alerts

import (
	"fmt"
	"sync"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
)

// Digest schedule. A shopper's digest days follow their frequency — every day (daily), Monday,
// Wednesday and Friday (3x-week), Monday (weekly), never (off) — and a digest is due from
// DigestHour o'clock local time on such a day, in the shopper's IANA time zone. Each due time is
// a slot named by its local date ("2026-11-26"): a digest is made at most once per slot (the
// digests table is unique on user and period key). The current slot is the latest one that has
// started, so a run that starts late (the process was down) still makes it, and never an older
// one; a slot stays current until the next one starts.

// Slot is one scheduled digest of one shopper.
type Slot struct {
	// Key names the slot: the shopper's local date of the digest day, "2006-01-02".
	Key string
	// Start is when the slot's digest became due (DigestHour o'clock on that date, local time).
	Start time.Time
}

// PeriodLayout is how a slot key spells its local date.
const PeriodLayout = "2006-01-02"

// DigestDay reports whether the frequency sends a digest on weekday d.
func DigestDay(f account.Frequency, d time.Weekday) bool {
	switch f {
	case account.Daily:
		return true
	case account.ThreeAWeek:
		return d == time.Monday || d == time.Wednesday || d == time.Friday
	case account.Weekly:
		return d == time.Monday
	}
	return false
}

// CurrentSlot is the shopper's latest slot that has started at now: ok is false when none has
// (frequency off or unknown). The slot's start is DigestHour:00 local time on the digest day;
// on a day when that hour does not exist (a DST change skips it) Go's normalisation moves it to
// the same instant an hour later or earlier, and on a day when it exists twice either instant
// may be taken: the key, and so the one digest of that day, is the same.
func CurrentSlot(f account.Frequency, hour int, loc *time.Location, now time.Time) (Slot, bool) {
	if loc == nil || hour < 0 || hour > 23 {
		return Slot{}, false
	}
	local := now.In(loc)
	y, m, d := local.Date()
	// Eight days back covers a weekly slot whose hour has not come yet today.
	for back := 0; back <= 7; back++ {
		noon := time.Date(y, m, d-back, 12, 0, 0, 0, loc) // noon always exists, whatever DST does
		if !DigestDay(f, noon.Weekday()) {
			continue
		}
		start := time.Date(y, m, d-back, hour, 0, 0, 0, loc)
		if start.After(now) {
			continue
		}
		return Slot{Key: noon.Format(PeriodLayout), Start: start}, true
	}
	return Slot{}, false
}

// Zones loads IANA time zones once each; the zero value is ready and safe for concurrent use.
type Zones struct {
	mu    sync.Mutex
	zones map[string]zone
}

type zone struct {
	loc *time.Location
	err error
}

// Load returns the named zone ("" is UTC); the error names the field and the zone.
func (z *Zones) Load(name string) (*time.Location, error) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if got, ok := z.zones[name]; ok {
		return got.loc, got.err
	}
	var got zone
	if name == "" {
		got.loc = time.UTC
	} else if got.loc, got.err = time.LoadLocation(name); got.err != nil {
		got.loc, got.err = nil, fmt.Errorf("time_zone %q is not a known IANA time zone", name)
	}
	if z.zones == nil {
		z.zones = map[string]zone{}
	}
	z.zones[name] = got
	return got.loc, got.err
}

// ValidPeriodKey checks a period key given by hand (tagdrop digest --period).
func ValidPeriodKey(key string) error {
	if _, err := time.Parse(PeriodLayout, key); err != nil {
		return fmt.Errorf("period %q is not a date YYYY-MM-DD", key)
	}
	return nil
}
