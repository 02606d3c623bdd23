package pricing

import "time"

// QuestionableMinDays is how many days (see Day) of the reference period the claimed regular
// price must have been charged for a discount off it to be taken at its word.
const QuestionableMinDays = 7

// Questionable reports whether the discount an offer claims at now is questionable: whether the
// regular price it is reduced from was charged on fewer than QuestionableMinDays of the last 30
// days the offer was seen before the reduction began. Precisely:
//
//   - The state at now is the last point at or before now. It claims a discount when its price
//     is below its regular price; the claimed regular price is that regular price. No claimed
//     discount, nothing questionable.
//   - The reduction began at the start of the latest unbroken run of points, ending at now, whose
//     price is below the claimed regular price (deeper cuts and sold-out spells inside it belong
//     to the same reduction). The reference period is the time before that start.
//   - The offer was seen during a stretch of the reference period when it existed (at or after
//     its first point) and could be bought (not sold out or gone: see Point). Walking back from
//     the start of the reduction, the last 30 days of seen time form the reference; unseen time
//     is skipped, so an offer that was away for a while is judged on its last 30 days in the shop.
//   - The claimed regular price was charged during the seen time whose price was at least the
//     claimed regular price. Fewer than QuestionableMinDays days of it: questionable.
//
// So an offer launched already "on sale" is questionable (it was never seen at the claimed
// price), as is a markdown from a regular price raised a few days before it; a markdown from a
// price charged for at least a week stays honest however long it lasts, because the reference
// is anchored at its start, not at now. History points after now are ignored.
func Questionable(history []Point, now time.Time) bool {
	q, _, _ := questionableIn(history[:upTo(history, now)], true)
	return q
}

// upTo is how many of history's points are at or before now.
func upTo(history []Point, now time.Time) int {
	n := len(history)
	for n > 0 && history[n-1].At.After(now) {
		n--
	}
	return n
}

// questionableIn is Questionable on h, the history up to now when whole, or else only its end:
// the points from some point on. Then the verdict may depend on the points before h, and ok is
// false: early says it is because every point of h is below the claimed regular price (the
// reduction may have begun before h), not because the reference period reaches behind h.
func questionableIn(h []Point, whole bool) (q, ok, early bool) {
	n := len(h)
	if n == 0 {
		return false, whole, false
	}
	cur := h[n-1]
	if !cur.State().OnSale() {
		return false, true, false
	}
	claim := cur.RegularPrice
	start := n - 1
	for start > 0 && h[start-1].Price < claim {
		start--
	}
	if start == 0 && !whole {
		return false, false, true
	}
	var seen, charged time.Duration
	j := start - 1
	for ; j >= 0 && seen < ReferenceWindow; j-- {
		if !h[j].buyable() {
			continue
		}
		d := min(h[j+1].At.Sub(h[j].At), ReferenceWindow-seen)
		seen += d
		if h[j].Price >= claim {
			charged += d
		}
	}
	if j < 0 && seen < ReferenceWindow && !whole {
		return false, false, false
	}
	return charged < QuestionableMinDays*Day, true, false
}
