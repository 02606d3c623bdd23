package feed

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// fuzzRead opens data in format and reads it to the end, checking what every reader promises:
// no panic, an end in a bounded number of steps, good items that are whole, row errors with a
// line, and an end that stays the end.
func fuzzRead(t *testing.T, data []byte, opts Options) {
	Detect(data)
	r, _, err := OpenWith(bytes.NewReader(data), opts)
	if err != nil {
		return
	}
	for steps := 0; ; steps++ {
		if steps > len(data)+10 {
			t.Fatalf("still reading after %d steps of a %d-byte input", steps, len(data))
		}
		it, err := r.Next()
		var row *RowError
		switch {
		case errors.As(err, &row):
			if row.Line < 1 || row.Reason == "" {
				t.Fatalf("row error without a line or reason: %+v", row)
			}
		case err != nil:
			if _, again := r.Next(); again != err && again.Error() != err.Error() {
				t.Fatalf("Next after %v gave %v", err, again)
			}
			return
		default:
			if it.ID == "" || it.Title == "" || it.RegularPrice <= 0 || it.Currency == "" || it.Line < 1 {
				t.Fatalf("an item without id, title, price or line: %+v", it)
			}
		}
	}
}

func addSeeds(f *testing.F, names ...string) {
	for _, name := range names {
		raw, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, "awin.csv", "cj.csv", "rakuten.txt", "impact.csv", "known/shopify_sorted_by_sku.csv", "fresh/concatenated.csv")
	f.Add([]byte("id,title,price\n\"1,\"Cap\"\",10 EUR\n2,\"Hat,10 EUR\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Options{Format: CSV, Currency: "EUR", MaxRecordBytes: 4096})
	})
}

func FuzzGMCTSV(f *testing.F) {
	addSeeds(f, "gmc.tsv")
	f.Add([]byte("id\ttitle\tprice\n1\t\"Cap\t10 EUR\n\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Options{Format: GMCTSV, MaxRecordBytes: 4096})
	})
}

func FuzzShopify(f *testing.F) {
	addSeeds(f, "shopify-page.json")
	f.Add([]byte(`{"products":[{"id":1,"title":"A","variants":[{"id":2,"price":"1.00","compare_at_price":"2.00"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Options{Format: Shopify, Currency: "USD", BaseURL: "https://shop.example.com"})
	})
}

func FuzzGMCXML(f *testing.F) {
	addSeeds(f, "rss.xml", "atom.xml", "broken-rows.xml", "windows-1252.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Options{Format: GMCXML})
	})
}

// FuzzProductXML reads XML product feeds that are not RSS or Atom (productxml.go).
func FuzzProductXML(f *testing.F) {
	addSeeds(f, "fresh/pricerunner.xml", "fresh/shop_xml_offers.xml", "known/price_currency_attr.xml")
	f.Add([]byte(`<products><product id="1"><name>Cap</name><price currency="EUR">10</price><shipping><price>4</price></shipping></product></products>`))
	f.Add([]byte(`<SHOP><SHOPITEM id="7"><NAME>Tee</NAME><PRICE_VAT>10</PRICE_VAT><PARAM><PARAM_NAME>Barva</PARAM_NAME><VAL>modrá</VAL></PARAM>` +
		`<VARIANTS><VARIANT id="7-1"><PRICE_VAT>12</PRICE_VAT><STOCK><AMOUNT>3</AMOUNT></STOCK></VARIANT><VARIANT><size>M</size></VARIANT></VARIANTS></SHOPITEM></SHOP>`))
	f.Add([]byte(`<offers><o id="1" url="https://x.example/1" price="5.00" stock="0"><name>Cap</name><imgs><main url="https://x.example/1.jpg"/></imgs>` +
		`<attrs><a name="Producent">Y</a></attrs></o></offers>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Options{Format: ProductXML, Currency: "EUR", MaxRecordBytes: 4096})
	})
}

// FuzzDetectAuto reads whatever Detect makes of the input.
func FuzzDetectAuto(f *testing.F) {
	addSeeds(f, "awin.csv", "gmc.tsv", "shopify-page.json", "rss.xml", "fresh/pricerunner.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Options{Currency: "EUR", MaxRecordBytes: 4096})
	})
}
