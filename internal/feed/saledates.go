package feed

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// saleDate turns one sale date cell into the form pricing.ParseWindow reads on either side of
// its "/": an ISO date ("2026-11-20") stays, a date and time joined by a space ("2026-11-20
// 00:00:00", Magento 1's and WooCommerce's) are joined by "T", and a slashed date is turned
// into an ISO one when its order is known: day first where the first number is above 12 (a
// European shop's "20/11/2026", even in a Magento 2 file), month first where the second is, and
// otherwise month first in Magento 2's exports ("11/1/26", "11/1/26, 9:04 AM": the time dropped,
// the day counts).
// Anything else is passed on as written, so that an unreadable window costs the sale, not the
// item.
func saleDate(v string, monthFirst bool) string {
	v = strings.TrimSpace(v)
	if m := isoDateTime.FindStringSubmatch(v); m != nil {
		return m[1] + "T" + m[2]
	}
	m := slashedDate.FindStringSubmatch(v)
	if m == nil {
		return v
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if len(m[3]) == 2 {
		y += 2000
	}
	month, day := a, b
	switch {
	case a > 12 && b <= 12: // only a day can be above 12, whatever the export's habit
		month, day = b, a
	case b > 12 && a <= 12, monthFirst:
	default:
		return v // 05/06/2026: June or May, nobody can say
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return v
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, month, day)
}

// saleEndDate is saleDate for a sale's last day. A date column that a shop exports with a
// midnight time (Magento 1's special_to_date "2026-11-30 00:00:00") still means the whole day,
// as the shop applies it: the time is dropped, so that the day is included like a bare date.
func saleEndDate(v string, monthFirst bool) string {
	if m := isoDateTime.FindStringSubmatch(strings.TrimSpace(v)); m != nil && midnight.MatchString(m[2]) {
		return m[1]
	}
	return saleDate(v, monthFirst)
}

// midnight is a time of day that is the day's start: "00:00", "0:00:00".
var midnight = regexp.MustCompile(`^0?0:00(?::00)?$`)

// isoDateTime is an ISO date and a time joined by a space.
var isoDateTime = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}) (\d{1,2}:\d{2}(?::\d{2})?)$`)

// slashedDate is a date of two numbers and a year joined by slashes or dots, optionally
// followed by a time (Magento 2 writes "11/1/26, 9:04 AM").
var slashedDate = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$`)
