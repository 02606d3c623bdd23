package pricing

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"
)

// ownCases reads testdata/price_strings.txt, the package's own price strings.
func ownCases(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open("testdata/price_strings.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// fuzzDecimals and fuzzCurrencies are the hints a fuzzed call picks from.
var (
	fuzzDecimals   = []string{"", ".", ",", "€"}
	fuzzCurrencies = []string{"", "EUR", "USD", "CAD", "NOK", "CNY", "JPY", "KWD"}
)

// FuzzParse checks that Parse never panics, never returns a negative amount or a malformed
// currency, fails only with its own errors, and reads back what Price.String writes.
func FuzzParse(f *testing.F) {
	for i, s := range ownCases(f) {
		f.Add(s, "", uint8(i))
	}
	f.Add("39.95", "Price From £ 39.95", uint8(0))
	f.Add("79,99 € 59,99 €", "", uint8(128))
	f.Fuzz(func(t *testing.T, s, context string, pick uint8) {
		opts := ParseOptions{
			Context:  context,
			Decimal:  fuzzDecimals[int(pick)%len(fuzzDecimals)],
			Currency: fuzzCurrencies[int(pick/4)%len(fuzzCurrencies)],
			SalePair: pick >= 128,
		}
		p, err := Parse(s, opts)
		if p.Amount < 0 || p.High < 0 {
			t.Fatalf("Parse(%q, %+v) gave a negative amount: %#v", s, opts, p)
		}
		if !validCode(p.Currency) {
			t.Fatalf("Parse(%q, %+v) currency %q is not \"\" or three upper-case letters", s, opts, p.Currency)
		}
		if err != nil {
			if !errors.Is(err, ErrNoAmount) && !errors.Is(err, ErrNegative) {
				t.Fatalf("Parse(%q, %+v) error %v is neither ErrNoAmount nor ErrNegative", s, opts, err)
			}
			return
		}
		if p.Flags&FlagRange != 0 && p.High <= p.Amount {
			t.Fatalf("Parse(%q, %+v) range %d..%d does not rise", s, opts, p.Amount, p.High)
		}
		back, err := Parse(p.String(), ParseOptions{})
		if err != nil || back.Amount != p.Amount || back.Currency != p.Currency {
			t.Fatalf("Parse(%q) = %#v, but its String %q reads back as %#v, %v", s, p, p.String(), back, err)
		}
	})
}

func validCode(c string) bool {
	if c == "" {
		return true
	}
	if len(c) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}

// BenchmarkParse parses the package's own mix of price strings, one Parse per op.
func BenchmarkParse(b *testing.B) {
	cases := ownCases(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = Parse(cases[i%len(cases)], ParseOptions{})
	}
}
