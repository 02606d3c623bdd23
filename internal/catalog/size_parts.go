package catalog

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// foldSize folds size text for reading: full-width letters and digits narrowed ("ＸＬ"), case
// and accents folded, "ß" as "ss", and the apostrophe of "Women's" and "Men's" dropped.
func foldSize(raw string) string {
	raw = strings.TrimSpace(raw)
	for i := 0; i < len(raw); i++ {
		if raw[i] >= utf8.RuneSelf {
			raw = width.Fold.String(raw)
			break
		}
	}
	return apostropheS.Replace(strings.ReplaceAll(Fold(raw), "ß", "ss"))
}

var apostropheS = strings.NewReplacer("'s", "s", "’s", "s")

// sizeSuffixes are the Chinese and Korean words for size written onto or after a size
// ("M码", "XL 사이즈"); like the Japanese サイズ they are dropped.
var sizeSuffixes = strings.NewReplacer("尺码", " ", "尺碼", " ", "码", " ", "碼", " ", Fold("사이즈"), " ")

// dropLeadingLabel drops the label words a size starts with ("Size: 30", "Gr. 32/34",
// "Taille 38"), so that the waist and pair rules see the size itself; text that is only a
// label is kept.
func dropLeadingLabel(text string) string {
	rest := text
	for {
		i := strings.IndexFunc(rest, func(r rune) bool { return !isWordRune(r) })
		if i <= 0 {
			break
		}
		if !noiseWords[rest[:i]] {
			break
		}
		next := strings.TrimLeft(rest[i:], " .:-")
		if next == "" || next == rest[i:] && rest[i] != ' ' && rest[i] != '.' {
			break
		}
		rest = next
	}
	return rest
}

// splitSystemRuns parts size text naming two or more systems without a separator ("uk 6 eu
// 39", "39 eu 6 uk") before (or after) each system word, as "uk 6 / eu 39"; other text is
// returned as it is.
func splitSystemRuns(text, kind string) string {
	if strings.IndexFunc(text, isDualSeparator) >= 0 {
		return text
	}
	words := sizeWords(text, kind)
	isSys := func(w string) bool { _, ok := systemWords[strings.TrimSuffix(w, ".")]; return ok }
	var systems []string
	for _, w := range words {
		if isSys(w) && !slices.Contains(systems, systemWords[strings.TrimSuffix(w, ".")]) {
			systems = append(systems, systemWords[strings.TrimSuffix(w, ".")])
		}
	}
	if len(systems) < 2 {
		return text
	}
	var groups [][]string
	switch {
	case isSys(words[0]):
		for _, w := range words {
			if isSys(w) {
				groups = append(groups, nil)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], w)
		}
	case isSys(words[len(words)-1]):
		groups = append(groups, nil)
		for i, w := range words {
			groups[len(groups)-1] = append(groups[len(groups)-1], w)
			if isSys(w) && i < len(words)-1 {
				groups = append(groups, nil)
			}
		}
	default:
		return text
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		if !slices.ContainsFunc(g, hasDigit) {
			return text
		}
		parts[i] = strings.Join(g, " ")
	}
	return strings.Join(parts, " / ")
}

// SizeParts lists the sizes a dual size states in systems of their own ("US 8.5 / UK 6 / EU
// 39": US 8.5, UK 6, EU 39; "39 (UK 6)": EU 39, UK 6; "M (38)": M, EU 38), ParseSize's
// reading first. The retailer's own equivalents beat a conversion chart. Nil when raw states
// one size only, or is a waist or one size.
func SizeParts(raw, sizeSystem, sizeKindHint string) []Size {
	first, err := ParseSize(raw, sizeSystem, sizeKindHint)
	if err != nil || first.OneSize || first.System == SystemWaist {
		return nil
	}
	text, kind := cleanSize(foldSize(raw), strings.ToLower(strings.TrimSpace(sizeKindHint)))
	text = splitSystemRuns(text, kind)
	parts := strings.FieldsFunc(text, isDualSeparator)
	if len(parts) < 2 {
		parts = strings.FieldsFunc(text, func(r rune) bool { return r == '-' || r == '–' })
	}
	if len(parts) < 2 {
		return nil
	}
	feedSystem := normaliseSystem(sizeSystem)
	if feedSystem == SystemLetter {
		feedSystem = "" // letters number nothing: "M (38)" in letter sizes states EU 38, "S (8)" no known 8
	}
	out := []Size{first}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		s, err, ok := parseSizeText(p, feedSystem, kind)
		if !ok || err != nil || s.Kind != first.Kind || s.System == SystemWaist {
			continue
		}
		if textSystem(p, kind) == "" && ((s.System == SystemLetter) == (first.System == SystemLetter) || len(parts) > 2) {
			continue // an unlabelled number beside a number ("8/10") is no equivalent, nor the "L" of "32/34 (W/L)"
		}
		if textSystem(p, kind) == "" && feedSystem == "" && first.System == SystemLetter && s.System != SystemEU {
			continue // the 8 of "S (8)" is UK 8 on a British shop, US 8 on an American one: no system known
		}
		if !slices.ContainsFunc(out, func(o Size) bool { return o.System == s.System }) {
			out = append(out, s)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// shoeMillimetresRE: a Korean shoe size in millimetres ("240", "245mm"), which is the Japanese
// size in centimetres ("24", "24.5").
var shoeMillimetresRE = regexp.MustCompile(`^(\d{3})\s*(?:mm)?$`)

// shoeMillimetres rewrites a shoe size in millimetres, 200 to 320 in steps of 5, as the
// Japanese size in centimetres ("245" → "24.5 jp"); other text is returned as it is.
func shoeMillimetres(text string) string {
	m := shoeMillimetresRE.FindStringSubmatch(text)
	if m == nil {
		return text
	}
	n, _ := strconv.Atoi(m[1])
	if n < 200 || n > 320 || n%5 != 0 {
		return text
	}
	return formatSizeNumber(float64(n)/10) + " jp"
}

// labelSystems: the label word of a size names its country's clothing numbering: an Italian
// shop's "Taglia 42" is IT 42, a French "Taille 38" FR 38. A German shop's "Gr. 38" stays EU 38:
// German shops write their own numbers as EU sizes ("EU 38" and "Gr. 38" on one site mean one
// size), and a shopper who set EU 38 expects it.
var labelSystems = map[string]string{
	"taglia": SystemIT, "taille": SystemFR,
}

// labelSystem is the system the first label word of folded size text names, "" for none.
func labelSystem(text string) string {
	for _, w := range wordRE.FindAllString(text, -1) {
		if sys, ok := labelSystems[w]; ok {
			return sys
		}
		if !noiseWords[w] {
			return ""
		}
	}
	return ""
}

// withLabelSystem places an unlabelled continental clothing number read as EU in the system
// its label word names ("Taglia 42": IT 42). Shoes, rings and waists keep their reading.
func withLabelSystem(s Size, labelSys, text, feedSystem string) Size {
	if labelSys == "" || feedSystem != "" || s.System != SystemEU || textSystem(text, s.Kind) != "" {
		return s
	}
	switch s.Kind {
	case KindShoes, KindRings, "":
		return s
	}
	n, err := strconv.ParseFloat(s.Value, 64)
	if lo, hi := clothingRange(labelSys); err != nil || n < lo || n > hi {
		return s
	}
	s.System = labelSys
	return s
}
