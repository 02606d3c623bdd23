package extract

import (
	"strings"
	"testing"
)

// Kuwaiti sneaker shops sell Nike's KD line: on a page whose markup says KWD, "KD" after a
// name word with a number of no three decimals ("Nike KD 16 EP") names the shoe, not a price;
// after a price word or alone ("Now KD 15", "KD 15") it is still the dinar.
func TestKuwaitiDinarShoeName(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Nike KD 16 EP | Boutique Q8</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Nike KD 16 EP","brand":{"@type":"Brand","name":"Nike"},"offers":[{"@type":"Offer","sku":"V1","price":"45.000","priceCurrency":"KWD","availability":"https://schema.org/InStock"}]}</script></head><body>
<header><div class="topbar">Free delivery in Kuwait on orders over KD 20.000</div><nav><a href="/women">Women</a><a href="/men">Men</a></nav></header>
<div class="product-detail"><div class="product-images"><img src="/m/1.jpg" alt=""></div><div class="product-summary"><h1 class="product-name">Nike KD 16 EP</h1>
<div class="product-price"><span class="price">KD 45.000</span></div><button type="submit" class="btn btn-add-to-bag">Add to Bag</button></div></div></body></html>`
	r, err := Page(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if p, reg, cur, av := mainAnswer(r); p+"/"+reg+"/"+cur+"/"+av != "45.000//KWD/in_stock" {
		t.Errorf("Nike KD 16 EP page: %s/%s/%s/%s, want 45.000//KWD/in_stock", p, reg, cur, av)
	}
	for _, s := range []string{"Nike KD 16 EP", "Nike Zoom KD 15", "KD Trey 5"} {
		for _, p := range findPrices(s, "KWD") {
			if p.currency == "KWD" {
				t.Errorf("findPrices(%q, KWD) = %+v, want no dinar", s, p)
			}
		}
	}
	for _, s := range []string{"KD 15", "Now KD 15", "Price: KD 15"} {
		ps := findPrices(s, "KWD")
		if len(ps) == 0 || ps[len(ps)-1].currency != "KWD" || !ps[len(ps)-1].marked {
			t.Errorf("findPrices(%q, KWD) = %+v, want a dinar price last", s, ps)
		}
	}
}
