package feed

import (
	"strings"
	"testing"
)

func TestDetectFormats(t *testing.T) {
	tests := []struct {
		name, peek, want string
	}{
		{name: "gmc rss", peek: `<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">`, want: GMCXML},
		{name: "gmc atom after white space", peek: "\n\n  <feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:g=\"http://base.google.com/ns/1.0\">", want: GMCXML},
		{name: "xml without g", peek: `<rss version="2.0"><channel>`, want: ""},
		{name: "blog rss", peek: `<rss version="2.0"><channel><title>Blog</title><item><title>Post</title><link>https://b.example/1</link><guid>1</guid></item>`, want: ""},
		{name: "blog atom", peek: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:b.example,2026:1</id><title>Post</title></entry>`, want: ""},
		{name: "rss of plain merchant fields", peek: `<rss version="2.0"><channel><item><id>A-1</id><title>Shirt</title><price>10.00 EUR</price>`, want: GMCXML},
		{name: "blog rss with a plain id", peek: `<rss version="2.0"><channel><item><id>42</id><title>Post 42</title><link>https://b.example/42</link>`, want: ""},
		{name: "atom of plain merchant fields", peek: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>A-1</id><price>10.00 EUR</price>`, want: GMCXML},
		{name: "rss with an undeclared g prefix", peek: `<rss version="2.0"><channel><item><g:id>A-1</g:id>`, want: GMCXML},
		{name: "blog rss quoting a price in its html", peek: `<rss version="2.0"><channel><item><guid>1</guid><description><![CDATA[<p>Now <price>49 EUR</price></p>]]></description>`, want: ""},
		{name: "blog rss with a price in a comment", peek: `<rss version="2.0"><!-- <price>1</price> --><channel><item><guid>1</guid>`, want: ""},
		{name: "plain merchant fields after a cdata description", peek: `<rss version="2.0"><channel><item><description><![CDATA[<b>x</b>]]></description><id>A-1</id><price>10.00 EUR</price>`, want: GMCXML},
		{name: "html", peek: "<!DOCTYPE html><html>", want: ""},
		{name: "gmc tsv", peek: "id\ttitle\tdescription\tprice\tlink\n1\tx\ty\t10 EUR\thttps://x\n", want: GMCTSV},
		{name: "gmc tsv with g: prefixes and spaces", peek: "g:id\tg:title\tg:image link\tg:price\n", want: GMCTSV},
		{name: "gmc tsv in caps", peek: "ID\tTITLE\tPRICE\tSALE_PRICE\r\n", want: GMCTSV},
		{name: "tsv without merchant names", peek: "aw_product_id\tproduct_name\tsearch_price\n", want: CSV},
		{name: "awin csv", peek: "aw_deep_link,product_name,aw_product_id,search_price\n", want: CSV},
		{name: "quoted csv", peek: `"ID","NAME","PRICE"` + "\n", want: CSV},
		{name: "semicolons", peek: "Artikelnummer;Bezeichnung;Preis\n", want: CSV},
		{name: "pipes", peek: "Product ID|Product Name|Retail Price\n", want: CSV},
		{name: "csv with utf-8 bom", peek: "\xef\xbb\xbfid,title,price\n", want: CSV},
		{name: "tsv in utf-16le", peek: "\xff\xfei\x00d\x00\t\x00t\x00i\x00t\x00l\x00e\x00\t\x00p\x00r\x00i\x00c\x00e\x00\n\x00", want: GMCTSV},
		{name: "shopify", peek: `{"products":[{"id":1,"title":"x"`, want: Shopify},
		{name: "shopify pretty", peek: "{\n  \"products\": [\n    {", want: Shopify},
		{name: "shopify empty page", peek: `{"products":[]}`, want: Shopify},
		{name: "other json", peek: `{"records":[{"id":"409325"}]}`, want: ""},
		{name: "products not first", peek: `{"count":1,"products":[]}`, want: ""},
		{name: "json array", peek: `[{"id":1}]`, want: ""},
		{name: "one word", peek: "Service Unavailable\n", want: ""},
		{name: "binary", peek: "id,\x00title,price\n", want: ""},
		{name: "one column name", peek: "id,\n", want: ""},
		{name: "empty", peek: "", want: ""},
		{name: "white space", peek: " \n\t\n", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.peek)); got != tt.want {
				t.Fatalf("Detect(%q) = %q, want %q", tt.peek, got, tt.want)
			}
		})
	}
}

func TestOpenForcedFormat(t *testing.T) {
	tests := []struct {
		name, input, format, want string
	}{
		{name: "csv forced on a tsv", input: "id\ttitle\tprice\n1\tCap\t10.00 EUR\n", format: CSV, want: ""},
		{name: "gmc-tsv forced on commas", input: "id,title,price\n1,Cap,10.00 EUR\n", format: GMCTSV, want: "no column holds id"},
		{name: "csv forced on one column", input: "title\nCap\n", format: CSV, want: "header line has no comma"},
		{name: "csv forced on empty input", input: "", format: CSV, want: "header line has no comma"},
		{name: "csv with only a header", input: "id,title,price\n", format: CSV, want: ""},
		{name: "shopify forced on a csv", input: "id,title,price\n", format: Shopify, want: "currency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _, err := OpenWith(strings.NewReader(tt.input), Options{Format: tt.format})
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want one containing %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for {
				if _, err := r.Next(); err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("Next: %v", err)
					}
					break
				}
			}
		})
	}
}

func TestCheckColumnMap(t *testing.T) {
	tests := []struct {
		name string
		m    map[string]string
		want string
	}{
		{name: "nil", m: nil},
		{name: "good", m: map[string]string{"id": "aw_product_id", "title": "product_name", "price": "search_price",
			"regular_price": "rrp_price", "currency": "currency", "in_stock": "in_stock"}},
		{name: "prefixed key", m: map[string]string{"g:id": "ID"}, want: `"g:id" is not a tagdrop field`},
		{name: "first bad key in order", m: map[string]string{"zzz": "a", "colour": "b"}, want: `"colour"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckColumnMap(tt.m)
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
