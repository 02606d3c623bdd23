package index

import (
	"regexp"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// sysAnyLeg is the system of the any-leg keys of waist-only sizes (anyLegKey): found by
// shoppers who give a waist and a leg, never shown as a size or facet.
const sysAnyLeg = "waist-any-leg"

// anyLegSuffix ends the label of an any-leg key: "W28 any leg".
const anyLegSuffix = " any leg"

// waistLegRE reads the label of a waist with its leg: "W28 L32".
var waistLegRE = regexp.MustCompile(`^(W\d+) L\d+$`)

// waistLegKey is the second key of a waist size: for a waist with its leg ("W28 L32") the
// waist alone ("W28"), which a shopper who gives no leg looks up; for a waist alone ("W28") its
// any-leg key, which a shopper who gives a leg ("W28 L30") looks up beside their own label (see
// anyLegLabel): trousers sold by the waist alone fit any leg, and are hemmed to it.
func waistLegKey(s catalog.Size) sizeKey {
	if s.Length != "" {
		return sizeKey{"W" + s.Value, catalog.SystemWaist}
	}
	return anyLegKey("W" + s.Value)
}

// anyLegKey is the any-leg key of a waist-only label ("W28").
func anyLegKey(waist string) sizeKey { return sizeKey{waist + anyLegSuffix, sysAnyLeg} }

// anyLegLabel is the label a shopper's waist-and-leg label ("W28 L30") also looks up, that of
// trousers of the waist sold without a leg ("W28 any leg"); false for any other label.
func anyLegLabel(label string) (string, bool) {
	m := waistLegRE.FindStringSubmatch(label)
	if m == nil {
		return "", false
	}
	return m[1] + anyLegSuffix, true
}

// menWomenShoeKeys are the keys of a unisex shoe sized for men and women at once ("M9
// W10.5", "Men's 8 / Women's 9.5": catalog.ShoeMenWomen): the men's US size with its men's
// conversions, and the women's US size the shop states (a women's chart would put that size
// half a size or more from the men's shoe it is). False when raw is no such size.
func menWomenShoeKeys(raw string) ([]sizeKey, bool) {
	men, women, ok := catalog.ShoeMenWomen(raw)
	if !ok {
		return nil, false
	}
	keys := []sizeKey{keyOf(men)}
	for _, to := range []string{catalog.SystemEU, catalog.SystemUK} {
		if c, ok := catalog.ConvertShoe(men, to, "male"); ok {
			keys = append(keys, keyOf(c))
		}
	}
	if w := keyOf(women); w.label != keys[0].label {
		keys = append(keys, w)
	}
	return keys, true
}
