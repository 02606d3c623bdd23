package extract

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html/atom"
)

// regionCurrency is the currency of a country, for reading "$", "¥" or "kr" on a page whose
// markup names no currency: the region of <html lang="en-CA"> or the country domain says which.
var regionCurrency = map[string]string{
	"us": "USD", "ca": "CAD", "au": "AUD", "nz": "NZD", "gb": "GBP", "uk": "GBP", "ie": "EUR", "de": "EUR",
	"fr": "EUR", "es": "EUR", "it": "EUR", "nl": "EUR", "at": "EUR", "be": "EUR", "fi": "EUR", "pt": "EUR",
	"gr": "EUR", "lu": "EUR", "se": "SEK", "no": "NOK", "dk": "DKK", "is": "ISK", "pl": "PLN", "cz": "CZK",
	"ch": "CHF", "jp": "JPY", "cn": "CNY", "kr": "KRW", "in": "INR", "mx": "MXN", "br": "BRL", "hk": "HKD",
	"sg": "SGD", "tw": "TWD", "ar": "ARS", "cl": "CLP", "co": "COP", "za": "ZAR", "tr": "TRY",
}

// localeCurrency is the currency the page's language region or country domain implies, "" when
// neither says.
func (d *document) localeCurrency(base string) string {
	for _, n := range d.elems {
		if n.DataAtom != atom.Html {
			continue
		}
		lang := strings.ToLower(strings.ReplaceAll(attr(n, "lang"), "_", "-"))
		if _, region, ok := strings.Cut(lang, "-"); ok {
			if c := regionCurrency[region]; c != "" {
				return c
			}
		}
		break
	}
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		host := u.Hostname()
		if i := strings.LastIndexByte(host, '.'); i >= 0 {
			return regionCurrency[host[i+1:]]
		}
	}
	return ""
}

// scriptCurrencyRe finds a currency code in a page's inline data: analytics and shop scripts
// write "currency":"USD", "currencyCode":"CAD" or "priceCurrency":"AUD" even where the markup
// has none.
var scriptCurrencyRe = regexp.MustCompile(`(?i)["'](?:price_?)?currency(?:_?code)?["']\s*:\s*["']([A-Za-z]{3})["']`)

// scriptCurrency is the currency code the page's inline data names most often, "" when it names
// none that tagdrop knows. It only settles ambiguous signs ("$", "kr", "¥"), like the locale.
func scriptCurrency(raw []byte) string {
	counts := map[string]int{}
	best := ""
	// The expression runs only around each "urrency" (C or c): a whole page is megabytes.
	for i, seen := 0, 0; seen < 200; seen++ {
		j := bytes.Index(raw[i:], []byte("urrency"))
		if j < 0 {
			break
		}
		j += i
		i = j + len("urrency")
		m := scriptCurrencyRe.FindSubmatch(raw[max(0, j-8):min(len(raw), j+40)])
		if m == nil {
			continue
		}
		code := strings.ToUpper(string(m[1]))
		if !strings.Contains(isoInText, code) {
			continue
		}
		counts[code]++
		if counts[code] > counts[best] {
			best = code
		}
	}
	return best
}
