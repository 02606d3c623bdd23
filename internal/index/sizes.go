package index

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// OneSize is the size label of one-size offers: bags, scarves, things the retailer calls one
// size, and offers with no size whose product has no size kind.
const OneSize = "One size"

// SizeNotGiven is the size label of offers with no size whose product is sized (a dress, a
// shoe: its category has a size kind). Feeds that list a style rather than its sizes leave the
// size out; such an offer is not one size, so it matches no shopper's size, and shows and
// filters as not given.
const SizeNotGiven = "Size not given"

// childLabel starts the label of a child's size (catalog.SystemChild): "Kids 10", "Kids S",
// "Kids 8-10", none of which is a label an adult's size is filed under.
const childLabel = "Kids "

// Size-label systems that are not numbering systems.
const (
	sysOneSize  = "one"
	sysNotGiven = "none"  // no size, on a sized thing
	sysOther    = "other" // size text catalog.ParseSize could not read
)

// sizeKey is one size as the index files it: a label shoppers read and filter by ("EU 38",
// "UK 5", "M", "W28", "One size") and the system it belongs to.
type sizeKey struct {
	label  string
	system string
}

// keyOf is the key of a parsed size.
func keyOf(s catalog.Size) sizeKey {
	switch {
	case s.OneSize:
		return sizeKey{OneSize, sysOneSize}
	case s.System == catalog.SystemLetter:
		return sizeKey{s.Value, s.System}
	case s.System == catalog.SystemWaist && s.Length != "":
		return sizeKey{"W" + s.Value + " L" + s.Length, s.System}
	case s.System == catalog.SystemWaist:
		return sizeKey{"W" + s.Value, s.System}
	}
	return sizeKey{s.System + " " + s.Value, s.System}
}

// sizeKeys lists the keys an offer's size is found under: its own first (a waist with its
// leg, "W28 L32", as both), then the sizes a
// dual size states in other systems ("UK 6 / EU 39", catalog.SizeParts: the retailer's own
// equivalents), then the same size in every other system it converts to (shoes by
// catalog.ConvertShoe, numeric clothing by clothingChart), so a shopper's "UK 5" finds an
// "EU 38" shoe. A size of neighbouring letters ("S/M") is found under each letter too: it fits
// shoppers of either. A waist with its leg ("W28 L32") is found under the waist alone too,
// for shoppers who give no leg; a waist alone under its any-leg key (waistLegKey), for
// shoppers who give one. A unisex shoe sized for men and women at once ("M9 W10.5") is found
// under both (menWomenShoeKeys).
//
// A list of sizes in one offer ("XS,S,M,L", "36, 37, 38": an affiliate row per style, such as
// Awin's Fashion:size, naming the sizes in stock) is found under each of its sizes.
//
// No size at all is one size for a thing without a size kind (kind ""), and SizeNotGiven for
// a sized one.
func sizeKeys(raw, system, kind, gender string) []sizeKey {
	return sizeKeysIn(raw, system, kind, gender, "")
}

// sizeKeysIn is sizeKeys for an offer priced in currency, which tells where bare numbers the
// feed gives no system for are a shop's own (catalog.MarketSizeSystem: a pound shop's "10" is a
// UK size, a dollar shop's "34" on men's trousers a waist); "" for not known (see menWaist). A
// run of neighbouring numeric sizes ("8/10", "8-10", "6/8/10", "36/38", a shoe's "38/39":
// catalog.ParseSizeRun) is found under each, as "S/M" is. A child's size (system
// catalog.SystemChild) is found under its own text after childLabel only (each of a list,
// childKeys), or as one size. A dollar shop's women's "1X" read as a letter is found under the
// US plus sizes it spans too (catalog.DollarPlusLetter). A letter with the numbers it spans
// ("M (8-10)", catalog.LetterRangeSizes) is found under the letter and each number.
func sizeKeysIn(raw, system, kind, gender, currency string) []sizeKey {
	if strings.TrimSpace(raw) == "" {
		if kind != "" {
			return []sizeKey{{SizeNotGiven, sysNotGiven}}
		}
		return []sizeKey{{OneSize, sysOneSize}}
	}
	if system == catalog.SystemChild { // a child's size: no adult size, so no adult shopper's
		if s, err := catalog.ParseSize(raw, "", kind); err == nil && s.OneSize {
			return []sizeKey{{OneSize, sysOneSize}}
		}
		return childKeys(raw)
	}
	if kind == catalog.KindShoes {
		if keys, ok := menWomenShoeKeys(raw); ok { // "M9 W10.5": each
			return keys
		}
	}
	currency = strings.ToUpper(strings.TrimSpace(currency))
	sizes, _ := catalog.LetterRangeSizes(raw, system, kind, gender, currency) // "M (8-10)": M, 8 and 10
	if system == "" && kind != "" && sizes == nil {
		system = catalog.MarketSizeSystem(raw, kind, gender, currency)
	}
	if sizes == nil {
		sizes = sizeList(raw, system, kind)
	}
	if sizes == nil {
		if run, ok := catalog.ParseSizeRun(raw, system, kind); ok {
			sizes = run // "8/10", "6/8/10", "38/39": each
		}
	}
	var stated []catalog.Size // a dual size's parts in systems of their own
	if sizes == nil {
		s, err := catalog.ParseSize(raw, system, kind)
		if err != nil {
			return []sizeKey{{catalog.Fold(strings.Join(strings.Fields(raw), " ")), sysOther}}
		}
		sizes = []catalog.Size{s}
		stated = statedSizes(catalog.SizeParts(raw, system, kind), gender)
	}
	var keys []sizeKey
	add := func(k sizeKey) {
		for _, have := range keys {
			if have.label == k.label {
				return
			}
		}
		keys = append(keys, k)
	}
	isStated := func(system string) bool {
		for _, p := range stated {
			if p.System == system {
				return true
			}
		}
		return false
	}
	addConverted := func(s catalog.Size) { // the clothing chart's readings the shop did not state
		for _, k := range convertClothing(s, gender) {
			if !isStated(k.system) {
				add(k)
			}
		}
	}
	for _, p := range stated {
		add(keyOf(p))
	}
	for _, s := range sizes {
		add(keyOf(s))
		if w, ok := menWaist(raw, system, s, kind, gender, currency); ok {
			add(w)
			add(anyLegKey(w.label))
		}
		switch {
		case s.OneSize:
		case s.System == catalog.SystemWaist:
			add(waistLegKey(s)) // "W28 L32" under W28 too; "W28" under any leg
		case s.System == catalog.SystemLetter:
			if letters := strings.Split(s.Value, "/"); len(letters) > 1 { // "S/M": each letter too
				for _, v := range letters {
					add(sizeKey{v, s.System})
				}
			}
			for _, p := range stated { // "L (52)": the number the letter states, in other systems
				if p.System != catalog.SystemLetter && p.Kind != catalog.KindShoes && p.Kind != catalog.KindRings {
					addConverted(p)
				}
			}
			if plus, ok := catalog.DollarPlusLetter(raw, kind, gender, currency); ok { // a US shop's women's "1X": US 14, 16
				for _, p := range plus {
					add(keyOf(p))
					addConverted(p)
				}
			}
		case s.Kind == catalog.KindShoes:
			sg := shoeGender(raw, gender)
			for _, to := range []string{catalog.SystemEU, catalog.SystemUK, catalog.SystemUS} {
				if c, ok := catalog.ConvertShoe(s, to, sg); ok && !isStated(c.System) {
					add(keyOf(c))
				}
			}
		case s.Kind != catalog.KindRings:
			addConverted(s)
		}
	}
	return keys
}

// statedSizes is parts (catalog.SizeParts) without the continental number a letter size
// states below the smallest continental size of that letter. On men's ("M (38)", "L (44)", "XL
// (46)") such a number is the chest in inches or a shirt's collar, no EU size (a men's L is EU
// 50 to 52, its chest 42 to 44 inches); on anyone else's ("M (32)", "L (34)" on jeans) a waist
// or a leg (a women's L is EU 40 to 44). Nil when one part is left.
func statedSizes(parts []catalog.Size, gender string) []catalog.Size {
	if len(parts) < 2 || parts[0].System != catalog.SystemLetter {
		return parts
	}
	least := womenLeastContinental[parts[0].Value]
	if isMale(gender) {
		var ok bool
		if least, ok = menLeastContinental[parts[0].Value]; !ok {
			least = 44 // men's continental sizes start at 44
		}
	}
	out := parts[:1:1]
	for _, p := range parts[1:] {
		if n, err := strconv.ParseFloat(p.Value, 64); err == nil && p.System == catalog.SystemEU && n < least {
			continue
		}
		out = append(out, p)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// womenLeastContinental is the smallest continental (EU, FR) number a women's letter size is
// sold as (an XS is EU 32 to 34, an L 38 to 44 across brands); letters not listed keep any.
var womenLeastContinental = map[string]float64{
	"XXS": 30, "XS": 32, "S": 34, "M": 36, "L": 38, "XL": 40, "XXL": 42, "3XL": 44,
}

// menLeastContinental is the smallest continental (EU, IT) number a men's letter size is
// sold as; the chest in inches of the letter lies below it (an XL's chest is 46 to 48 inches,
// its continental size 52 to 54).
var menLeastContinental = map[string]float64{
	"XXS": 42, "XS": 44, "S": 46, "M": 48, "L": 50, "XL": 52, "XXL": 54, "3XL": 56, "4XL": 58, "5XL": 60, "6XL": 62,
}

// sizeList reads a list of sizes separated by commas, or by "|" or ";" (Pinterest's and
// price-comparison feeds' "S|M|L", "EU 38;EU 39"), nil when raw is not one: a single part, a
// part no size rule reads, or a decimal comma ("38,5", a European half size).
func sizeList(raw, system, kind string) []catalog.Size {
	sep := ","
	switch {
	case strings.Contains(raw, "|"):
		sep = "|" // "38,5 | 39": the bars separate, the comma is a decimal one
	case strings.Contains(raw, ";") && !strings.Contains(raw, ","):
		sep = ";"
	}
	parts := strings.Split(raw, sep)
	if len(parts) < 2 {
		return nil
	}
	if last := strings.TrimSpace(parts[len(parts)-1]); len(parts) == 2 && len(last) == 1 && last[0] >= '0' && last[0] <= '9' {
		return nil // "38,5"
	}
	sizes := make([]catalog.Size, len(parts))
	for i, p := range parts {
		s, err := catalog.ParseSize(strings.TrimSpace(p), system, kind)
		if err != nil || s.OneSize {
			return nil
		}
		sizes[i] = s
	}
	return sizes
}

// clothingSystems is the order converted clothing keys are listed in.
var clothingSystems = []string{catalog.SystemUS, catalog.SystemUK, catalog.SystemAU, catalog.SystemEU,
	catalog.SystemFR, catalog.SystemDE, catalog.SystemIT}

// convertClothing is the keys of numeric clothing size s in every system of the clothing
// chart (catalog.ConvertClothing), its own included.
func convertClothing(s catalog.Size, gender string) []sizeKey {
	var out []sizeKey
	for _, sys := range clothingSystems {
		if c, ok := catalog.ConvertClothing(s, sys, gender); ok {
			out = append(out, sizeKey{c.System + " " + c.Value, c.System})
		}
	}
	return out
}

// SizeLabel turns a shopper's size ("38" with system "EU" and kind "shoes", "medium", "W28")
// into the label the index files and facets sizes under ("EU 38", "M", "W28"). Text no size
// rule reads is returned folded, which matches offers whose size text was the same.
func SizeLabel(value, system, kind string) string {
	switch v := strings.TrimSpace(value); {
	case v == "", strings.EqualFold(v, OneSize):
		return OneSize
	case strings.EqualFold(v, SizeNotGiven):
		return SizeNotGiven
	}
	return sizeKeys(value, system, kind, "")[0].label
}

// menWaist is the waist key of a bare even number on men's trousers ("32", or each of "32,
// 34") in an offer whose feed names no size system and whose currency is not known, which
// ParseSize reads as a continental clothing size. Where the currency is known,
// catalog.MarketSizeSystem has read such numbers already: waists in the shops of countries
// that size men's trousers by the waist in inches (catalog.WaistCurrency), continental sizes
// elsewhere (in a euro shop "28" is a German short size, about a 56, and "34" or "38" a French
// one, about W26, W29). Where it is not known, 28 to 36 are waists as well: German and Italian
// men's sizes start at 44 and French ones below 38 are rare, and a W38 shopper must not be
// sent a French 38.
func menWaist(raw, system string, s catalog.Size, kind, gender, currency string) (sizeKey, bool) {
	if kind != catalog.KindBottoms || system != "" || currency != "" || s.System != catalog.SystemEU || !isMale(gender) {
		return sizeKey{}, false
	}
	if strings.IndexFunc(raw, unicode.IsLetter) >= 0 {
		return sizeKey{}, false // "Size 32", "EU 32": a label or a system
	}
	n, err := strconv.Atoi(s.Value)
	if err != nil || n < 28 || n > 36 || n%2 != 0 {
		return sizeKey{}, false
	}
	return keyOf(catalog.Size{Kind: kind, System: catalog.SystemWaist, Value: strconv.Itoa(n)}), true
}

// shoeGender is the gender a shoe size's text names by its first men's or women's word ("Men's
// 10", "9.5 US Men's", "Womens 8 / Mens 6.5"), else gender, the product's: the retailer's word
// for the size beats a product gender feeds leave out or get wrong. A lone "M" or "W" is no
// such word ("7 M" is a medium width).
func shoeGender(raw, gender string) string {
	words := strings.FieldsFunc(strings.ToLower(raw), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	for _, w := range words {
		switch apostrophes.Replace(w) {
		case "men", "mens", "man", "homme", "herren", "uomo":
			return "male"
		case "women", "womens", "woman", "wmns", "ladies", "femme", "damen", "donna":
			return "female"
		}
	}
	return gender
}

// apostrophes drops the apostrophes of "Men's" and "Women’s".
var apostrophes = strings.NewReplacer("'", "", "’", "")

// isMale says whether a feed's gender is men's (catalog.IsMale).
func isMale(gender string) bool { return catalog.IsMale(gender) }
