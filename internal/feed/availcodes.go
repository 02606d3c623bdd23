package feed

import (
	"regexp"
	"strconv"
	"strings"
)

// Price-comparison sites' feeds give availability as a number whose meaning is the site's
// own, not a stock count: Heureka's and Zboží's DELIVERY_DATE is the days until the item can
// be sent (0: in stock) or the date it is available from; Ceneo's avail is a code (1 in stock;
// 3, 7, 14 sent within that many days; 90 on order; 110 pre-order; 99 ask the shop). Read as a
// count, 0 would be out of stock and 99 in stock. They are the availability only where the
// feed gives no stock of its own (see deliveryTimes), and are turned into words here.

// availabilityCodes maps each availability column of header that gives one of these codes
// (see above), by its index, to what turns its cells into words; nil when there is none.
func availabilityCodes(header []string, cols []int) map[int]func(string) string {
	var m map[int]func(string) string
	for _, i := range cols {
		var conv func(string) string
		switch headerKey(header[i]) {
		case "deliverydate":
			conv = deliveryDateWords
		case "avail":
			conv = ceneoAvailWords
		default:
			continue
		}
		if m == nil {
			m = map[int]func(string) string{}
		}
		m[i] = conv
	}
	return m
}

// deliveryDateWords reads Heureka's DELIVERY_DATE: 0 in stock; a number of days orderable now
// and sent then, the catalogue's "available for order", or backordered beyond two weeks; a
// date available from then. Words pass as written; another number is no availability ("").
func deliveryDateWords(v string) string {
	if n, err := strconv.Atoi(v); err == nil {
		switch {
		case n == 0:
			return "in stock"
		case n > 0 && n <= 14:
			return "available for order"
		case n > 14:
			return "backorder"
		}
		return ""
	}
	if availableFrom.MatchString(v) {
		return "preorder"
	}
	return v
}

// availableFrom is a date an item becomes available: "2026-12-15", "15.12.2026", with a
// time after it or not.
var availableFrom = regexp.MustCompile(`^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\s?\d{1,2}\.\s?\d{4})(\b.*)?$`)

// ceneoAvailWords reads Ceneo's avail codes (see above). Words pass as written; 99 ("check
// in the shop") is no availability (""); another number is a shop's stock count in a column it
// calls avail (0 out of stock; 5 a count, which the catalogue reads as in stock).
func ceneoAvailWords(v string) string {
	switch strings.TrimSpace(v) {
	case "1":
		return "in stock"
	case "3", "7", "14":
		return "available for order"
	case "90":
		return "backorder"
	case "110":
		return "preorder"
	}
	if n, err := strconv.Atoi(v); err == nil {
		// Not one of Ceneo's codes: a shop's avail column of stock counts (5, 0), which
		// Ceneo's codes never give as 0.
		switch {
		case n == 0:
			return "out of stock"
		case n > 0 && n != 99:
			return strconv.Itoa(n)
		}
		return ""
	}
	return v
}
