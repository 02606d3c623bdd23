package feed

import (
	"os"
	"testing"
)

// TestGMCWithoutNamespace: a Merchant feed written without the Google namespace (plain <id>,
// <price> in RSS items) or with a "g:" prefix it never declares is detected and read like one
// that declares it; an item missing its price is still a row error naming its line.
// (TestGMCFastMatchesEncodingXML reads the same fixture with both XML readers.)
func TestGMCWithoutNamespace(t *testing.T) {
	f, err := os.Open("testdata/rss_no_namespace.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, rows, format, err := readAll(t, f)
	if err != nil || format != GMCXML {
		t.Fatalf("format %q, err %v", format, err)
	}
	checkRows(t, rows, []rowWant{{line: 28, item: "MV-3", reason: "missing price"}})
	if len(items) != 2 {
		t.Fatalf("items = %+v", items)
	}
	if it := items[0]; it.ID != "MV-1-38" || it.Line != 6 || it.RegularPrice != 12000 || it.SaleAmount != 8400 || it.Size != "38" ||
		it.Color != "Écru" || it.ProductType != "Femme > Robes" || it.ItemGroupID != "MV-1" || it.Brand != "Maison Vallée" ||
		it.Availability != "in stock" || it.Link != "https://vallee.example.fr/robe-lin" {
		t.Errorf("plain fields: %+v", it)
	}
	if it := items[1]; it.ID != "MV-2" || it.Title != "Ceinture cuir" || it.RegularPrice != 4500 || it.Currency != "EUR" ||
		it.Availability != "out of stock" || it.Color != "Cognac" {
		t.Errorf("undeclared g: prefix: %+v", it)
	}
}

// TestGMCFieldsWinOverPlainOnes: in a feed that declares the namespace, a g: field wins over an
// unprefixed element of the same name wherever each stands (Atom's own <id> among them), and
// the unprefixed one fills the field only when no g: field does.
func TestGMCFieldsWinOverPlainOnes(t *testing.T) {
	doc := gmcDoc(`<item><id>tag:shop,2026:1</id><g:id>G-1</g:id><title>T</title><price>1.00 EUR</price><g:price>20.00 EUR</g:price><g:size>M</g:size><size>XL</size></item>
<item><g:id>G-2</g:id><id>tag:shop,2026:2</id><title>T</title><g:price>30.00 EUR</g:price><color>Navy</color></item>
`)
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if it := items[0]; it.ID != "G-1" || it.RegularPrice != 2000 || it.Size != "M" {
		t.Errorf("item 1 = %+v", it)
	}
	if it := items[1]; it.ID != "G-2" || it.RegularPrice != 3000 || it.Color != "Navy" {
		t.Errorf("item 2 = %+v", it)
	}
}

// TestGMCOtherNamespacesNotMerchant: in a Merchant feed, elements of another declared namespace
// (a shipping extension's sale_price, id and size, Atom's id) are that namespace's data: they
// fill no Merchant field, even one the item leaves empty. (TestGMCFastMatchesEncodingXML reads
// the fixture with both XML readers.)
func TestGMCOtherNamespacesNotMerchant(t *testing.T) {
	f, err := os.Open("testdata/gmc_other_namespaces.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, rows, _, err := readAll(t, f)
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []rowWant{{line: 5, reason: "missing id"}})
	if len(items) != 2 {
		t.Fatalf("items %+v", items)
	}
	if it := items[0]; it.ID != "AN-1" || it.RegularPrice != 19900 || it.SaleAmount != 0 || it.SalePrice != "" {
		t.Errorf("item 1 = %+v", it)
	}
	if it := items[1]; it.ID != "AN-3" || it.Size != "" {
		t.Errorf("item 3 = %+v", it)
	}
}

// TestGMCNamespaceLookalikes: a feed that binds g: to Google's namespace written with https,
// www. or a trailing slash is a Merchant feed like any other, read by both XML readers (the
// ISO-8859-1 one goes through encoding/xml); Google's cns namespace of custom attributes and
// other hosts are not Google's.
func TestGMCNamespaceLookalikes(t *testing.T) {
	for _, ns := range []string{"https://base.google.com/ns/1.0", "http://base.google.com/ns/1.0/", "https://www.base.google.com/ns/1.0"} {
		for _, decl := range []string{`<?xml version="1.0"?>`, `<?xml version="1.0" encoding="ISO-8859-1"?>`} {
			doc := decl + `<rss version="2.0" xmlns:g="` + ns + `"><channel><item><g:id>H1</g:id><title>Hat</title>` +
				`<g:price>19.00 EUR</g:price><g:availability>in stock</g:availability></item></channel></rss>`
			items, rows := readWith(t, doc, Options{})
			if len(rows) != 0 || len(items) != 1 || items[0].ID != "H1" || items[0].RegularPrice != 1900 || items[0].Availability != "in stock" {
				t.Errorf("%s %s: items %+v rows %+v", ns, decl, items, rows)
			}
		}
	}
	for _, ns := range []string{"http://base.google.com/cns/1.0", "http://base.google.com.example/ns/1.0", "base.google.com/ns/1.0", "ftp://base.google.com/ns/1.0"} {
		if isGoogleNamespace(ns) {
			t.Errorf("isGoogleNamespace(%q) = true", ns)
		}
	}
}
