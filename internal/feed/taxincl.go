package feed

import "strings"

// taxIncludedQualifiers are what a header adds to a price's name to say that tax is in it,
// as header keys (letters and digits only): PrestaShop's "Price tax incl.", "price_incl_vat",
// "Gross price", French shops' "prix TTC", German "Preis inkl. MwSt.". The price with tax is
// what a shopper pays; its tax-excluded twin ("Price tax excl.") is never read as the price.
// Heureka's, Zboží's and Shoptet's PRICE_VAT is the price with VAT, beside a PRICE without.
var taxIncludedQualifiers = []string{
	"taxincluded", "taxincl", "inclusivetax", "includingtax", "incltax", "inctax", "withtax",
	"vatincluded", "vatincl", "inclusivevat", "includingvat", "inclvat", "incvat", "withvat",
	"inklmwst", "inklusivemwst", "mitmwst", "ttc", "gross", "brutto", "vat",
}

// taxIncludedBase is a header key without its tax-included qualifier ("pricetaxincl" →
// "price", "grossprice" → "price"), and whether it had one.
func taxIncludedBase(key string) (string, bool) {
	for _, q := range taxIncludedQualifiers {
		if base, ok := strings.CutSuffix(key, q); ok && base != "" {
			return base, true
		}
		if base, ok := strings.CutPrefix(key, q); ok && base != "" {
			return base, true
		}
	}
	return "", false
}

// taxIncludedFields are the fields whose columns may be named in a tax-included form: prices.
var taxIncludedFields = map[string]bool{"price": true, "sale_price": true, FieldRegularPrice: true}

// unitPriceNames are price names, as header keys, of a price per unit of measure (German
// feeds' Grundpreis, "base_price_incl_vat"): tax-included or not, never the item's price.
var unitPriceNames = map[string]bool{"baseprice": true, "unitprice": true, "priceperunit": true}

// taxIncludedColumns are the columns named as field f's candidate name with a tax-included
// qualifier ("Price tax incl." for price), from taxIncl, the columns by their key without it.
func taxIncludedColumns(f, name string, taxIncl map[string][]int) []int {
	if !taxIncludedFields[f] || unitPriceNames[name] {
		return nil
	}
	return taxIncl[name]
}
