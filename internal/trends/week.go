package trends

import (
	"fmt"
	"time"
)

// Week is the start of the ISO week t falls in: Monday 00:00 UTC. Counts are kept per week so
// that two weeks always compare like with like, whatever the hour of an import.
func Week(t time.Time) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	back := (int(day.Weekday()) + 6) % 7 // Monday → 0, Sunday → 6
	return day.AddDate(0, 0, -back)
}

// JudgedWeek is the week the trends of now are judged on: the last complete one, so a Monday
// morning's few imports are never compared with a whole week.
func JudgedWeek(now time.Time) time.Time { return Week(now).AddDate(0, 0, -7) }

// Weeks lists n week starts ending with last (which should itself be a week start), oldest
// first.
func Weeks(last time.Time, n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = last.AddDate(0, 0, -7*(n-1-i))
	}
	return out
}

// WeekName is the ISO name of the week starting at w, such as "2026-W48".
func WeekName(w time.Time) string {
	y, n := w.ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, n)
}
