package feed

import (
	"strings"
	"testing"
)

// TestOwnExportNordicAndItalianNames: a Swedish, Danish or Norwegian shop's own export names
// its title Namn or Navn and its price Pris, an Italian one its code Codice and its title Nome,
// beside the colour, size and availability names read in those languages already.
func TestOwnExportNordicAndItalianNames(t *testing.T) {
	for _, c := range []struct{ name, doc, id, title string }{
		{"swedish", "Artikelnummer,Namn,Pris,Valuta,Färg,Storlek,Lagerstatus,Bild,Länk\n" +
			"SE-10,Stickad tröja,\"599,00\",SEK,Grå,M,I lager,https://butik.example.se/img/10.jpg,https://butik.example.se/trojan\n",
			"SE-10", "Stickad tröja"},
		{"danish", "Varenummer;Navn;Pris;Valuta;Farve;Størrelse\nDK-7;Strikket sweater;\"499,00\";DKK;Grå;M\n", "", "Strikket sweater"},
		{"italian", "Codice;Nome;Prezzo;Valuta;Colore;Taglia\nIT-55;Camicia in lino;\"49,00\";EUR;Bianco;M\n", "IT-55", "Camicia in lino"},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, rows := readWith(t, c.doc, Options{})
			if len(rows) != 0 || len(items) != 1 {
				t.Fatalf("items %+v rows %+v", items, rows)
			}
			it := items[0]
			if it.Title != c.title || it.RegularPrice == 0 || it.Size != "M" || c.id != "" && it.ID != c.id {
				t.Fatalf("item %+v", it)
			}
		})
	}
	items, _ := readWith(t, "Artikelnummer,Namn,Pris,Valuta,Bild,Länk\nSE-10,Tröja,599,SEK,https://b.example/10.jpg,https://b.example/tröja\n", Options{})
	if len(items) != 1 || items[0].Link != "https://b.example/tröja" || items[0].ImageLink != "https://b.example/10.jpg" || items[0].RegularPrice != 59900 {
		t.Fatalf("items %+v", items)
	}
}

// TestOwnExportStockCounts: a Dutch shop's Voorraad and a German one's Lagerbestand or Bestand
// are its stock counts, which decide availability as a stock column does (and beside which a
// Verfügbarkeit column yields, as it does to one named stock).
func TestOwnExportStockCounts(t *testing.T) {
	doc := "Artikelnummer;Naam;Prijs;Voorraad\nNL-1;Trui;\"49,95 EUR\";4\nNL-2;Broek;\"59,95 EUR\";0\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].Availability != "4" || items[1].Availability != "out of stock" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	doc = "Artikelnummer;Artikelname;Preis;Verfügbarkeit;Lagerbestand\nK-1;Pullover;\"49,90 EUR\";sofort lieferbar;0\n"
	items, rows = readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 1 || items[0].Availability != "out of stock" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}

// TestNumberedImageColumns: "Image 1", "Image 2"… are the item's image and its additional ones;
// a German export's Artikel-URL is its link.
func TestNumberedImageColumns(t *testing.T) {
	doc := "SKU,Product Name,Price,Image 1,Image 2,Image 3\n" +
		"EN-1,Quilted Gilet,85.00 GBP,https://s.example/1a.jpg,https://s.example/1b.jpg,https://s.example/1c.jpg\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 1 || items[0].ImageLink != "https://s.example/1a.jpg" ||
		strings.Join(items[0].AdditionalImageLinks, " ") != "https://s.example/1b.jpg https://s.example/1c.jpg" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	items, _ = readWith(t, "Artikelnummer;Artikelname;Preis;Artikel-URL\n10045;Bluse;\"39,95 EUR\";https://shop.example.de/bluse\n", Options{})
	if len(items) != 1 || items[0].Link != "https://shop.example.de/bluse" {
		t.Fatalf("items %+v", items)
	}
}

// TestRepeatedHeaderWithByteOrderMark: exports concatenated as files each begin with their
// byte order mark, which stands before the repeated header's first name.
func TestRepeatedHeaderWithByteOrderMark(t *testing.T) {
	doc := "\ufeffid,title,price\nA1,Tee,10.00 EUR\n\ufeffid,title,price\nA2,Cap,12.00 EUR\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[1].ID != "A2" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}
