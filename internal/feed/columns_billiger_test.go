package feed

import (
	"strings"
	"testing"
)

// TestBilligerFeed reads billiger.de's column names: aid is the id, desc the description,
// shop_cat the category, mpnr the MPN, old_price the regular price and dlv_time (a delivery
// time, which the catalogue reads as availability) the availability; a row without an aid is a
// row error naming its line.
func TestBilligerFeed(t *testing.T) {
	items, rows, _, err := readFileWith(t, "testdata/billiger.csv", Options{Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, rows, []rowWant{{line: 4, reason: "missing id"}})
	if len(items) != 2 {
		t.Fatalf("items %+v", items)
	}
	if it := items[0]; it.ID != "BL-1-38" || it.Title != `Leinenbluse "Mia"` || it.RegularPrice != 7995 || it.SaleAmount != 5995 ||
		it.Description != "Bluse aus Leinen" || it.ProductType != "Damen > Blusen" || it.MPN != "NL-MIA" ||
		it.Availability != "1-3 Werktage" || it.Size != "38" || it.Color != "Weiß" || it.Gender != "Damen" || it.Material != "Leinen" {
		t.Errorf("item 1 = %+v", it)
	}
	if it := items[1]; it.ID != "BL-2" || it.RegularPrice != 6900 || it.SaleAmount != 0 || it.Availability != "nicht lieferbar" {
		t.Errorf("item 2 = %+v", it)
	}
}

// TestAidOutsideBilliger: an aid column beside none of billiger.de's own columns may be the
// advertiser's id, the same on every row: it is not taken as the item id. Without another id
// column the feed is refused asking for a column map; beside an article number (art_nr) that
// is the id.
func TestAidOutsideBilliger(t *testing.T) {
	doc := "aid,art_nr,name,price,currency,link\n1234,A-1,Red Dress,49.99,EUR,https://a.example.com/1\n1234,A-2,Blue Dress,39.99,EUR,https://a.example.com/2\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].ID != "A-1" || items[1].ID != "A-2" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	doc = "aid,name,price,currency,link\n1234,Red Dress,49.99,EUR,https://a.example.com/1\n"
	_, _, err := OpenWith(strings.NewReader(doc), Options{})
	if err == nil || !strings.Contains(err.Error(), "no column holds id") {
		t.Fatalf("err = %v", err)
	}
}
