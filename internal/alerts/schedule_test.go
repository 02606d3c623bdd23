package alerts

import (
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
)

func TestCurrentSlot(t *testing.T) {
	utc := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// 2026-11-26 is a Thursday, 2026-11-23 a Monday. Europe/Berlin is UTC+1 in winter and
	// springs forward on 2026-03-29 (02:00 → 03:00); America/New_York springs forward on
	// 2026-03-08 and falls back on 2026-11-01.
	tests := []struct {
		name      string
		freq      account.Frequency
		hour      int
		zone      string
		now       string // UTC
		wantKey   string // "" = no slot
		wantStart string // UTC
	}{
		{"daily, hour reached", account.Daily, 8, "Europe/Berlin", "2026-11-26 07:00", "2026-11-26", "2026-11-26 07:00"},
		{"daily, a minute early: yesterday's slot is current", account.Daily, 8, "Europe/Berlin", "2026-11-26 06:59", "2026-11-25", "2026-11-25 07:00"},
		{"daily, late start the same evening", account.Daily, 8, "Europe/Berlin", "2026-11-26 22:30", "2026-11-26", "2026-11-26 07:00"},
		{"daily, local date ahead of UTC", account.Daily, 7, "Pacific/Auckland", "2026-11-25 19:00", "2026-11-26", "2026-11-25 18:00"},
		{"daily, local date behind UTC", account.Daily, 20, "America/Los_Angeles", "2026-11-26 05:00", "2026-11-25", "2026-11-26 04:00"},
		{"daily, midnight", account.Daily, 0, "UTC", "2026-11-26 00:00", "2026-11-26", "2026-11-26 00:00"},
		{"3x-week on Thursday: Wednesday's", account.ThreeAWeek, 8, "UTC", "2026-11-26 12:00", "2026-11-25", "2026-11-25 08:00"},
		{"3x-week on Friday before the hour: Wednesday's", account.ThreeAWeek, 8, "UTC", "2026-11-27 07:59", "2026-11-25", "2026-11-25 08:00"},
		{"3x-week on Friday at the hour", account.ThreeAWeek, 8, "UTC", "2026-11-27 08:00", "2026-11-27", "2026-11-27 08:00"},
		{"3x-week on Monday before the hour: Friday's", account.ThreeAWeek, 8, "UTC", "2026-11-23 07:00", "2026-11-20", "2026-11-20 08:00"},
		{"weekly, late start on Saturday: Monday's, not older", account.Weekly, 9, "UTC", "2026-11-28 15:00", "2026-11-23", "2026-11-23 09:00"},
		{"weekly, Monday before the hour: last week's", account.Weekly, 9, "America/New_York", "2026-11-23 13:59", "2026-11-16", "2026-11-16 14:00"},
		{"weekly, Monday at the hour", account.Weekly, 9, "America/New_York", "2026-11-23 14:00", "2026-11-23", "2026-11-23 14:00"},
		{"off", account.NoDigest, 8, "UTC", "2026-11-26 12:00", "", ""},
		{"unknown frequency", account.Frequency("hourly"), 8, "UTC", "2026-11-26 12:00", "", ""},
		{"hour out of range", account.Daily, 24, "UTC", "2026-11-26 12:00", "", ""},
		// DST: 08:00 local is 13:00 UTC the day before New York springs forward, 12:00 UTC on it.
		{"DST spring forward: 08:00 EDT", account.Daily, 8, "America/New_York", "2026-03-08 12:00", "2026-03-08", "2026-03-08 12:00"},
		{"DST spring forward: before 08:00 EDT", account.Daily, 8, "America/New_York", "2026-03-08 11:59", "2026-03-07", "2026-03-07 13:00"},
		{"DST fall back: 08:00 EST", account.Daily, 8, "America/New_York", "2026-11-01 13:00", "2026-11-01", "2026-11-01 13:00"},
		{"DST fall back: 08:00 EDT would be too early", account.Daily, 8, "America/New_York", "2026-11-01 12:30", "2026-10-31", "2026-10-31 12:00"},
		// 02:00 does not exist in Berlin on 2026-03-29: the slot still happens once that day.
		{"hour skipped by DST", account.Daily, 2, "Europe/Berlin", "2026-03-29 01:30", "2026-03-29", "2026-03-29 01:00"},
		{"hour skipped by DST, the day before", account.Daily, 2, "Europe/Berlin", "2026-03-29 00:30", "2026-03-28", "2026-03-28 01:00"},
	}
	var zones Zones
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := zones.Load(tt.zone)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := CurrentSlot(tt.freq, tt.hour, loc, utc(tt.now))
			if tt.wantKey == "" {
				if ok {
					t.Fatalf("slot %+v, want none", got)
				}
				return
			}
			if !ok {
				t.Fatalf("no slot, want %s", tt.wantKey)
			}
			if got.Key != tt.wantKey || !got.Start.Equal(utc(tt.wantStart)) {
				t.Errorf("slot %s from %s, want %s from %s", got.Key, got.Start.UTC().Format("2006-01-02 15:04"), tt.wantKey, tt.wantStart)
			}
		})
	}
}

// TestCurrentSlotOncePerDay walks a year in Berlin quarter-hour by quarter-hour (both DST
// changes included) and checks that a daily shopper's current slot changes exactly once per
// local day, at the digest hour, and that each key is that local date.
func TestCurrentSlotOncePerDay(t *testing.T) {
	var zones Zones
	loc, err := zones.Load("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, hour := range []int{0, 2, 8, 23} {
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		prev, _ := CurrentSlot(account.Daily, hour, loc, start)
		changes := 0
		for now := start; now.Year() == 2026; now = now.Add(15 * time.Minute) {
			got, ok := CurrentSlot(account.Daily, hour, loc, now)
			if !ok {
				t.Fatalf("hour %d: no slot at %s", hour, now)
			}
			if got.Start.After(now) {
				t.Fatalf("hour %d: slot %s starts after %s", hour, got.Key, now)
			}
			if got.Key == prev.Key {
				continue
			}
			changes++
			local := now.In(loc)
			if got.Key != local.Format(PeriodLayout) || got.Key <= prev.Key {
				t.Fatalf("hour %d: at %s (local %s) the slot became %s after %s", hour, now, local, got.Key, prev.Key)
			}
			// The change happens at the first quarter-hour at or after the digest hour.
			if h := local.Hour(); h != hour && !(hour == 2 && h == 3) {
				t.Fatalf("hour %d: slot %s began at local %s", hour, got.Key, local)
			}
			prev = got
		}
		if days := 365; changes != days {
			t.Errorf("hour %d: %d slot changes in 2026, want %d", hour, changes, days)
		}
	}
}

func TestZones(t *testing.T) {
	var zones Zones
	if loc, err := zones.Load(""); err != nil || loc != time.UTC {
		t.Errorf("empty zone = %v, %v; want UTC", loc, err)
	}
	_, err := zones.Load("Mars/Olympus_Mons")
	if err == nil || !strings.Contains(err.Error(), "time_zone") || !strings.Contains(err.Error(), "Mars/Olympus_Mons") {
		t.Errorf("bad zone error = %v", err)
	}
	if _, err2 := zones.Load("Mars/Olympus_Mons"); err2 == nil || err2.Error() != err.Error() {
		t.Errorf("cached bad zone error = %v", err2)
	}
}

func TestValidPeriodKey(t *testing.T) {
	for key, ok := range map[string]bool{"2026-11-26": true, "2026-02-30": false, "26-11-2026": false, "": false, "2026-11-26x": false} {
		if err := ValidPeriodKey(key); (err == nil) != ok {
			t.Errorf("ValidPeriodKey(%q) = %v", key, err)
		}
	}
}
