package feed

import (
	"strings"
	"testing"
)

// What stores put around their products: gender in the tags, gift cards and shipping
// protection beside the clothes, a "Default" product type, Material and Waist/Length options.
func TestShopifyProductExtras(t *testing.T) {
	page := `{"products":[
{"id":1,"title":"Wool Coat","vendor":"Maison Ligne","product_type":"Default","tags":["Womens","Coats"],
 "options":[{"name":"Size","position":1},{"name":"Material","position":2}],
 "variants":[{"id":11,"option1":"S","option2":"Wool","price":"300.00","available":true,"requires_shipping":true},
             {"id":12,"option1":"S","option2":"Cashmere","price":"450.00","available":true,"requires_shipping":true}]},
{"id":2,"title":"Gift Card","vendor":"Maison Ligne","product_type":"Gift Card","tags":[],
 "options":[{"name":"Denominations","position":1}],
 "variants":[{"id":21,"option1":"£50","price":"50.00","available":true,"requires_shipping":false}]},
{"id":3,"title":"Shipping Protection","vendor":"Route","product_type":"","tags":"",
 "options":[{"name":"Title","position":1}],
 "variants":[{"id":31,"option1":"Default Title","price":"2.98","available":true,"requires_shipping":false}]},
{"id":4,"title":"Straight Jeans","vendor":"Maison Ligne","product_type":"Jeans","tags":"Herren, Jeans",
 "options":[{"name":"Waist","position":1},{"name":"Length","position":2}],
 "variants":[{"id":41,"option1":"30","option2":"32","price":"120.00","available":true}]},
{"id":5,"title":"Chinos","vendor":"Maison Ligne","product_type":"Trousers","tags":["Unisex"],
 "options":[{"name":"Waist","position":1},{"name":"Leg","position":2},{"name":"Material","position":3}],
 "variants":[{"id":51,"option1":"30","option2":"Short","option3":"Navy","price":"90.00","available":true}]},
{"id":6,"title":"Boxer Shorts","vendor":"Maison Ligne","product_type":"Underwear","tags":[],
 "options":[{"name":"Waist","position":1}],
 "variants":[{"id":61,"option1":"S (28-30)","price":"20.00","available":true}]},
{"id":7,"title":"Cashmere Crew Jumper","vendor":"Maison Ligne","product_type":"Knitwear","tags":[],
 "options":[{"name":"Size","position":1}],
 "variants":[{"id":71,"option1":"M","price":"250.00","available":true,"requires_shipping":false}]}
]}`
	items, rows, _, err := readAllWith(t, strings.NewReader(page), Options{Currency: "GBP"})
	if err != nil || len(rows) > 0 {
		t.Fatalf("err %v, rows %+v", err, rows)
	}
	got := map[string]Item{}
	for _, it := range items {
		got[it.ID] = it
	}
	if len(items) != 6 || got["21"].ID != "" || got["31"].ID != "" || got["71"].ID == "" {
		t.Fatalf("items %v; want the coat's two variants, the jeans, chinos, boxers and the jumper a store marked unshipped, no gift card or add-on", idsOf(items))
	}
	if c := got["51"]; c.Size != "W30" || c.Material != "" || c.Gender != "" {
		t.Errorf("chinos: size %q, material %q, gender %q; want W30, none (Navy is a colour), none (Unisex is a facet)", c.Size, c.Material, c.Gender)
	}
	if b := got["61"]; b.Size != "S (28-30)" {
		t.Errorf("boxers: size %q, want S (28-30)", b.Size)
	}
	if c := got["11"]; c.Gender != "female" || c.ProductType != "" || c.Material != "Wool" || c.Size != "S" {
		t.Errorf("coat: gender %q, type %q, material %q, size %q; want female, none, Wool, S", c.Gender, c.ProductType, c.Material, c.Size)
	}
	if got["12"].Material != "Cashmere" {
		t.Errorf("second coat variant: material %q, want Cashmere", got["12"].Material)
	}
	if j := got["41"]; j.Size != "W30 L32" || j.Gender != "male" {
		t.Errorf("jeans: size %q, gender %q; want W30 L32, male", j.Size, j.Gender)
	}
}

func idsOf(items []Item) []string {
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

// A price of nines only ("999999.00") is a price-on-request placeholder: its row is rejected.
func TestPlaceholderPrice(t *testing.T) {
	for _, c := range []struct {
		minor    int64
		currency string
		want     bool
	}{
		{99999900, "EUR", true}, {99999999, "USD", true}, {9999900, "EUR", false}, {99999, "JPY", false}, {99999900, "KRW", false},
		{99999900, "IDR", false}, {99900, "EUR", false}, {199999900, "EUR", false}, {99999950, "EUR", false}, {129900, "EUR", false},
	} {
		if got := placeholderPrice(c.minor, c.currency); got != c.want {
			t.Errorf("placeholderPrice(%d %s) = %v, want %v", c.minor, c.currency, got, c.want)
		}
	}
}
