package extract

import (
	"net/url"
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
