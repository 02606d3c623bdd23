package feed

import "testing"

// TestTitleAndStockFallBack: an empty TITLE column (CJ's legacy export keeps it for books) lets
// NAME give the title, and an empty in_stock lets stock_quantity give the stock.
func TestTitleAndStockFallBack(t *testing.T) {
	doc := "SKU,NAME,TITLE,PRICE,CURRENCY,in_stock,stock_quantity\n" +
		"CB-1,Chelsea Boot,,199.00,USD,,3\n" +
		"CB-2,Loafer,,99.00,USD,0,5\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 2 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if items[0].Title != "Chelsea Boot" || items[0].Availability != "3" {
		t.Errorf("CB-1 = %+v", items[0])
	}
	if items[1].Availability != "out of stock" {
		t.Errorf("CB-2 availability %q, want the in_stock flag's", items[1].Availability)
	}
}

// TestQuantityIsNotStock: a bare quantity column (a pack size in some feeds) is not read as
// the stock.
func TestQuantityIsNotStock(t *testing.T) {
	items, rows := readWith(t, "id,title,price,currency,quantity\nP-1,Socks,9.00,EUR,3\nP-2,Tee,9.00,EUR,0\n", Options{})
	if len(rows) != 0 || len(items) != 2 || items[0].Availability != "" || items[1].Availability != "" {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
}
