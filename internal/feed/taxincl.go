package feed

import (
	"strings"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// taxIncludedQualifiers are what a header adds to a price's name to say that tax is in it,
// as header keys (letters and digits only): PrestaShop's "Price tax incl.", "price_incl_vat",
// "Gross price", French shops' "prix TTC", German "Preis inkl. MwSt.", Swedish "Pris inkl. moms". The price with tax is
// what a shopper pays; its tax-excluded twin ("Price tax excl.") is never read as the price.
// Heureka's, Zboží's and Shoptet's PRICE_VAT is the price with VAT, beside a PRICE without.
var taxIncludedQualifiers = []string{
	"taxincluded", "taxincl", "inclusivetax", "includingtax", "incltax", "inctax", "withtax",
	"vatincluded", "vatincl", "inclusivevat", "includingvat", "inclvat", "incvat", "withvat",
	"inklmwst", "inklusivemwst", "mitmwst", "ttc", "gross", "brutto", "vat",
	// Scandinavian shops' "Pris inkl. moms" (Prisjakt's template), Norwegian "inkl. mva".
	"inklmoms", "medmoms", "inklmva",
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

// bareVAT reports a header key whose only tax qualifier is a bare "vat" ("pricevat"): the price
// with VAT in Czech and Slovak exports (PRICE_VAT beside PRICE), but in others possibly the VAT
// in the price. A column saying outright that VAT is included comes before it (see mapColumns),
// and a row whose bare one is lower than its plain twin gives the twin (see vatTwins).
func bareVAT(key string) bool {
	base, ok := taxIncludedBase(key)
	return ok && (key == base+"vat" || key == "vat"+base)
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

// vatTwins maps each price column named with a bare VAT ("price_vat") that a field reads to
// the column its cells are compared with (see vatBelowTwin): its plain twin ("price") read after
// it, else its tax-excluded twin ("price_ex_vat"), which is never read as the price.
func vatTwins(byField map[string][]int, header []string) map[int]int {
	var m map[int]int
	byKey := map[string]int{}
	for i, h := range header {
		if _, dup := byKey[headerKey(h)]; !dup {
			byKey[headerKey(h)] = i
		}
	}
	for f := range taxIncludedFields {
		idx := byField[f]
		for k, i := range idx {
			key := headerKey(header[i])
			base, _ := taxIncludedBase(key)
			if !bareVAT(key) {
				continue
			}
			twin, ok := -1, false
			if k+1 < len(idx) && headerKey(header[idx[k+1]]) == base {
				twin, ok = idx[k+1], true
			}
			for _, q := range taxExcludedVAT {
				if !ok {
					twin, ok = byKey[base+q]
				}
			}
			if ok {
				if m == nil {
					m = map[int]int{}
				}
				m[i] = twin
			}
		}
	}
	return m
}

// taxExcludedVAT are what a header adds to a price's name to say VAT is not in it, as header
// keys: "price_ex_vat", "Price excl. VAT", "price_without_vat".
var taxExcludedVAT = []string{"exvat", "exclvat", "excvat", "excludingvat", "withoutvat", "exclusivevat", "beforevat"}

// vatBelowTwin reports a bare VAT column's cell v lower than its plain twin's: the VAT in the
// price (a UK export's "price_vat" of 5.00 beside a price of 30.00), never the price with it.
func vatBelowTwin(v, twin string) bool {
	opts := pricing.ParseOptions{Currency: "EUR"} // any one: the two amounts are only compared
	a, err := pricing.Parse(v, opts)
	b, err2 := pricing.Parse(strings.TrimSpace(twin), opts)
	return err == nil && err2 == nil && a.Currency == b.Currency && a.Amount < b.Amount
}
