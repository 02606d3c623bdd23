package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
	"osfm": true, "unique": true, "eenmaat": true, "enstorlek": true, "rozmiaruniwersalny": true,
	"uniwersalny": true,
}

// oneSizeJP are Japanese spellings of one size ("free", "free size"), folded at start-up as
// size text is (folding drops the voicing mark of ズ).
var oneSizeJP = []string{"フリー", "フリーサイズ", "ワンサイズ"}

func init() {
	for _, w := range oneSizeJP {
		oneSizeWords[squash(Fold(w))] = true
	}
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
	// "size" in French shoes, Dutch, Swedish, Danish/Norwegian, Polish and Portuguese.
	"pointure": true, "maat": true, "mt": true, "storlek": true, "stl": true, "str": true, "storrelse": true,
	"rozmiar": true, "rozm": true, "tamanho": true, "tam": true, "ring": true,
}

// fitWords name a cut, not a size: "Petite 8", "XL Tall", "32 Regular", "UK 8 Wide Fit".
// They are dropped wherever they stand; shoeFitWords only from shoe sizes.
var (
	fitWords     = map[string]bool{"petite": true, "tall": true, "long": true, "short": true, "regular": true, "reg": true, "plus": true, "fit": true}
	legWords     = map[string]bool{"long": true, "short": true, "regular": true, "reg": true}
	shoeFitWords = map[string]bool{"wide": true, "narrow": true, "xwide": true, "extrawide": true}
)

var (
	waistLengthRE  = regexp.MustCompile(`^w\s*(\d{2})\s*[/x,]?\s*l\s*(\d{2})$|^(\d{2})\s*w\s*[/x,]?\s*(\d{2})\s*l$`)
	waistPairRE    = regexp.MustCompile(`^(\d{2})\s*[/x]\s*(\d{2})$`)
	waistRegularRE = regexp.MustCompile(`^(\d{2})\s*r$`)
	waistOnlyRE    = regexp.MustCompile(`^(?:w\s*(\d{2})|(\d{2})\s*w)$`)
	numberRE       = regexp.MustCompile(`^(\d{1,2}|00)(?:\s*(?:[.,]5|½|1/2|\s+1/2))?$`)
	ringLetterRE   = regexp.MustCompile(`^([a-z])(?:\s*(?:½|1/2|\.5))?$`)
	thirdsRE       = regexp.MustCompile(`^(\d{1,2})\s*(?:(⅓|1/3)|(⅔|2/3))$`)
	wordRE         = regexp.MustCompile(`[\p{L}\p{N}]+`)
	// shoeWidthRE: a US width after a shoe size ("8.5 B(M)", "10 D", "9 2E", "10.5 EE", "9 Medium").
	shoeWidthRE = regexp.MustCompile(`(\d(?:[.,]5|½)?)(?:\s*(?:aa|a|b|c|d|e{1,4}|n|ww|xw)|\s+(?:[2-6]e|medium))(?:\s*\((?:m|w|n|medium|wide)\))?($|[^\p{L}\p{N}])`)
	shoeCmRE    = regexp.MustCompile(`(\d(?:[.,]5)?)\s*cm\b`)
	emptyParRE  = regexp.MustCompile(`\(\s*\)|\[\s*\]`)
	// toddlerShoeRE: a US toddler shoe size, a "C" glued to or right after the number ("10C",
	// "8.5 C", "US 10C"); a "C/D" or "C (W)" after it is a women's width, no toddler size.
	toddlerShoeRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}.,])(\d{1,2}(?:[.,]5|½)?) ?c( ?/ ?d| ?\(w)?(?:$|[^\p{L}\p{N}])`)
	// plusSizeRE: a US women's plus size, the number and a "W" ("14W", "US 16 W").
	plusSizeRE = regexp.MustCompile(`^(?:us\s*)?(\d{2})\s*w$`)
	// gluedRE: a system or a shoe's gender mark written onto the number ("EU39", "UK10", "M9").
	gluedRE = regexp.MustCompile(`^([a-z]{1,3})\.?(\d.*)$|^(\d[\d.,½⅓⅔]*)([a-z]{1,3})$`)
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
// Words that label the size ("Size", "Maat", "Storlek", "サイズ"), name a fit ("Petite",
// "Tall", "Regular") or a shoe's width ("B(M)", "2E", "Wide Fit") are dropped; a system may
// be glued to the number ("EU39") or stand apart ("44 (IT)"). "号" marks a Japanese size and
// centimetres a Japanese shoe size. Continental shoe sizes in thirds keep them ("38⅔").
// Numbers outside a system's range are an error, as is text that is no size.
func ParseSize(raw, sizeSystem, sizeKindHint string) (Size, error) {
	kind := strings.ToLower(strings.TrimSpace(sizeKindHint))
	text := strings.ReplaceAll(Fold(strings.TrimSpace(raw)), "ß", "ss")
	if text == "" {
		return Size{}, fmt.Errorf("empty size")
	}
	feedSystem := normaliseSystem(sizeSystem)
	if isOneSize(text, feedSystem) {
		return Size{Kind: kind, OneSize: true}, nil
	}
	if kind == KindShoes && isToddlerShoe(text) {
		return Size{}, fmt.Errorf("size %q is a toddler shoe size, which tagdrop does not read", raw)
	}
	text, kind = cleanSize(text, kind)
	if s, ok := parseWaist(text, kind, feedSystem); ok {
		return s, nil
	}
	if s, err, ok := parsePlusSize(text, kind); ok {
		return s, err
	}
	if s, err, ok := parseSizeText(text, feedSystem, kind); ok {
		return s, err
	}
	if s, err, ok := parseDual(text, feedSystem, kind); ok {
		return s, err
	}
	if s, ok := parseRange(text, feedSystem, kind); ok {
		return s, nil
	}
	return Size{}, fmt.Errorf("size %q is not a size tagdrop knows", raw)
}

// isToddlerShoe says whether folded shoe size text is a US toddler size: a "C" glued to or
// right after a number up to 13½ ("10C", "8.5 C", "US 10C"), which is the child's sizing, not
// the C width of an adult shoe ("8 C/D", "8 C (W)").
func isToddlerShoe(text string) bool {
	for _, m := range toddlerShoeRE.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.ParseFloat(strings.NewReplacer(",", ".", "½", ".5").Replace(m[1]), 64)
		if m[2] == "" && n >= 1 && n <= 13.5 {
			return true
		}
	}
	return false
}

// parsePlusSize reads a US women's plus size ("14W", "16W", "US 18 W") on clothing other than
// trousers sized by the waist: parseWaist has taken "28W" on bottoms and unkinded text as a
// waist, and sizes below 22 are no waist in any kind, so "14W" on trousers is a plus size too.
// Shoes ("10W": a women's size) and rings are left to parseSizeText.
func parsePlusSize(text, kind string) (Size, error, bool) {
	if kind == "" || kind == KindShoes || kind == KindRings {
		return Size{}, nil, false
	}
	m := plusSizeRE.FindStringSubmatch(strings.Join(strings.Fields(text), " "))
	if m == nil {
		return Size{}, nil, false
	}
	n, _ := strconv.ParseFloat(m[1], 64) // the pattern's digits always parse
	return numericSize(n, m[1], SystemUS, kind)
}

// isOneSize says whether folded size text means one size: a one-size word ("Taille unique",
// "OSFM", "フリー"), one written twice ("Taille Unique (TU)"), or "F" in a Japanese feed.
func isOneSize(text, feedSystem string) bool {
	t := squash(text)
	if oneSizeWords[t] || t == "f" && feedSystem == SystemJP {
		return true
	}
	if strings.IndexFunc(text, isDualSeparator) < 0 {
		return false
	}
	n := 0
	for _, p := range strings.FieldsFunc(text, isDualSeparator) {
		if q := squash(p); q != "" {
			if !oneSizeWords[q] {
				return false
			}
			n++
		}
	}
	return n > 1
}

var (
	foldedSizeJP    = Fold("サイズ") // "Mサイズ": the Japanese word for size, written onto the size
	foldedExtraWide = []string{"extra wide", "extra-wide", "x-wide", "x wide"}
)

// cleanSize drops from folded size text what is no part of the size: fit words, a shoe's
// width, the Japanese サイズ. It writes "号" (Japanese dress sizes) and a shoe's "cm" as the
// JP system, "Waist 32 Leg 30" as "w 32 l 30", and reads kind rings from the word "ring".
func cleanSize(text, kind string) (string, string) {
	orig := text
	if kind == "" && hasWord(text, "ring") {
		kind = KindRings
	}
	text = strings.ReplaceAll(text, foldedSizeJP, " ")
	text = strings.ReplaceAll(text, "号", " jp ")
	if kind == KindShoes && hasDigit(text) && strings.IndexFunc(text, unicode.IsLetter) >= 0 {
		if strings.Contains(text, "wide") {
			for _, w := range foldedExtraWide {
				text = strings.ReplaceAll(text, w, "wide")
			}
		}
		text = shoeCmRE.ReplaceAllString(text, "$1 jp")
		text = shoeWidthRE.ReplaceAllString(text, "$1$2")
	}
	waist, leg := hasWord(text, "waist"), false
	text = mapWords(text, func(w string) string {
		switch {
		case legWords[w] && kind != KindBottoms && hasDigit(orig) && textSystem(orig, kind) == "":
			return w // "40 Regular", "38 Short": a suit's chest and length, no size tagdrop reads
		case fitWords[w], kind == KindShoes && shoeFitWords[w]:
			leg = leg || legWords[w]
			return ""
		case waist && w == "waist":
			return "w"
		case waist && (w == "leg" || w == "length" || w == "inseam"):
			return "l"
		}
		return w
	})
	if text == orig {
		return text, kind
	}
	text = emptyParRE.ReplaceAllString(text, " ")
	text = strings.Trim(strings.Join(strings.Fields(text), " "), " -–/|,;:")
	if n, err := strconv.Atoi(text); leg && kind == KindBottoms && err == nil && n >= 22 && n <= 50 {
		text = "w" + text // "32 Regular": a leg length names trousers sized by the waist
	}
	return text, kind
}

// isWordRune: words of size text are runs of letters and digits.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// hasWord says whether w is one of the words of s.
func hasWord(s, w string) bool {
	if !strings.Contains(s, w) {
		return false
	}
	return slices.Contains(wordRE.FindAllString(s, -1), w)
}

// mapWords replaces each word of s (a run of letters and digits) by f of it; s itself when f
// changes none.
func mapWords(s string, f func(string) string) string {
	var b []byte
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			if r, n = utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
				break
			}
			i += n
		}
		if w, nw := s[start:i], f(s[start:i]); nw != w {
			b = append(append(b, s[done:start]...), nw...)
			done = i
		}
	}
	if done == 0 {
		return s
	}
	return string(append(b, s[done:]...))
}

// isDualSeparator parts the sizes of a dual size ("EU 38 / UK 5", "S (36)").
func isDualSeparator(r rune) bool { return strings.ContainsRune("/|;,()", r) }

// parseDual reads dual sizes ("EU 38 / UK 5", "XL/TG", "S/M"): each part is parsed and the
// feed's system preferred; a part that is only a system ("44 (IT)") gives it to the others.
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
		if feedSystem != "" && s.System == feedSystem {
			return s, nil, true
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
	if m := waistOnlyRE.FindStringSubmatch(t); m != nil && (m[2] == "" || isWaistW(m[2], kind)) {
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

// sizeWords splits size text into words, parting a system or (on shoes) a gender mark from
// the number it is glued to: "eu39" → "eu", "39"; "40it" → "40", "it"; "m9" → "m", "9".
func sizeWords(text, kind string) []string {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == ':' || r == '\t' })
	var out []string // nil until a word is parted
	for i, w := range words {
		if hasDigit(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			if m := gluedRE.FindStringSubmatch(w); m != nil {
				mark, num := m[1], m[2]
				if mark == "" {
					mark, num = m[4], m[3]
				}
				if _, isSys := systemWords[mark]; isSys || kind == KindShoes && (mark == "m" || mark == "w") {
					if out == nil {
						out = append(make([]string, 0, len(words)+1), words[:i]...)
					}
					out = append(out, mark, num)
					continue
				}
			}
		}
		if out != nil {
			out = append(out, w)
		}
	}
	if out == nil {
		return words
	}
	return out
}

// textSystem is the system size text names, "" when it names none.
func textSystem(text, kind string) string {
	for _, w := range sizeWords(text, kind) {
		if sys, ok := systemWords[strings.TrimSuffix(w, ".")]; ok {
			return sys
		}
	}
	return ""
}

// genderMark says whether words[i], a lone w or m in size text with a number, marks women's
// or men's ("US 8 W", "M 10 US") rather than a size. An m after the number counts only on
// shoes or beside a system, for the "12 M" of baby clothes is months; in ring sizes, where
// both are UK letters, only beside another system ("US 7 W").
func genderMark(words []string, i int, kind, system string) bool {
	w := words[i]
	if w != "w" && w != "m" || !slices.ContainsFunc(words, hasDigit) {
		return false
	}
	switch {
	case kind == KindRings:
		return system != "" && system != SystemUK
	case w == "w", kind == KindShoes, system != "":
		return true
	}
	return !slices.ContainsFunc(words[:i], hasDigit)
}

// parseSizeText reads one size without separators. ok is false when the text has no size
// shape at all; err is set when it has one but the value is impossible.
func parseSizeText(text, feedSystem, kind string) (s Size, err error, ok bool) {
	words := sizeWords(text, kind)
	marked := feedSystem
	for _, w := range words {
		if sys, ok := systemWords[strings.TrimSuffix(w, ".")]; ok {
			marked = sys
			break
		}
	}
	system := ""
	var rest []string
	for i, w := range words {
		if sys, isSys := systemWords[strings.TrimSuffix(w, ".")]; isSys && (system == "" || system == sys) {
			system = sys
			continue
		}
		if noiseWords[strings.TrimSuffix(w, ".")] || genderMark(words, i, kind, marked) {
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
	if m := thirdsRE.FindStringSubmatch(value); m != nil {
		return thirdSize(m, system, kind)
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
