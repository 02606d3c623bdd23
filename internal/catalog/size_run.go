package catalog

import (
	"strconv"
	"strings"
)

// ParseSizeRun reads a size for a run of neighbouring sizes written as one, a size for each:
// ParseSizePair's pairs ("8/10", "8-10"), a US women's plus letter in US sizes ("1X": US 14
// and 16, plusLetterRun), and, joined by slashes,
//
//   - three or more neighbouring US, UK or AU clothing sizes ("6/8/10", "10/12/14");
//   - two or more neighbouring continental clothing sizes on tops, dresses and coats ("36/38",
//     "40/42/44"; on trousers "36/38" is a waist and leg);
//   - two neighbouring whole shoe sizes ("38/39" or "38-39": slippers, clogs sold in doubled
//     sizes).
//
// The numbers are read in one system (a system written before them, "UK 8-10", else
// sizeSystem, the feed's, else by range). A span of ages
// ("6/8 years"), text with other words, and two sizes in two systems are not runs.
func ParseSizeRun(raw, sizeSystem, sizeKindHint string) ([]Size, bool) {
	if sys, rest, ok := leadingSystem(raw); ok {
		raw, sizeSystem = rest, sys // "UK 8-10", "EU 36/38": the system is the run's
	}
	if plus, ok := plusLetterRun(raw, sizeSystem, sizeKindHint); ok {
		return plus, true // a US "1X": US 14W and 16W
	}
	if pair, ok := ParseSizePair(raw, sizeSystem, sizeKindHint); ok {
		return pair[:], true
	}
	kind := strings.ToLower(strings.TrimSpace(sizeKindHint))
	step := 2
	switch kind {
	case KindTops, KindDresses, KindBottoms, KindOuterwear:
	case KindShoes:
		step = 1
	default:
		return nil, false
	}
	text, _ := cleanSize(foldSize(raw), kind)
	text = dropLeadingLabel(text)
	if kind == KindShoes && !strings.Contains(text, "/") {
		text = strings.Replace(text, "-", "/", 1) // "38-39": a doubled shoe size, as "38/39"
	}
	parts := strings.Split(text, "/")
	if len(parts) < 2 || kind == KindShoes && len(parts) != 2 {
		return nil, false
	}
	out := make([]Size, len(parts))
	prev := 0
	for i, p := range parts {
		p = strings.TrimSpace(p)
		n, err := strconv.Atoi(p)
		if err != nil || !isDigitsOnly(p) || i > 0 && n != prev+step || step == 2 && n%2 != 0 {
			return nil, false
		}
		prev = n
		s, err := ParseSize(p, sizeSystem, kind)
		if err != nil || s.Kind != kind || i > 0 && s.System != out[0].System {
			return nil, false
		}
		out[i] = s
	}
	switch sys := out[0].System; {
	case kind == KindShoes:
		return out, true
	case sys == SystemUS || sys == SystemUK || sys == SystemAU:
		return out, len(out) >= 3 // pairs are ParseSizePair's
	case (sys == SystemEU || sys == SystemIT || sys == SystemFR || sys == SystemDE) && kind != KindBottoms:
		return out, true
	}
	return nil, false
}

// leadingSystem parts a system word written before size text ("UK 8-10" → UK, "8-10"); ok is
// false when raw starts with none or nothing follows it.
func leadingSystem(raw string) (system, rest string, ok bool) {
	first, rest, found := strings.Cut(strings.TrimSpace(raw), " ")
	sys, isSys := systemWords[Fold(strings.TrimSuffix(first, "."))]
	rest = strings.TrimSpace(rest)
	if !found || !isSys || rest == "" {
		return "", "", false
	}
	return sys, rest, true
}
