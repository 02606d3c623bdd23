package account

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Frequency is how often a shopper wants a digest.
type Frequency string

// The digest frequencies.
const (
	Daily      Frequency = "daily"
	ThreeAWeek Frequency = "3x-week"
	Weekly     Frequency = "weekly"
	NoDigest   Frequency = "off"
)

// ParseFrequency validates a frequency name.
func ParseFrequency(s string) (Frequency, error) {
	switch f := Frequency(strings.ToLower(strings.TrimSpace(s))); f {
	case Daily, ThreeAWeek, Weekly, NoDigest:
		return f, nil
	}
	return "", fmt.Errorf("frequency %q is not one of daily, 3x-week, weekly, off", s)
}

// SizePref is one size a shopper wears for one kind of garment, in one size system.
type SizePref struct {
	Kind   string // tops, bottoms, shoes, rings, dresses
	System string // letter, US, UK, EU, IT, FR, waist…
	Value  string
}

// ParseSizePref reads the KIND=SYSTEM:VALUE form of `tagdrop user prefs --size`. The value must
// be a size of that kind in that system ("shoes=US:38" is refused: no US shoe is a 38).
func ParseSizePref(s string) (SizePref, error) {
	kind, rest, ok := strings.Cut(s, "=")
	system, value, ok2 := strings.Cut(rest, ":")
	kind, system, value = strings.ToLower(strings.TrimSpace(kind)), strings.TrimSpace(system), strings.TrimSpace(value)
	if !ok || !ok2 || kind == "" || system == "" || value == "" {
		return SizePref{}, fmt.Errorf("size %q is not KIND=SYSTEM:VALUE (e.g. shoes=EU:38 or tops=letter:M)", s)
	}
	k, found := SizeKindOf(kind)
	if !found {
		return SizePref{}, fmt.Errorf("size %q: kind %q is not one of tops, dresses, bottoms, outerwear, shoes, rings", s, kind)
	}
	sys := strings.ToUpper(system)
	if strings.EqualFold(system, "letter") || strings.EqualFold(system, "waist") {
		sys = strings.ToLower(system)
	}
	if !k.takes(sys) {
		return SizePref{}, fmt.Errorf("size %q: %s are not sized in %s (use %s)", s, k.Kind, system, strings.Join(k.Systems, ", "))
	}
	p, err := parseOneSize(k, sys, value)
	if err != nil {
		return SizePref{}, fmt.Errorf("size %q: %v", s, err)
	}
	return p, nil
}

// SizeKind is one kind of garment a shopper gives sizes for, with the size systems it is sold
// in. Bags and accessories are one size and always match, so they have none.
type SizeKind struct {
	Kind    string   // a catalog.Kind* constant
	Label   string   // for people: "Tops and knitwear"
	Systems []string // the systems a shopper may choose, catalog.System* spellings
	Example string   // what to type: "M, L or EU 38"
}

// SizeKinds are the kinds in the order the settings pages ask for them.
var SizeKinds = []SizeKind{
	{catalog.KindTops, "Tops and knitwear", clothingSystems, "M, or EU 38"},
	{catalog.KindDresses, "Dresses and skirts", clothingSystems, "S, or UK 10"},
	{catalog.KindOuterwear, "Coats and jackets", clothingSystems, "M, or IT 42"},
	{catalog.KindBottoms, "Trousers and jeans", append([]string{catalog.SystemWaist}, clothingSystems...), "W28 L32, or 28"},
	{catalog.KindShoes, "Shoes", []string{catalog.SystemEU, catalog.SystemUK, catalog.SystemUS}, "EU 38, UK 5 or US 7.5"},
	{catalog.KindRings, "Rings", []string{catalog.SystemUS, catalog.SystemUK, catalog.SystemEU}, "US 6, UK L or EU 52"},
}

var clothingSystems = []string{catalog.SystemLetter, catalog.SystemUS, catalog.SystemUK, catalog.SystemEU,
	catalog.SystemIT, catalog.SystemFR, catalog.SystemDE, catalog.SystemAU, catalog.SystemJP}

// SizeKindOf finds a kind by name.
func SizeKindOf(kind string) (SizeKind, bool) {
	for _, k := range SizeKinds {
		if k.Kind == kind {
			return k, true
		}
	}
	return SizeKind{}, false
}

func (k SizeKind) takes(system string) bool {
	for _, s := range k.Systems {
		if s == system {
			return true
		}
	}
	return false
}

// MaxSizesPerKind bounds the sizes one kind holds: enough for "S, M" across a few systems.
const MaxSizesPerKind = 12

// ParseSizes reads what a shopper typed for one kind: sizes separated by commas, each with its
// own system ("M, EU 38", "UK 5") or in system, the one chosen beside the box. Every size must
// be a size of that kind ("W28" is no shoe size); the error says which is not and why.
func ParseSizes(kind, system, text string) ([]SizePref, error) {
	k, ok := SizeKindOf(kind)
	if !ok {
		return nil, fmt.Errorf("%q is not a kind of garment tagdrop sizes", kind)
	}
	if system != "" && !k.takes(system) {
		return nil, fmt.Errorf("%s are not sized in %q; choose one of %s", strings.ToLower(k.Label), system, strings.Join(k.Systems, ", "))
	}
	var out []SizePref
	seen := map[SizePref]bool{}
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		ps, err := parseSizeOrPair(k, system, part)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	if len(out) > MaxSizesPerKind {
		return nil, fmt.Errorf("give at most %d sizes for %s", MaxSizesPerKind, strings.ToLower(k.Label))
	}
	return out, nil
}

// parseSizeOrPair reads one size a shopper typed, or a run of neighbouring sizes as each:
// "8/10" or "8-10" in dress sizes (catalog.ParseSizeRun) is UK 8 and UK 10, "36/38" in EU
// dress sizes EU 36 and EU 38, "38/39" in EU shoes EU 38 and EU 39, "S/M" is S and M, so the
// shopper hears of items in either size, as an item sized "8/10" reaches both.
func parseSizeOrPair(k SizeKind, system, text string) ([]SizePref, error) {
	hint := system
	if system == catalog.SystemLetter {
		hint = ""
	}
	if run, ok := catalog.ParseSizeRun(text, hint, k.Kind); ok && k.takes(run[0].System) {
		out := make([]SizePref, len(run))
		for i, s := range run {
			out[i] = SizePref{Kind: k.Kind, System: s.System, Value: s.Value}
		}
		return out, nil
	}
	p, err := parseOneSize(k, system, text)
	if err != nil || p.System != catalog.SystemLetter || !strings.Contains(p.Value, "/") {
		return []SizePref{p}, err
	}
	var out []SizePref
	for _, v := range strings.Split(p.Value, "/") { // "S/M": each letter
		out = append(out, SizePref{Kind: k.Kind, System: p.System, Value: v})
	}
	return out, nil
}

// parseOneSize checks one size through catalog.ParseSize, the reader the index files offers'
// sizes with, so a size accepted here is one offers can be found under.
func parseOneSize(k SizeKind, system, text string) (SizePref, error) {
	if len(text) > 20 {
		return SizePref{}, fmt.Errorf("%.20q… is too long for a size", text)
	}
	hint := system
	if system == catalog.SystemLetter {
		hint = "" // a number typed beside "letter" is read in its usual system
	}
	s, err := catalog.ParseSize(text, hint, k.Kind)
	if err != nil {
		return SizePref{}, fmt.Errorf("%v; for %s type e.g. %s", err, strings.ToLower(k.Label), k.Example)
	}
	if s.OneSize {
		return SizePref{}, fmt.Errorf("%q: one-size things always match; give the size you wear", text)
	}
	if s.Kind != "" && s.Kind != k.Kind || !k.takes(s.System) {
		return SizePref{}, fmt.Errorf("%q is not a size for %s (e.g. %s)", text, strings.ToLower(k.Label), k.Example)
	}
	v := s.Value
	if s.Length != "" {
		v += "/" + s.Length
	}
	return SizePref{Kind: k.Kind, System: s.System, Value: strings.ToUpper(v)}, nil
}

// String spells a size preference for people: "EU 38", "M", "W28 L32".
func (p SizePref) String() string {
	if s, err := catalog.ParseSize(p.Value, p.System, p.Kind); err == nil {
		return s.String()
	}
	return strings.TrimSpace(p.System + " " + p.Value)
}

// Currencies are the currencies a shopper may set a price limit in.
var Currencies = []string{"EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CAD", "AUD", "JPY"}

// ParseCurrency checks a currency code against Currencies.
func ParseCurrency(s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	for _, k := range Currencies {
		if k == c {
			return c, nil
		}
	}
	return "", fmt.Errorf("%q is not a currency tagdrop offers (%s)", s, strings.Join(Currencies, ", "))
}

// MaxPriceCap is the highest price limit in major units: above it a limit is no limit, and
// most likely a typo.
const MaxPriceCap = 1_000_000

// ParseMaxPrice reads a price limit ("450", "449.90") in currency's minor units; empty or 0
// means no limit.
func ParseMaxPrice(s, currency string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if strings.HasPrefix(s, "-") {
		return 0, fmt.Errorf("a maximum price cannot be negative")
	}
	v, err := catalog.ParseDecimal(strings.ReplaceAll(s, ",", "."), currency)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount such as 450 or 449.90", s)
	}
	if cap := MaxPriceCap * pow10(catalog.MinorDigits(currency)); v > cap {
		return 0, fmt.Errorf("%s is more than %d, which is no limit at all; leave it empty for none", s, MaxPriceCap)
	}
	return v, nil
}

func pow10(n int) int64 {
	v := int64(1)
	for range n {
		v *= 10
	}
	return v
}

// MaxDiscountPct is the highest minimum discount a shopper may ask for: above it almost nothing is
// ever on sale.
const MaxDiscountPct = 95

// ParseMinDiscount reads a minimum discount in whole percent, 0 to MaxDiscountPct; empty is 0.
func ParseMinDiscount(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > MaxDiscountPct {
		return 0, fmt.Errorf("%q is not a whole percentage from 0 to %d", s, MaxDiscountPct)
	}
	return n, nil
}

// ParseDigestHour reads the hour of the day a digest goes out, 0 to 23.
func ParseDigestHour(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 23 {
		return 0, fmt.Errorf("%q is not an hour from 0 to 23", s)
	}
	return n, nil
}

// ParseTimeZone checks an IANA time zone name ("Europe/Paris", "UTC"). "Local" is refused: it
// would mean the server's zone, not the shopper's.
func ParseTimeZone(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "Local") || len(s) > 64 {
		return "", fmt.Errorf("%q is not a time zone such as Europe/Paris or UTC", s)
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a time zone such as Europe/Paris or UTC", s)
	}
	return loc.String(), nil
}

// Preferences are a shopper's standing request: the sale items they want to hear about.
type Preferences struct {
	UserID           int64
	Brands           []string // brand names as shown
	Sizes            []SizePref
	Categories       []string // category paths
	Currency         string
	MaxPrice         int64 // minor units; 0 means no limit
	MinDiscountPct   int
	HideQuestionable bool
	Frequency        Frequency
	DigestHour       int
	TimeZone         string
}
