package feed

import (
	"strings"
	"testing"
)

// TestLocalisedAvailabilityYieldsToStock: a shop export's availability column in its own
// language (Verfügbarkeit, disponibilité) often shows a delivery time or fixed wording; beside
// the shop's stock count or flag, the count decides, as it does beside a delivery time.
func TestLocalisedAvailabilityYieldsToStock(t *testing.T) {
	doc := "id;title;price;link;Verfügbarkeit;stock\n" +
		"V-1;Wollmantel;199,00 EUR;https://v.example/1;sofort lieferbar;0\n" +
		"V-2;Wollschal;39,00 EUR;https://v.example/2;1-3 Werktage;5\n" +
		"V-3;Handschuhe;29,00 EUR;https://v.example/3;ausverkauft;12\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 3 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Availability)
	}
	if strings.Join(got, "|") != "out of stock|5|12" {
		t.Fatalf("availability %q", got)
	}
	doc = "id,titre,prix,lien,disponibilité,en_stock\nF-1,Robe,79.00 EUR,https://f.example/1,En stock,0\nF-2,Gilet,59.00 EUR,https://f.example/2,Sous 5 jours,1\n"
	items, rows = readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].Availability != "out of stock" || items[1].Availability != "in stock" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	// without a stock column the shop's wording is the availability
	items, _ = readWith(t, "id;title;price;link;Verfügbarkeit\nV-1;Wollmantel;199,00 EUR;https://v.example/1;ausverkauft\n", Options{})
	if len(items) != 1 || items[0].Availability != "ausverkauft" {
		t.Fatalf("items %+v", items)
	}
}

// TestBuyNowLinkIsNoPrice: a "Buy Now" column (an add-to-cart link) beside a price column in
// the shop's language leaves the price to it; Awin XML's <buynow> is still its price.
func TestBuyNowLinkIsNoPrice(t *testing.T) {
	doc := "id,title,Preis,Buy Now,image\nBN-1,Regenjacke,89.95 EUR,https://shop.example/cart/add?id=BN-1,https://shop.example/bn1.jpg\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 1 || items[0].RegularPrice != 8995 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}
