package feed

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// Some feeds give no price with VAT, only the price without it and the VAT amount: a UK trade
// export's price_ex_vat beside a price_vat of 7.50 (lower than it: the VAT, see vatBelowTwin),
// a shop's price_net beside vat_amount. What a shopper pays is their sum.

// netPriceKeys are header keys of a price without VAT beside taxExcludedVAT's ("price_ex_vat"):
// net and tax-excluded prices in English, German and French.
var netPriceKeys = map[string]bool{"pricenet": true, "netprice": true, "nettoprice": true, "pricenetto": true,
	"pricetaxexcl": true, "pricetaxexcluded": true, "priceexcltax": true, "priceextax": true, "priceexcludingtax": true,
	"nettopreis": true, "preisnetto": true, "prixht": true}

// vatAmountKeys are header keys of a column that is the VAT in the price, never its rate.
var vatAmountKeys = map[string]bool{"vatamount": true, "taxamount": true, "amountvat": true, "amounttax": true,
	"vatvalue": true, "taxvalue": true, "mwstbetrag": true, "montanttva": true, "importeiva": true, "btwbedrag": true}

// bareVATKeys are header keys of a column that is the VAT amount when a rate column is beside
// it (see vatRateKeys), and may be the rate itself otherwise ("vat": 21).
var bareVATKeys = map[string]bool{"vat": true, "tax": true, "mwst": true, "tva": true, "iva": true, "btw": true}

// vatRateKeys are header keys of a VAT rate column.
var vatRateKeys = map[string]bool{"vatrate": true, "taxrate": true, "vatpercent": true, "taxpercent": true, "mwstsatz": true,
	"tauxtva": true, "vatpercentage": true, "taxpercentage": true}

// netVATColumns finds, for a header without a price column, a price without VAT and the VAT
// amount (see above): their columns, or -1 and -1.
func netVATColumns(header []string, byKey map[string][]int) (net, vat int) {
	net, vat = -1, -1
	rate := false
	for k := range vatRateKeys {
		rate = rate || len(byKey[k]) > 0
	}
	for i, h := range header {
		k := headerKey(h)
		base, excluded := "", false
		for _, q := range taxExcludedVAT {
			if b, ok := strings.CutSuffix(k, q); ok {
				base, excluded = b, true
			}
		}
		switch {
		case net < 0 && (netPriceKeys[k] || excluded && base == "price"):
			net = i
		case vat < 0 && (vatAmountKeys[k] || rate && bareVATKeys[k]):
			vat = i
		}
	}
	if net < 0 || vat < 0 {
		return -1, -1
	}
	return net, vat
}

// netVATTwin is the pair of a bare VAT price column read as the price (price_vat) and its
// tax-excluded twin (price_ex_vat), as netVAT's net and VAT columns: a row whose price_vat is
// below its twin gives the VAT, and the price is their sum. ok is false when the twin is the
// plain price, which is then read as the price.
func netVATTwin(c columns) (net, vat int, ok bool) {
	for _, i := range c.byField["price"] {
		j, twin := c.vatTwin[i]
		if !twin {
			continue
		}
		base, _ := taxIncludedBase(headerKey(c.header[i]))
		if headerKey(c.header[j]) != base {
			return j, i, true
		}
	}
	return -1, -1, false
}

// netPlusVAT is the price of a row as the sum of its net price and VAT amount (see
// columns.netVAT), in currency when the cells name none, or why there is none.
func (r *delimitedReader) netPlusVAT(rec []string, currency string) (price, reason string) {
	n, v := r.cols.netVAT[0], r.cols.netVAT[1]
	cell := func(i int) string {
		if i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	net, vat := cell(n), cell(v)
	if empty := n; net == "" || vat == "" {
		if net != "" {
			empty = v
		}
		return "", fmt.Sprintf("missing price (column %q gives the price without VAT and column %q the VAT in it: both are needed, and %q is empty)",
			r.cols.name(n), r.cols.name(v), r.cols.name(empty))
	}
	if code, ok := currencyCell(currency); ok {
		currency = code
	}
	netMinor, cur, err := r.parse(net, strings.ToUpper(currency))
	if err != nil {
		return "", fmt.Sprintf("column %q: %v", r.cols.name(n), err)
	}
	vatMinor, vatCur, err := r.parse(vat, cur)
	if err != nil || vatCur != cur {
		return "", fmt.Sprintf("column %q holds %q, not a VAT amount in %s", r.cols.name(v), vat, cur)
	}
	return formatMinor(netMinor+vatMinor, cur), ""
}

// formatMinor writes an amount in minor units of currency as a price string ("45.00 GBP").
func formatMinor(minor int64, currency string) string {
	digits := pricing.MinorDigits(currency)
	s := strconv.FormatInt(minor, 10)
	if digits <= 0 {
		return s + " " + currency
	}
	for len(s) <= digits {
		s = "0" + s
	}
	return s[:len(s)-digits] + "." + s[len(s)-digits:] + " " + currency
}
