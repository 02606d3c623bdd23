package account

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseSizes(t *testing.T) {
	tests := []struct {
		name, kind, system, text string
		want                     string // fmt of the result; "" with ok false
		ok                       bool
	}{
		{"letters", "tops", "letter", "m, s ,M", "[{tops letter M} {tops letter S}]", true},
		{"own system wins", "tops", "letter", "M, EU 38", "[{tops letter M} {tops EU 38}]", true},
		{"number in chosen system", "dresses", "UK", "10", "[{dresses UK 10}]", true},
		{"shoes half size", "shoes", "EU", "38.5", "[{shoes EU 38.5}]", true},
		{"shoes US", "shoes", "US", "8", "[{shoes US 8}]", true},
		{"waist and length", "bottoms", "waist", "W28 L32, 29", "[{bottoms waist 28/32} {bottoms waist 29}]", true},
		{"ring UK letter", "rings", "UK", "L", "[{rings UK L}]", true},
		{"empty", "tops", "letter", " , ", "[]", true},
		{"pair of dress sizes is each", "dresses", "UK", "8/10", "[{dresses UK 8} {dresses UK 10}]", true},
		{"hyphened pair", "dresses", "UK", "10-12, 12", "[{dresses UK 10} {dresses UK 12}]", true},
		{"letter pair is each", "tops", "letter", "S/M", "[{tops letter S} {tops letter M}]", true},
		{"waist and length stay one", "bottoms", "waist", "30/32", "[{bottoms waist 30/32}]", true},
		{"shoe size in wrong system", "shoes", "UK", "38", "", false},
		{"waist is no top", "tops", "letter", "W28", "", false},
		{"letter shoes", "shoes", "EU", "M", "", false},
		{"nonsense", "tops", "letter", "huge", "", false},
		{"one size", "tops", "letter", "one size", "", false},
		{"half clothing", "dresses", "EU", "38.5", "", false},
		{"system a kind does not take", "shoes", "waist", "38", "", false},
		{"unknown kind", "hats", "EU", "3", "", false},
		{"too many", "tops", "EU", "30,32,34,36,38,40,42,44,46,48,50,52,54", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSizes(tt.kind, tt.system, tt.text)
			if (err == nil) != tt.ok {
				t.Fatalf("ParseSizes(%q, %q, %q) = %v, %v", tt.kind, tt.system, tt.text, got, err)
			}
			if err != nil {
				if err.Error() == "" {
					t.Error("empty error message")
				}
				return
			}
			if s := fmtPrefs(got); s != tt.want && !(tt.want == "[]" && len(got) == 0) {
				t.Errorf("ParseSizes(%q) = %s, want %s", tt.text, s, tt.want)
			}
		})
	}
}

func TestSizePrefString(t *testing.T) {
	for in, want := range map[SizePref]string{
		{"shoes", "EU", "38.5"}:       "EU 38.5",
		{"tops", "letter", "M"}:       "M",
		{"bottoms", "waist", "28/32"}: "W28 L32",
		{"bottoms", "waist", "28"}:    "W28",
	} {
		if got := in.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", in, got, want)
		}
		// What String shows must read back as the same size.
		back, err := ParseSizes(in.Kind, in.System, in.String())
		if err != nil || len(back) != 1 || back[0] != in {
			t.Errorf("ParseSizes(%q) = %v, %v; want %+v", in.String(), back, err, in)
		}
	}
}

func TestParseLimits(t *testing.T) {
	tests := []struct {
		name string
		fn   func() (any, error)
		want any
		ok   bool
	}{
		{"price", func() (any, error) { return ParseMaxPrice("450", "EUR") }, int64(45000), true},
		{"price decimals comma", func() (any, error) { return ParseMaxPrice("449,90", "EUR") }, int64(44990), true},
		{"price yen", func() (any, error) { return ParseMaxPrice("30000", "JPY") }, int64(30000), true},
		{"price empty", func() (any, error) { return ParseMaxPrice(" ", "EUR") }, int64(0), true},
		{"price negative", func() (any, error) { return ParseMaxPrice("-5", "EUR") }, nil, false},
		{"price words", func() (any, error) { return ParseMaxPrice("cheap", "EUR") }, nil, false},
		{"price absurd", func() (any, error) { return ParseMaxPrice("1000001", "EUR") }, nil, false},
		{"price at cap", func() (any, error) { return ParseMaxPrice("1000000", "EUR") }, int64(100000000), true},
		{"discount", func() (any, error) { return ParseMinDiscount("30") }, 30, true},
		{"discount percent sign", func() (any, error) { return ParseMinDiscount("40%") }, 40, true},
		{"discount empty", func() (any, error) { return ParseMinDiscount("") }, 0, true},
		{"discount 95", func() (any, error) { return ParseMinDiscount("95") }, 95, true},
		{"discount 96", func() (any, error) { return ParseMinDiscount("96") }, nil, false},
		{"discount negative", func() (any, error) { return ParseMinDiscount("-1") }, nil, false},
		{"hour", func() (any, error) { return ParseDigestHour("7") }, 7, true},
		{"hour 24", func() (any, error) { return ParseDigestHour("24") }, nil, false},
		{"zone", func() (any, error) { return ParseTimeZone("Europe/Paris") }, "Europe/Paris", true},
		{"zone UTC", func() (any, error) { return ParseTimeZone("UTC") }, "UTC", true},
		{"zone unknown", func() (any, error) { return ParseTimeZone("Mars/Olympus") }, nil, false},
		{"zone local", func() (any, error) { return ParseTimeZone("Local") }, nil, false},
		{"zone path", func() (any, error) { return ParseTimeZone("../../etc/passwd") }, nil, false},
		{"currency", func() (any, error) { return ParseCurrency("gbp") }, "GBP", true},
		{"currency unknown", func() (any, error) { return ParseCurrency("XYZ") }, nil, false},
		{"frequency", func() (any, error) { return ParseFrequency("3x-week") }, ThreeAWeek, true},
		{"frequency unknown", func() (any, error) { return ParseFrequency("hourly") }, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.fn()
			if (err == nil) != tt.ok {
				t.Fatalf("got %v, %v; want ok=%v", got, err, tt.ok)
			}
			if tt.ok && got != tt.want {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

// fmtPrefs spells sizes field by field ("{shoes EU 38}"), not through String.
func fmtPrefs(ps []SizePref) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = fmt.Sprintf("{%s %s %s}", p.Kind, p.System, p.Value)
	}
	return "[" + strings.Join(out, " ") + "]"
}
