package extract

import (
	"bytes"
	"cmp"
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
	"sg": "SGD", "tw": "TWD", "ar": "ARS", "cl": "CLP", "co": "COP", "za": "ZAR", "tr": "TRY", "hu": "HUF",
	"th": "THB", "vn": "VND", "il": "ILS",
}

// languageCurrencies are the currencies of languages spoken in one currency's country alone, for
// <html lang="ja"> without a region: Japanese pages price in yen, Swedish ones in kronor.
var languageCurrencies = map[string]string{
	"ja": "JPY", "ko": "KRW", "sv": "SEK", "da": "DKK", "nb": "NOK", "nn": "NOK", "no": "NOK", "is": "ISK",
	"pl": "PLN", "cs": "CZK", "hu": "HUF", "th": "THB", "vi": "VND", "he": "ILS", "tr": "TRY",
}

// localeCurrency is the currency the page's language region or its country domain implies, ""
// when neither says.
func (d *document) localeCurrency(base string) string {
	_, region := d.htmlLang()
	if c := regionCurrency[region]; c != "" {
		return c
	}
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		host := u.Hostname()
		if i := strings.LastIndexByte(host, '.'); i >= 0 {
			return regionCurrency[host[i+1:]]
		}
	}
	return ""
}

// htmlLang is the language and region of <html lang="sv-FI">, lower case; "" for what it lacks.
func (d *document) htmlLang() (language, region string) {
	for _, n := range d.elems {
		if n.DataAtom == atom.Html {
			lang := strings.ToLower(strings.ReplaceAll(attr(n, "lang"), "_", "-"))
			language, region, _ = strings.Cut(lang, "-")
			return language, region
		}
	}
	return "", ""
}

// languageCurrency is the currency of <html lang="ja"> without a region (languageCurrencies),
// "" when the page has a region or another language.
func (d *document) languageCurrency() string {
	if language, region := d.htmlLang(); region == "" {
		return languageCurrencies[language]
	}
	return ""
}

// currencyHint is the currency that settles ambiguous signs ("$", "kr", "¥"): the page's
// language region or country domain, then the currency its inline data declares, and only then
// the one its language alone suggests, the weakest: Swedish is spoken in Finland too.
func currencyHint(d *document, base string, raw []byte) string {
	return cmp.Or(d.localeCurrency(base), scriptCurrency(raw), d.languageCurrency())
}

// pageCurrency is the currency the page's own locale suggests (its language region or country
// domain, else its language alone), "" when it suggests none: unlike currencyHint it leaves out
// the codes of inline data, which repeat the markup's.
func (x *extraction) pageCurrency() string {
	return cmp.Or(x.doc.localeCurrency(x.base), x.doc.languageCurrency())
}

// scriptCurrencyRe finds a currency code in a page's inline data: analytics and shop scripts
// write "currency":"USD", "currencyCode":"CAD" or "priceCurrency":"AUD" even where the markup
// has none.
var scriptCurrencyRe = regexp.MustCompile(`(?i)["'](?:price_?)?currency(?:_?code)?["']\s*:\s*["']([A-Za-z]{3})["']`)

// shopifyCurrencyRe finds the currency a Shopify shop sells in: Shopify.currency = {"active":"EUR"}.
var shopifyCurrencyRe = regexp.MustCompile(`Shopify\.currency\s*=\s*\{\s*["']active["']\s*:\s*["']([A-Za-z]{3})["']`)

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
			m = shopifyCurrencyRe.FindSubmatch(raw[max(0, j-9):min(len(raw), j+40)])
		}
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
