package catalog

import (
	"fmt"
	"strconv"
)

// thirdSize reads a continental shoe size in thirds ("38 1/3", "42⅔": Paris points, as adidas
// sizes), kept with its third ("38⅓"); ConvertShoe takes it to the nearest half size. Only
// shoes come in thirds, so text without a kind is read as a shoe.
func thirdSize(m []string, system, kind string) (Size, error, bool) {
	value, third := m[1]+"⅓", 1.0/3
	if m[3] != "" {
		value, third = m[1]+"⅔", 2.0/3
	}
	if kind != "" && kind != KindShoes {
		return Size{}, fmt.Errorf("size %s is in thirds, which only shoe sizes are", value), true
	}
	switch system {
	case "", SystemIT, SystemFR, SystemDE:
		system = SystemEU
	}
	if system != SystemEU {
		return Size{}, fmt.Errorf("shoe size %s %s: only continental sizes come in thirds", system, value), true
	}
	n, _ := strconv.ParseFloat(m[1], 64)
	if lo, hi := shoeRange(system); n+third < lo || n+third > hi {
		return Size{}, fmt.Errorf("shoe size %s %s is outside the sizes tagdrop knows", system, value), true
	}
	return Size{Kind: KindShoes, System: SystemEU, Value: value}, nil, true
}

// numericSize places a number in a system, guessing one when none is given, and checks range.
func numericSize(n float64, num, system, kind string) (Size, error, bool) {
	half := n != float64(int(n))
	switch kind {
	case KindShoes:
		if system == "" {
			system = SystemEU
			if n < 30 {
				system = SystemUS
			}
		}
		if system == SystemIT || system == SystemFR || system == SystemDE {
			system = SystemEU // continental shoe sizes share one numbering
		}
		lo, hi := shoeRange(system)
		if lo == 0 || n < lo || n > hi {
			return Size{}, fmt.Errorf("shoe size %s %s is outside the sizes tagdrop knows", system, num), true
		}
		return Size{Kind: kind, System: system, Value: num}, nil, true
	case KindRings:
		if system == SystemFR {
			system = SystemEU // French ring sizes are the inner circumference in mm too
		}
		if system == "" {
			system = SystemEU
			if n < 40 {
				system = SystemUS
			}
		}
		if system == SystemUS && n >= 1 && n <= 16 || system == SystemEU && !half && n >= 38 && n <= 76 {
			return Size{Kind: kind, System: system, Value: num}, nil, true
		}
		return Size{}, fmt.Errorf("ring size %s %s is outside the sizes tagdrop knows", system, num), true
	}
	if half {
		return Size{}, fmt.Errorf("clothing size %s has a half size", num), true
	}
	if kind == KindBottoms && (system == "" || system == SystemWaist) &&
		(n >= 23 && n <= 31 || int(n)%2 == 1 && n >= 33 && n <= 39 || system == SystemWaist && n >= 22 && n <= 50) {
		return Size{Kind: kind, System: SystemWaist, Value: num}, nil, true
	}
	if system == "" || system == SystemWaist {
		switch {
		case n <= 20:
			system = SystemUS
		case n <= 28:
			system = SystemUK
		default:
			system = SystemEU
		}
	}
	lo, hi := clothingRange(system)
	if kind == KindOuterwear && (system == SystemUS || system == SystemUK || system == SystemAU) {
		hi = mostChest // men's coats and jackets: the chest in inches
	}
	if lo < 0 || n < lo || n > hi {
		return Size{}, fmt.Errorf("clothing size %s %s is outside the sizes tagdrop knows", system, num), true
	}
	return Size{Kind: kind, System: system, Value: num}, nil, true
}

// clothingRange is the span of numeric clothing sizes per system, women's and men's together
// (men's EU/IT suits run to 60 and beyond). lo < 0: not a clothing system.
func clothingRange(system string) (lo, hi float64) {
	switch system {
	case SystemUS:
		return 0, 30
	case SystemUK, SystemAU:
		return 2, 32
	case SystemEU, SystemFR, SystemDE:
		return 30, 64
	case SystemIT:
		return 34, 66
	case SystemJP:
		return 1, 23
	}
	return -1, -1
}

// shoeRange is the span of adult shoe sizes per system; 0, 0 for a system shoes do not use.
func shoeRange(system string) (lo, hi float64) {
	switch system {
	case SystemEU:
		return 30, 50
	case SystemUK:
		return 1, 15
	case SystemUS:
		return 2, 16
	case SystemJP:
		return 20, 32
	}
	return 0, 0
}

// isUKRingLetter: with a ring hint, a single letter is a UK ring size unless it is one of the
// letter sizes fashion jewellery is sold in.
func isUKRingLetter(value, system string) bool {
	if system == SystemUK {
		return ringLetterRE.MatchString(value)
	}
	switch value {
	case "xs", "s", "m", "l", "xl":
		return false
	}
	return ringLetterRE.MatchString(value)
}
