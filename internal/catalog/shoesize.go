package catalog

import (
	"math"
	"strconv"
	"strings"
)

// Shoe size conversion follows the chart luxury retailers print for Italian-made shoes
// (EU and IT numbering are the same), in half sizes throughout:
//
//	women:  UK = EU − 33   US = EU − 30     EU 35 = UK 2 = US 5 · EU 38 = UK 5 = US 8 · EU 41 = UK 8 = US 11
//	men:    UK = EU − 34   US = EU − 33     EU 40 = UK 6 = US 7 · EU 42 = UK 8 = US 9 · EU 45 = UK 11 = US 12
//
// Brands' lasts differ by up to half a size; the chart is the common reference, not a fit
// promise. Unisex sizes use the men's chart (unisex sneakers are made on men's lasts).
var shoeOffsets = map[string]struct{ uk, us float64 }{
	"women": {uk: 33, us: 30},
	"men":   {uk: 34, us: 33},
}

// shoeGender maps a feed's gender to the chart it uses; "" when unknown.
func shoeGender(g string) string {
	switch strings.ToLower(strings.TrimSpace(g)) {
	case "", "female", "women", "woman", "womens", "f", "w":
		return "women"
	case "male", "men", "man", "mens", "m", "unisex":
		return "men"
	}
	return ""
}

// ConvertShoe converts a shoe size to another system (EU, UK or US; IT and FR read as EU) for
// a gender ("female", "male", "unisex"; "" means women's). A continental size in thirds
// ("38⅔") goes to the nearest half size. False when s is not a shoe size, a system is not
// convertible, or the result would be no real size.
func ConvertShoe(s Size, toSystem, gender string) (Size, bool) {
	if s.OneSize || s.Kind != KindShoes {
		return Size{}, false
	}
	off, ok := shoeOffsets[shoeGender(gender)]
	if !ok {
		return Size{}, false
	}
	n, ok := shoeNumber(s.Value)
	if !ok {
		return Size{}, false
	}
	eu, ok := toEU(n, shoeSystem(s.System), off.uk, off.us)
	if !ok {
		return Size{}, false
	}
	to := shoeSystem(normaliseSystem(toSystem))
	var v float64
	switch to {
	case SystemEU:
		v = eu
	case SystemUK:
		v = eu - off.uk
	case SystemUS:
		v = eu - off.us
	default:
		return Size{}, false
	}
	v = math.Round(v*2) / 2
	if lo, hi := shoeRange(to); v < lo || v > hi {
		return Size{}, false
	}
	return Size{Kind: KindShoes, System: to, Value: formatSizeNumber(v)}, true
}

// shoeNumber reads a shoe size's value, a continental third included ("38⅔").
func shoeNumber(v string) (float64, bool) {
	third := 0.0
	if t, ok := strings.CutSuffix(v, "⅓"); ok {
		v, third = t, 1.0/3
	} else if t, ok := strings.CutSuffix(v, "⅔"); ok {
		v, third = t, 2.0/3
	}
	n, err := strconv.ParseFloat(v, 64)
	return n + third, err == nil
}

func toEU(n float64, system string, uk, us float64) (float64, bool) {
	switch system {
	case SystemEU:
		return n, true
	case SystemUK:
		return n + uk, true
	case SystemUS:
		return n + us, true
	}
	return 0, false
}

func shoeSystem(s string) string {
	if s == SystemIT || s == SystemFR || s == SystemDE {
		return SystemEU
	}
	return s
}
