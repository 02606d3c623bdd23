package feed

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestShopifyExportInHandleOrderStreams: an export in Shopify's own order (each product's rows
// together, its title on its first) holds no more than sortedHeldBytes however many products
// it has: the products read before are not needed again.
func TestShopifyExportInHandleOrderStreams(t *testing.T) {
	var b strings.Builder
	b.WriteString("Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src\n")
	body := strings.Repeat("Soft cotton jersey. ", 200) // 4 KB of product description
	const n = 2000                                      // 8 MB of descriptions
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "p%d,Tee %d,%s,Brand,Size,S,SKU-%d-S,10.00,https://cdn.example/%d.jpg\n", i, i, body, i, i)
		fmt.Fprintf(&b, "p%d,,,,,M,SKU-%d-M,10.00,\n", i, i)
		fmt.Fprintf(&b, "p%d,,,,,,,,https://cdn.example/%d-2.jpg\n", i, i)
	}
	r, _, err := OpenWith(strings.NewReader(b.String()), Options{Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	s := r.(*delimitedReader).cols.shopify
	items, most := 0, 0
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if it.Title == "" || it.Description == "" {
			t.Fatalf("item %s lacks its product's title or description", it.ID)
		}
		items++
		most = max(most, s.held)
	}
	if items != 2*n {
		t.Fatalf("%d items, want %d", items, 2*n)
	}
	if most > 2*sortedHeldBytes {
		t.Fatalf("held up to %d bytes reading an export in Handle order, want at most about %d", most, sortedHeldBytes)
	}
}

// TestShopifyExportOutOfOrderAfterSortedStart: a file that starts in Handle order and then
// gives a row of a product read earlier still fills it from that product's cells.
func TestShopifyExportOutOfOrderAfterSortedStart(t *testing.T) {
	feed := "Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price\n" +
		"shirt,Linen Shirt,<p>Linen</p>,Fjell,Size,S,LS-S,55.00\n" +
		"scarf,Wool Scarf,<p>Wool</p>,Fjell,Title,Default Title,WS-1,35.00\n" +
		"shirt,,,,,M,LS-M,55.00\n"
	got := map[string]Item{}
	r, _, err := OpenWith(strings.NewReader(feed), Options{Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got[it.ID] = it
	}
	if it := got["LS-M"]; it.Title != "Linen Shirt" || it.Brand != "Fjell" {
		t.Fatalf("LS-M = %+v, want Linen Shirt by Fjell", it)
	}
}

// TestProductXMLSkipsBrokenProduct: a product that is not well-formed XML is one row error,
// as in Merchant Center XML, and the products after it are read, on their own lines.
func TestProductXMLSkipsBrokenProduct(t *testing.T) {
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<shop xmlns="urn:shop">
<offers>
<offer id="C-1"><name>One</name><price currency="EUR">10.00</price></offer>
<offer id="C-2"><name>Two</name><price currency="EUR">11.00</prices></offer>
<offer id="C-3"><name>Three &amp; more</name><price currency="EUR">12.00</price></offer>
<offer id="C-4"><name>H&M Tee</name><price currency="EUR">13.00</price>
</offer>
<offer id="C-5"><name>Five</name><price currency="EUR">15.00</price></offer>
<offer id="C-6"><name>Six <b>bold</name><price currency="EUR">16.00</price></offer>
</offers>
</shop>
`
	r, format, err := OpenWith(strings.NewReader(feed), Options{})
	if err != nil || format != ProductXML {
		t.Fatalf("format %q, %v", format, err)
	}
	var got []string
	var broken []int
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		var row *RowError
		if errors.As(err, &row) {
			broken = append(broken, row.Line)
			continue
		}
		if err != nil {
			t.Fatalf("after %v: %v", got, err)
		}
		got = append(got, fmt.Sprintf("%s@%d %d", it.ID, it.Line, it.RegularPrice))
	}
	want := "[C-1@4 1000 C-3@6 1200 C-5@9 1500]"
	if fmt.Sprint(got) != want || fmt.Sprint(broken) != "[5 7 10]" {
		t.Fatalf("items %v, broken lines %v; want %s and [5 7 10]", got, broken, want)
	}
}

// TestProductXMLAwinPrices: Awin's XML gives the amounts inside <price curr="EUR">: buynow is
// the price, rrp the regular price, the tracking link (awTrack) the link; the merchant's pId
// the id.
func TestProductXMLAwinPrices(t *testing.T) {
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<merchantProductFeed><merchant id="7788" name="Outdoorladen">
<prod id="40001" in_stock="yes"><pId>OL-TENT-2</pId><text><name>Zelt Trekker 2P</name></text>
<uri><awTrack>https://www.awin1.com/pclick.php?p=40001</awTrack><mLink>https://outdoorladen.de/zelt</mLink><mImage>https://outdoorladen.de/zelt.jpg</mImage></uri>
<price curr="EUR"><buynow>249.00</buynow><rrp>299.00</rrp><delivery>0.00</delivery></price>
<brand><brandName>Trekker</brandName></brand></prod>
</merchant></merchantProductFeed>
`
	r, format, err := OpenWith(strings.NewReader(feed), Options{})
	if err != nil || format != ProductXML {
		t.Fatalf("format %q, %v", format, err)
	}
	it, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if it.ID != "40001" || it.Currency != "EUR" || it.RegularPrice != 29900 || it.SaleAmount != 24900 ||
		it.Link != "https://www.awin1.com/pclick.php?p=40001" || it.ImageLink != "https://outdoorladen.de/zelt.jpg" {
		t.Fatalf("item %+v", it)
	}
}

// TestShopLanguageColumnsPolishAndGerman: a Polish shop's cena and waluta are its price and
// currency; a German shop's UVP and "Preis alt" its regular price.
func TestShopLanguageColumnsPolishAndGerman(t *testing.T) {
	for _, c := range []struct {
		feed          string
		cur           string
		regular, sale int64
	}{
		{"id;nazwa;cena;waluta;link\nPL-1;Kurtka;399,99;PLN;https://sklep.pl/1\n", "PLN", 39999, 0},
		{"Artikelnummer;Bezeichnung;Preis;Preis alt;Farbe;Farbcode\n1;Polo;29,95;39,95;Blau;#1A2B8C\n", "EUR", 3995, 2995},
		{"Artikelnummer;Artikelname;Preis;UVP\n2;Sofa;1299,00;1599,00\n", "EUR", 159900, 129900},
	} {
		r, _, err := OpenWith(strings.NewReader(c.feed), Options{Currency: "EUR"})
		if err != nil {
			t.Fatalf("%q: %v", c.feed, err)
		}
		it, err := r.Next()
		if err != nil {
			t.Fatalf("%q: %v", c.feed, err)
		}
		if it.Currency != c.cur || it.RegularPrice != c.regular || it.SaleAmount != c.sale {
			t.Errorf("%q: %s %d sale %d, want %s %d sale %d", c.feed, it.Currency, it.RegularPrice, it.SaleAmount, c.cur, c.regular, c.sale)
		}
		if strings.Contains(c.feed, "Farbcode") && it.Color != "Blau" {
			t.Errorf("%q: colour %q, want Blau (not the Farbcode)", c.feed, it.Color)
		}
	}
}
