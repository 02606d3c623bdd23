package catalog

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// isDualSeparator parts the sizes of a dual size ("EU 38 / UK 5", "S (36)", "10 [UK]",
// "EU 37 • UK 4").
func isDualSeparator(r rune) bool { return strings.ContainsRune("/|;,()[]•·", r) }

// parseDual reads dual sizes ("EU 38 / UK 5", "XL/TG", "S/M"): each part is parsed and the
// feed's system preferred; a part that is only a system ("44 (IT)") gives it to the others.
// Letters are joined whatever the feed's system ("S/M" in letter sizes is S/M, not S).
// ok is false when no part is a size.
func parseDual(text, feedSystem, kind string) (Size, error, bool) {
	parts := strings.FieldsFunc(text, isDualSeparator)
	if len(parts) < 2 {
		return Size{}, nil, false
	}
	partSystem := feedSystem
	values := parts[:0:0]
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if sys, ok := systemWords[strings.TrimSuffix(p, ".")]; ok {
			partSystem = sys
			continue
		}
		values = append(values, p)
	}
	var found []Size
	var firstErr error
	for _, p := range values {
		s, err, ok := parseSizeText(p, partSystem, kind)
		if !ok {
			continue
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if feedSystem != "" && feedSystem != SystemLetter && s.System == feedSystem {
			return s, nil, true // the feed's system is the one read: "EU 38 / UK 5" in EU
		}
		found = append(found, s)
	}
	if len(found) > 0 {
		return combineLetters(found), nil, true
	}
	return Size{}, firstErr, firstErr != nil
}

// parseRange reads sizes joined by a hyphen: a letter range ("S-M", "L-XL"), read as "S/M"
// is, or one size in two labelled systems ("UK 7 - EU 41"), the feed's system preferred.
// Number ranges are no size: "39-42" socks, "0-3 months".
func parseRange(text, feedSystem, kind string) (Size, bool) {
	parts := strings.FieldsFunc(text, func(r rune) bool { return r == '-' || r == '–' })
	if len(parts) < 2 {
		return Size{}, false
	}
	found := make([]Size, len(parts))
	letters, labelled := true, true
	for i, p := range parts {
		s, err, ok := parseSizeText(strings.TrimSpace(p), feedSystem, kind)
		if !ok || err != nil {
			return Size{}, false
		}
		letters = letters && s.System == SystemLetter
		labelled = labelled && s.System != SystemLetter && textSystem(p, kind) != ""
		found[i] = s
	}
	switch {
	case letters && !neighbourLetters(found):
		return Size{}, false // "XS-XL", "S-XL": a span of sizes that fit, no size of its own
	case letters:
		return combineLetters(found), true
	case labelled:
		for _, s := range found {
			if s.System == feedSystem {
				return s, true
			}
		}
		return found[0], true
	}
	return Size{}, false
}

// letterOrder is the run of letter sizes, smallest first.
var letterOrder = []string{"XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL", "4XL", "5XL", "6XL"}

// neighbourLetters says whether each letter size of a range is the same as, or next to, the one
// before it ("S-M", "XL-XXL"; not "XS-XL"). A part holding two sizes ("S/M") counts by its ends.
func neighbourLetters(found []Size) bool {
	prev := -1
	for _, s := range found {
		vals := strings.Split(s.Value, "/")
		first, last := slices.Index(letterOrder, vals[0]), slices.Index(letterOrder, vals[len(vals)-1])
		if first < 0 || last < 0 {
			return false
		}
		if prev >= 0 && (first-prev > 1 || prev-first > 1) {
			return false
		}
		prev = last
	}
	return true
}

// combineLetters joins letter ranges ("S/M") and takes the first of anything else.
func combineLetters(found []Size) Size {
	s := found[0]
	if s.System != SystemLetter {
		return s
	}
	for _, o := range found[1:] {
		if o.System == SystemLetter && !strings.Contains("/"+s.Value+"/", "/"+o.Value+"/") {
			s.Value += "/" + o.Value
		}
	}
	return s
}

// parseWaist reads waist/length sizes: "W28 L32", "28W 32L", "28/32", "28x32", "W28", and on
// trousers "32R" (a regular leg).
func parseWaist(text, kind, feedSystem string) (Size, bool) {
	if kind == KindShoes {
		return Size{}, false // "W10", "W 10": a women's shoe size
	}
	t := strings.Join(strings.Fields(text), " ")
	if m := waistLengthRE.FindStringSubmatch(t); m != nil {
		w, l := m[1]+m[3], m[2]+m[4]
		return Size{Kind: KindBottoms, System: SystemWaist, Value: w, Length: l}, true
	}
	// "W30" is a waist on trousers or text without a kind; on tops or dresses it reads as no size.
	if m := waistOnlyRE.FindStringSubmatch(t); m != nil && (m[2] == "" && (kind == "" || kind == KindBottoms) || m[2] != "" && isWaistW(m[2], kind)) {
		return Size{Kind: KindBottoms, System: SystemWaist, Value: m[1] + m[2]}, true
	}
	if kind != "" && kind != KindBottoms {
		return Size{}, false
	}
	if feedSystem != "" && feedSystem != SystemWaist && feedSystem != SystemUS {
		return Size{}, false
	}
	if m := waistRegularRE.FindStringSubmatch(t); m != nil && kind == KindBottoms {
		if w, _ := strconv.Atoi(m[1]); w >= 22 && w <= 50 {
			return Size{Kind: KindBottoms, System: SystemWaist, Value: m[1]}, true
		}
	}
	if m := waistPairRE.FindStringSubmatch(t); m != nil {
		w, _ := strconv.Atoi(m[1])
		l, _ := strconv.Atoi(m[2])
		// A pair of neighbouring even sizes from 36 up with nothing saying trousers ("36/38" on
		// an uncategorised T-shirt) is a dual clothing size: jeans are seldom 38 long. "32/34"
		// stays the jeans size it usually is.
		dual := kind == "" && w >= 36 && w%2 == 0 && l == w+2
		if w >= 22 && w <= 50 && l >= 26 && l <= 38 && !dual {
			return Size{Kind: KindBottoms, System: SystemWaist, Value: m[1], Length: m[2]}, true
		}
	}
	return Size{}, false
}

// isWaistW says whether a number with a "W" after it ("28W") is a waist: on trousers or
// unkinded text and only in the span of waists; below it, or on tops and dresses, the "W" is a
// US women's plus size ("14W", "16W").
func isWaistW(num, kind string) bool {
	n, _ := strconv.Atoi(num)
	return (kind == "" || kind == KindBottoms) && n >= 22 && n <= 50
}

// sizePairRE: two numbers joined by a slash or a hyphen ("8/10", "8 - 10", "8–10").
var sizePairRE = regexp.MustCompile(`^(\d{1,2})\s*[/–-]\s*(\d{1,2})$`)

// ParseSizePair reads a size for two neighbouring numeric clothing sizes, as "S/M" is one for
// two letters: "8/10", "8-10", "Size 10/12" on a top, dress, skirt, trousers or coat are
// sizes 8 and 10 (ParseSize reads the first only, or, joined by a hyphen, none). The two are
// even, two apart, and read in one system of US, UK or AU numbering (sizeSystem, the feed's,
// else by range): neither a waist and leg ("30/32"), continental sizes ("36/38"), a span of
// ages ("9-10", "6-8" with years) nor a shoe or sock range ("6-7", "39-42").
func ParseSizePair(raw, sizeSystem, sizeKindHint string) ([2]Size, bool) {
	kind := strings.ToLower(strings.TrimSpace(sizeKindHint))
	switch kind {
	case KindTops, KindDresses, KindBottoms, KindOuterwear:
	default:
		return [2]Size{}, false
	}
	text, _ := cleanSize(foldSize(raw), kind)
	m := sizePairRE.FindStringSubmatch(dropLeadingLabel(text))
	if m == nil {
		return [2]Size{}, false
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	if a%2 != 0 || b != a+2 {
		return [2]Size{}, false
	}
	var out [2]Size
	for i, p := range m[1:3] {
		s, err := ParseSize(p, sizeSystem, kind)
		if err != nil || s.System != SystemUS && s.System != SystemUK && s.System != SystemAU || i > 0 && s.System != out[0].System {
			return [2]Size{}, false
		}
		out[i] = s
	}
	return out, true
}
