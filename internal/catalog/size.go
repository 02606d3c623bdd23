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
	"uniwersalny": true, "free": true, "unisize": true, "einegrosse": true, "tamanhounico": true,
	"jednavelicina": true, "jednavelikost": true, "tekebat": true,
}

// oneSizeJP are Japanese, Chinese and Korean spellings of one size ("free", "free size",
// "average size"), folded at start-up as size text is (folding drops the voicing mark of ズ).
var oneSizeJP = []string{"フリー", "フリーサイズ", "ワンサイズ", "均码", "均碼", "프리", "프리사이즈", "원사이즈"}

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
	// Japanese: LL (or 2L) is XL, 3L XXL ("SS", XS, is also short sleeves: left unread).
	"ll": "XL", "2l": "XL", "3l": "XXL", "4l": "3XL", "5l": "4XL",
	// Shop abbreviations ("6X" is left unread: it is also a US girls' size, as in "6/6X").
	"lg": "L", "lrg": "L", "xlg": "XL", "xxlg": "XXL", "5x": "5XL",
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
	"unisex": true, "schuhgrosse": true, "schuhgroesse": true,
}

// fitWords name a cut, not a size: "Petite 8", "XL Tall", "32 Regular", "UK 8 Wide Fit".
// They are dropped wherever they stand; shoeFitWords only from shoe sizes.
var (
	fitWords = map[string]bool{"petite": true, "tall": true, "long": true, "short": true, "regular": true, "reg": true, "plus": true, "fit": true,
		"slim": true, "oversized": true, "relaxed": true, "maternity": true}
	legWords     = map[string]bool{"long": true, "short": true, "regular": true, "reg": true}
	shoeFitWords = map[string]bool{"wide": true, "narrow": true, "xwide": true, "extrawide": true}
)

var (
	waistLengthRE  = regexp.MustCompile(`^w\s*(\d{2})\s*[/x,-]?\s*l\s*(\d{2})$|^(\d{2})\s*w\s*[/x,-]?\s*(\d{2})\s*l$`)
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
// "Tall", "Regular", "Maternity"; a fit letter glued to a clothing size, "10P", "34S": see
// dropFitLetter) or a shoe's width ("B(M)", "2E", "Wide Fit") are dropped; a suit's chest with
// its length ("40R", "38 Short") is the chest (parseSuitChest); a system may
// be glued to the number ("EU39") or stand apart ("44 (IT)"). "号" marks a Japanese size and
// centimetres a Japanese shoe size. Continental shoe sizes in thirds keep them ("38⅔").
// Numbers outside a system's range are an error, as is text that is no size.
func ParseSize(raw, sizeSystem, sizeKindHint string) (Size, error) {
	kind := strings.ToLower(strings.TrimSpace(sizeKindHint))
	text := foldSize(raw)
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
	labelSys := labelSystem(text)
	text, kind = cleanSize(text, kind)
	if s, ok := parseSuitChest(text, kind, feedSystem); ok {
		return s, nil
	}
	text = dropFitLetter(text, kind, feedSystem)
	if s, ok := parseWaist(text, kind, feedSystem); ok {
		return s, nil
	}
	if s, err, ok := parsePlusSize(text, kind); ok {
		return s, err
	}
	if s, err, ok := parseSizeText(text, feedSystem, kind); ok {
		return withLabelSystem(s, labelSys, text, feedSystem), err
	}
	text = splitSystemRuns(text, kind)
	if s, err, ok := parseDual(text, feedSystem, kind); ok {
		return s, err
	}
	if s, ok := parseRange(text, feedSystem, kind); ok {
		return s, nil
	}
	return Size{}, fmt.Errorf("size %q is not a size tagdrop knows", raw)
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
	foldedSizeJP       = Fold("サイズ") // "Mサイズ": the Japanese word for size, written onto the size
	foldedCentimetreJP = Fold("センチ") // "23.5センチ": centimetres, a Japanese shoe size
	foldedExtraWide    = []string{"extra wide", "extra-wide", "x-wide", "x wide"}
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
	text = sizeSuffixes.Replace(text)
	text = dropLeadingLabel(text)
	text = strings.ReplaceAll(text, "号", " jp ")
	if kind == KindShoes {
		text = shoeMillimetres(strings.ReplaceAll(text, foldedCentimetreJP, "cm"))
	}
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
