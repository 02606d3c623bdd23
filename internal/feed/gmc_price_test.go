package feed

import (
	"strings"
	"testing"
)

// gmcDoc wraps items in an RSS Merchant Center feed.
func gmcDoc(items string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>t</title>` + "\n" +
		items + "</channel></rss>\n"
}

// readWith reads a whole feed with opts, splitting good items from row errors.
func readWith(t *testing.T, doc string, opts Options) ([]Item, []RowError) {
	t.Helper()
	r, _, err := OpenWith(strings.NewReader(doc), opts)
	if err != nil {
		t.Fatal(err)
	}
	items, rows, err := drain(r)
	if err != nil {
		t.Fatalf("feed ended: %v", err)
	}
	return items, rows
}

// TestGMCPriceWithoutCurrency: bare and sign-only prices in Merchant Center XML are read with
// Options.Currency; without one the row error names the --currency option.
func TestGMCPriceWithoutCurrency(t *testing.T) {
	doc := gmcDoc(`<item><g:id>A</g:id><g:title>Tee</g:title><g:price>1,299.00</g:price><g:sale_price>14.99</g:sale_price></item>
<item><g:id>B</g:id><g:title>Top</g:title><g:price>29,99 €</g:price></item>
`)
	items, rows := readWith(t, doc, Options{Currency: "usd"})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %v rows %v", items, rows)
	}
	if it := items[0]; it.Currency != "USD" || it.RegularPrice != 129900 || it.SaleAmount != 1499 {
		t.Errorf("A = %+v", it)
	}
	if it := items[1]; it.Currency != "EUR" || it.RegularPrice != 2999 {
		t.Errorf("B = %+v", it)
	}
	_, rows = readWith(t, doc, Options{})
	if len(rows) != 1 || rows[0].Item != "A" || !strings.Contains(rows[0].Reason, "--currency") {
		t.Errorf("without a currency: rows %+v", rows)
	}
}

// TestGMCZeroSalePrice: a zero sale price is no sale, not a broken item.
func TestGMCZeroSalePrice(t *testing.T) {
	doc := gmcDoc(`<item><g:id>Z</g:id><g:title>Tee</g:title><g:price>10.00 EUR</g:price><g:sale_price>0.00 EUR</g:sale_price></item>
`)
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 1 || items[0].SaleAmount != 0 || items[0].SalePrice != "" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}

// TestGMCPriceFallbackRefusesGarbage: only one number with an optional currency sign on either
// side is read as a delimited feed's price; a second number, parentheses and approximation
// signs are refused.
func TestGMCPriceFallbackRefusesGarbage(t *testing.T) {
	for _, s := range []string{"12 34", "19.99 19.99", "19.99 / 24.99", "(19.99)", "~19.99", "≈19.99", "19.99€ 24.99€"} {
		for _, cur := range []string{"EUR", ""} {
			if m, c, err := parseGMCPrice(s, cur); err == nil {
				t.Errorf("parseGMCPrice(%q, %q) = %d %s, want an error", s, cur, m, c)
			}
		}
	}
	for _, tt := range []struct {
		in   string
		want int64
	}{{"19.99", 1999}, {"29,99 €", 2999}, {"€29,99", 2999}, {"1,299.00", 129900}, {"1.299,00 €", 129900}} {
		if m, _, err := parseGMCPrice(tt.in, "EUR"); err != nil || m != tt.want {
			t.Errorf("parseGMCPrice(%q) = %d, %v; want %d", tt.in, m, err, tt.want)
		}
	}
}

// TestGMCDollarSignWithCurrencyOption: "$49.00" is in the dollar Options.Currency names (CAD,
// AUD, NZD, …), by the fast reader and encoding/xml's alike, sale price included; USD without
// one.
func TestGMCDollarSignWithCurrencyOption(t *testing.T) {
	doc := gmcDoc("<item><g:id>A</g:id><g:title>Tee</g:title><g:price>$49.00</g:price><g:sale_price>$39.00</g:sale_price></item>\n")
	for _, cur := range []string{"CAD", "AUD", "NZD", "HKD", "SGD", "cad", ""} {
		want := strings.ToUpper(cur)
		if want == "" {
			want = "USD"
		}
		items, rows := readWith(t, doc, Options{Currency: cur})
		if len(rows) != 0 || len(items) != 1 || items[0].Currency != want || items[0].RegularPrice != 4900 || items[0].SaleAmount != 3900 {
			t.Errorf("currency %q: items %+v rows %+v", cur, items, rows)
		}
		r := newGMCReader(strings.NewReader(doc))
		r.currency = cur
		if it, err := r.Next(); err != nil || it.Currency != want {
			t.Errorf("currency %q, encoding/xml reader: %+v %v", cur, it, err)
		}
	}
}

// TestGMCPriceSpaceGrouped: an XML price whose amount groups thousands with a space, a no-break
// space or &#160; and names its currency by code is read.
func TestGMCPriceSpaceGrouped(t *testing.T) {
	doc := gmcDoc(`<item><g:id>1</g:id><g:title>A</g:title><g:price>1 990,00 EUR</g:price></item>
<item><g:id>2</g:id><g:title>B</g:title><g:price>1` + "\u00a0" + `990.00 EUR</g:price></item>
<item><g:id>3</g:id><g:title>C</g:title><g:price>1&#160;990.00 GBP</g:price></item>`)
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 3 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	for _, it := range items {
		if it.RegularPrice != 199000 {
			t.Errorf("%s: %d %s, want 199000", it.ID, it.RegularPrice, it.Currency)
		}
	}
}
