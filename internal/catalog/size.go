package catalog

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Size kinds: which of a shopper's sizes a size is compared with. They match Node.SizeKind and
// the kinds of account.SizePref.
const (
	KindTops      = "tops"
	KindDresses   = "dresses"
	KindBottoms   = "bottoms"
	KindOuterwear = "outerwear"
	KindShoes     = "shoes"
	KindRings     = "rings"
)

// Size systems. Numeric systems are upper case like Merchant Center's size_system; "letter"
// and "waist" are lower case, as in shoppers' size preferences.
const (
	SystemLetter = "letter"
	SystemWaist  = "waist"
	SystemUS     = "US"
	SystemUK     = "UK"
	SystemEU     = "EU"
	SystemIT     = "IT"
	SystemFR     = "FR"
	SystemDE     = "DE"
	SystemJP     = "JP"
	SystemAU     = "AU"
)

// Size is a retailer's size text understood: what kind of thing it sizes, in which system,
// and the value in that system's canonical spelling ("M", "38", "38.5", "L½").
type Size struct {
	Kind    string // a Kind constant; "" when neither the hint nor the text says
	System  string // a System constant; "" for one-size
	Value   string // canonical value: upper-case letters, numbers with ".5" for halves
	Length  string // leg length of a waist size ("32" in "W28 L32"); else ""
	OneSize bool
}

// String spells the size for people: "EU 38", "W28 L32", "M", "One size".
func (s Size) String() string {
	switch {
	case s.OneSize:
		return "One size"
	case s.System == SystemLetter:
		return s.Value
	case s.System == SystemWaist && s.Length != "":
		return "W" + s.Value + " L" + s.Length
	case s.System == SystemWaist:
		return "W" + s.Value
	}
	return strings.TrimSpace(s.System + " " + s.Value)
}

// oneSizeWords are the spellings of "one size", folded and without spaces or punctuation.
var oneSizeWords = map[string]bool{
	"onesize": true, "os": true, "osfa": true, "onesizefitsall": true, "onesizefitsmost": true,
	"tu": true, "tailleunique": true, "einheitsgrosse": true, "einheitsgroesse": true, "einheitsgrose": true,
	"unica": true, "tagliaunica": true, "tallaunica": true, "unico": true, "tallaunico": true,
	"freesize": true, "nosize": true, "u": true, "uni": true, "onesz": true, "1size": true,
}

// letterSizes maps folded letter-size spellings to the canonical one.
var letterSizes = map[string]string{
	"xxxs": "XXXS", "3xs": "XXXS", "xxs": "XXS", "2xs": "XXS", "xs": "XS", "s": "S", "m": "M",
	"l": "L", "xl": "XL", "xxl": "XXL", "2xl": "XXL", "xxxl": "3XL", "3xl": "3XL", "xxxxl": "4XL",
	"4xl": "4XL", "5xl": "5XL", "6xl": "6XL", "1x": "XL", "2x": "XXL", "3x": "3XL", "4x": "4XL",
	"xsmall": "XS", "extrasmall": "XS", "xxsmall": "XXS", "small": "S", "medium": "M", "med": "M",
	"large": "L", "xlarge": "XL", "extralarge": "XL", "xxlarge": "XXL", "2xlarge": "XXL",
	"extraextralarge": "XXL", "3xlarge": "3XL", "petit": "S", "moyen": "M", "grand": "L",
	// French: très petit, petit, moyen, grand, très grand, très très grand.
	"tp": "XS", "p": "S", "g": "L", "tg": "XL", "ttg": "XXL",
}

// systemWords maps folded system spellings found in size text to a system.
var systemWords = map[string]string{
	"us": SystemUS, "usa": SystemUS, "uk": SystemUK, "gb": SystemUK, "eu": SystemEU, "eur": SystemEU,
	"it": SystemIT, "ita": SystemIT, "fr": SystemFR, "de": SystemDE, "jp": SystemJP, "jpn": SystemJP,
	"au": SystemAU, "aus": SystemAU,
}

// noiseWords are dropped from size text: "size 8", "taille 38", women's/men's marks.
var noiseWords = map[string]bool{
	"size": true, "sz": true, "taille": true, "talla": true, "taglia": true, "grosse": true, "groesse": true,
	"grose": true, "gr": true, "women": true, "womens": true, "woman": true, "wmns": true, "ladies": true,
	"men": true, "mens": true, "man": true, "uomo": true, "donna": true, "femme": true, "homme": true,
}

var (
	waistLengthRE = regexp.MustCompile(`^w\s*(\d{2})\s*[/x,]?\s*l\s*(\d{2})$|^(\d{2})\s*w\s*[/x,]?\s*(\d{2})\s*l$`)
	waistPairRE   = regexp.MustCompile(`^(\d{2})\s*[/x]\s*(\d{2})$`)
	waistOnlyRE   = regexp.MustCompile(`^(?:w\s*(\d{2})|(\d{2})\s*w)$`)
	numberRE      = regexp.MustCompile(`^(\d{1,2}|00)(?:\s*(?:[.,]5|½|1/2|\s+1/2))?$`)
	ringLetterRE  = regexp.MustCompile(`^([a-z])(?:\s*(?:½|1/2|\.5))?$`)
)

// ParseSize reads a retailer's size text. sizeSystem is the feed's own size_system, if any
// (it wins over a guess but not over a system written in the text); sizeKindHint is the size
// kind of the item's category ("shoes", "tops", …; "" when unknown), which tells a shoe 38
// from a dress 38 and a ring L from a Large. Unlabelled numbers are read as:
//
//   - shoes: 30 and over EU, below US;
//   - rings: 40 and over EU (inner circumference in mm), below US; single letters UK, except
//     XS, S, M, L and XL, which fashion jewellery uses as letter sizes;
//   - bottoms: 23–31 and odd 33–39 waist inches, other numbers as clothing;
//   - clothing: 00–20 US, 22–28 UK, 30 and over EU.
//
// Numbers outside a system's range are an error, as is text that is no size.
func ParseSize(raw, sizeSystem, sizeKindHint string) (Size, error) {
	kind := strings.ToLower(strings.TrimSpace(sizeKindHint))
	text := strings.ReplaceAll(Fold(strings.TrimSpace(raw)), "ß", "ss")
	if text == "" {
		return Size{}, fmt.Errorf("empty size")
	}
	if oneSizeWords[squash(text)] {
		return Size{Kind: kind, OneSize: true}, nil
	}
	feedSystem := normaliseSystem(sizeSystem)
	if s, ok := parseWaist(text, kind, feedSystem); ok {
		return s, nil
	}
	if s, err, ok := parseSizeText(text, feedSystem, kind); ok {
		return s, err
	}
	// Dual sizes ("EU 38 / UK 5", "XL/TG", "S/M"): parse each part; prefer the feed's system.
	parts := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("/|;,()", r) })
	if len(parts) > 1 {
		var found []Size
		var firstErr error
		for _, p := range parts {
			s, err, ok := parseSizeText(strings.TrimSpace(p), feedSystem, kind)
			if !ok {
				continue
			}
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				continue
			}
			if feedSystem != "" && s.System == feedSystem {
				return s, nil
			}
			found = append(found, s)
		}
		if len(found) > 0 {
			return combineLetters(found), nil
		}
		if firstErr != nil {
			return Size{}, firstErr
		}
	}
	return Size{}, fmt.Errorf("size %q is not a size tagdrop knows", raw)
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

// parseWaist reads waist/length sizes: "W28 L32", "28W 32L", "28/32", "28x32", "W28".
func parseWaist(text, kind, feedSystem string) (Size, bool) {
	t := strings.Join(strings.Fields(text), " ")
	if m := waistLengthRE.FindStringSubmatch(t); m != nil {
		w, l := m[1]+m[3], m[2]+m[4]
		return Size{Kind: KindBottoms, System: SystemWaist, Value: w, Length: l}, true
	}
	if m := waistOnlyRE.FindStringSubmatch(t); m != nil {
		return Size{Kind: KindBottoms, System: SystemWaist, Value: m[1] + m[2]}, true
	}
	if kind != "" && kind != KindBottoms {
		return Size{}, false
	}
	if feedSystem != "" && feedSystem != SystemWaist && feedSystem != SystemUS {
		return Size{}, false
	}
	if m := waistPairRE.FindStringSubmatch(t); m != nil {
		w, _ := strconv.Atoi(m[1])
		l, _ := strconv.Atoi(m[2])
		if w >= 22 && w <= 50 && l >= 26 && l <= 38 {
			return Size{Kind: KindBottoms, System: SystemWaist, Value: m[1], Length: m[2]}, true
		}
	}
	return Size{}, false
}

// parseSizeText reads one size without separators. ok is false when the text has no size
// shape at all; err is set when it has one but the value is impossible.
func parseSizeText(text, feedSystem, kind string) (s Size, err error, ok bool) {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == ':' || r == '\t' })
	system := ""
	var rest []string
	for _, w := range words {
		if sys, isSys := systemWords[strings.TrimSuffix(w, ".")]; isSys && system == "" {
			system = sys
			continue
		}
		if noiseWords[strings.TrimSuffix(w, ".")] {
			continue
		}
		// "US 8 W", "W 8 US": a lone w or m beside a number marks gender, not a letter size.
		if (w == "w" || w == "m") && hasDigit(text) {
			continue
		}
		rest = append(rest, w)
	}
	value := strings.Join(rest, " ")
	if value == "" {
		return Size{}, nil, false
	}
	if system == "" {
		system = feedSystem
	}
	if letter, isLetter := letterSizes[squash(value)]; isLetter && !(kind == KindRings && isUKRingLetter(value, system)) {
		return Size{Kind: kind, System: SystemLetter, Value: letter}, nil, true
	}
	if kind == KindRings {
		if m := ringLetterRE.FindStringSubmatch(value); m != nil && (system == "" || system == SystemUK) {
			v := strings.ToUpper(m[1])
			if len(value) > 1 {
				v += "½"
			}
			return Size{Kind: KindRings, System: SystemUK, Value: v}, nil, true
		}
	}
	m := numberRE.FindStringSubmatch(value)
	if m == nil {
		return Size{}, nil, false
	}
	n, _ := strconv.ParseFloat(m[1], 64)
	if len(value) > len(m[1]) {
		n += 0.5
	}
	num := formatSizeNumber(n)
	if m[1] == "00" {
		num = "00"
	}
	return numericSize(n, num, system, kind)
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

// normaliseSystem maps a feed's size_system ("eu", "EUR", "Waist") to a System constant.
func normaliseSystem(s string) string {
	f := Fold(strings.TrimSpace(s))
	switch f {
	case "":
		return ""
	case "letter":
		return SystemLetter
	case "waist":
		return SystemWaist
	}
	if sys, ok := systemWords[f]; ok {
		return sys
	}
	return strings.ToUpper(f)
}

func formatSizeNumber(n float64) string {
	return strconv.FormatFloat(n, 'f', -1, 64)
}

// squash drops everything but letters and digits: "O/S" → "os", "X-Large" → "xlarge".
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '½' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
