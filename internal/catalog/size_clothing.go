package catalog

import (
	"math"
	"strconv"
)

// clothingOffsets convert numeric clothing sizes through US numbering. Women's (the default):
// US 4 = UK 8 = AU 8 = EU/FR 36 = DE 34 = IT 40. Men's: US = UK = AU chest inches, EU, FR, DE
// and IT 10 more (US 38 = IT 48). Japanese sizes are not converted.
var clothingOffsets = map[string]map[string]float64{
	"women": {SystemUS: 0, SystemUK: 4, SystemAU: 4, SystemEU: 32, SystemFR: 32, SystemDE: 30, SystemIT: 36},
	"men":   {SystemUS: 0, SystemUK: 0, SystemAU: 0, SystemEU: 10, SystemFR: 10, SystemDE: 10, SystemIT: 10},
}

// ConvertClothing converts a numeric clothing size to system to (US, UK, AU, EU, FR, DE, IT)
// by the chart of gender (IsMale: men's; anything else women's). False when either system is
// not on the chart, the value is no number, or the result is no whole size above zero. US "00"
// is the women's size below US 0 (UK 2, EU 30).
func ConvertClothing(s Size, to, gender string) (Size, bool) {
	chart := clothingOffsets["women"]
	if IsMale(gender) {
		chart = clothingOffsets["men"]
	}
	from, ok := chart[s.System]
	off, ok2 := chart[to]
	if !ok || !ok2 || s.OneSize {
		return Size{}, false
	}
	n, err := strconv.ParseFloat(s.Value, 64)
	if err != nil {
		return Size{}, false
	}
	if s.Value == "00" {
		n = -2 // US 00 is the size below US 0 (UK 2, EU 30)
	}
	v := n - from + off
	if v == -2 && to == SystemUS && !IsMale(gender) {
		return Size{Kind: s.Kind, System: to, Value: "00"}, true
	}
	if v < 0 || v != math.Trunc(v) {
		return Size{}, false
	}
	return Size{Kind: s.Kind, System: to, Value: strconv.Itoa(int(v))}, true
}

// statedMarketSystem is market when raw is a bare number beside its own equivalents in
// other systems that confirm the market's reading of it: a pound shop's "8 (EU 36)" is UK 8
// (UK 8 = EU 36; read by range it would be US 8, which is EU 40), its shoe "6 (EU 39)" UK 6.
// Where market is "" (a euro shop), it is the one of UK and US whose reading they confirm. ""
// when raw starts with anything but the number (after a label: "Size 8 (EU 36)"), or no
// single system's reading is confirmed.
func statedMarketSystem(raw, kind, gender, market string) string {
	t := []rune(dropLeadingLabel(foldSize(raw)))
	if len(t) == 0 || t[0] < '0' || t[0] > '9' {
		return ""
	}
	parts := SizeParts(raw, "", kind)
	if len(parts) < 2 || parts[0].System != SystemUS && parts[0].System != SystemUK {
		return ""
	}
	candidates := []string{market}
	if market == "" {
		candidates = []string{SystemUK, SystemUS}
	}
	found := ""
	for _, c := range candidates {
		if confirmsAll(parts, c, kind, gender) {
			if found != "" {
				return "" // both readings confirmed (men's UK and US chests are one number)
			}
			found = c
		}
	}
	return found
}

// confirmsAll says whether every stated equivalent of parts[0] (SizeParts) confirms reading
// its number in system.
func confirmsAll(parts []Size, system, kind, gender string) bool {
	own, err := ParseSize(parts[0].Value, system, kind)
	if err != nil || own.OneSize {
		return false
	}
	for _, p := range parts[1:] {
		if !confirms(own, p, gender) {
			return false
		}
	}
	return true
}

// confirms says whether size other is size s in another system, by ConvertShoe for shoes
// (within half a size: charts differ by that much) and ConvertClothing for clothing.
func confirms(s, other Size, gender string) bool {
	want, err := strconv.ParseFloat(other.Value, 64)
	if err != nil || other.System == s.System {
		return false
	}
	if s.Kind == KindShoes {
		c, ok := ConvertShoe(s, other.System, gender)
		got, err := strconv.ParseFloat(c.Value, 64)
		return ok && err == nil && math.Abs(got-want) <= 0.5
	}
	c, ok := ConvertClothing(s, other.System, gender)
	return ok && c.Value == other.Value
}
