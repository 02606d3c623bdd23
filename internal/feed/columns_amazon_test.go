package feed

import (
	"strings"
	"testing"
)

// TestAmazonFlatFile: Amazon's inventory flat file, with or without the three template rows
// above the attribute names: item_sku is the id, standard_price the price beside sale_price and
// its sale_from_date and sale_end_date, quantity the stock, size_name and color_name the size and
// colour, parent_sku the group; a parent row (parent_child "parent") is no offer and no error.
func TestAmazonFlatFile(t *testing.T) {
	cols := "item_sku\titem_name\tbrand_name\tparent_child\tparent_sku\tsize_name\tcolor_name\tstandard_price\tsale_price\tsale_from_date\tsale_end_date\tquantity\n"
	rows := "DR-P\tWrap Dress\tAcme\tparent\t\t\t\t\t\t\t\t\n" +
		"DR-S\tWrap Dress\tAcme\tchild\tDR-P\tS\tBlue\t59.99\t44.99\t2026-11-20\t2026-12-01\t3\n" +
		"DR-M\tWrap Dress\tAcme\tchild\tDR-P\tM\tBlue\t59.99\t\t\t\t0\n"
	template := "TemplateType=fptcustom\tVersion=2021.1014\tThe top 3 rows are for Amazon.com use only. Do not modify or delete the top 3 rows.\n" +
		"Product Type\tSeller SKU\tBrand Name\tProduct Name\tParentage\tParent SKU\tSize\tColour\tStandard Price\tSale Price\tSale Start Date\tSale End Date\tQuantity\n"
	for name, doc := range map[string]string{"bare": cols + rows, "template": template + cols + rows} {
		t.Run(name, func(t *testing.T) {
			items, bad := readWith(t, doc, Options{Currency: "EUR"})
			if len(bad) != 0 || len(items) != 2 {
				t.Fatalf("items %+v rows %+v", items, bad)
			}
			s, m := items[0], items[1]
			if s.ID != "DR-S" || s.RegularPrice != 5999 || s.SaleAmount != 4499 || s.SaleWindow.From.IsZero() || s.SaleWindow.Until.IsZero() ||
				s.Size != "S" || s.Color != "Blue" || s.ItemGroupID != "DR-P" || s.Availability != "3" {
				t.Errorf("DR-S = %+v", s)
			}
			if m.ID != "DR-M" || m.RegularPrice != 5999 || m.SaleAmount != 0 || m.Availability != "out of stock" {
				t.Errorf("DR-M = %+v", m)
			}
		})
	}
}

// TestAmazonListingsReport: Seller Central's All Listings Report names the seller's SKU
// seller-sku and gives its quantity as the stock.
func TestAmazonListingsReport(t *testing.T) {
	doc := "item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\topen-date\tasin1\tfulfillment-channel\tstatus\n" +
		"Cotton Socks\tSocks\t1125X9\tSOCK-3\t12.99\t40\t2026-01-02 10:00:00 PST\tB0SOCK0001\tDEFAULT\tActive\n" +
		"Wool Socks\tSocks\t1125Y1\tSOCK-W\t19.99\t0\t2026-01-02 10:00:00 PST\tB0SOCK0002\tDEFAULT\tInactive\n"
	items, bad := readWith(t, doc, Options{Currency: "USD"})
	if len(bad) != 0 || len(items) != 2 || items[0].ID != "SOCK-3" || items[0].Availability != "40" ||
		items[1].ID != "SOCK-W" || items[1].Availability != "out of stock" || items[1].RegularPrice != 1999 {
		t.Fatalf("items %+v rows %+v", items, bad)
	}
}

// TestAvailCounts: an avail column of counts (0, 5, 12), not Ceneo's codes, is a stock: 0 out
// of stock, another count in stock.
func TestAvailCounts(t *testing.T) {
	doc := "id,name,price,currency,avail\nA,Sukienka,199.00,PLN,5\nB,Sukienka,199.00,PLN,0\nC,Sukienka,199.00,PLN,12\n"
	items, bad := readWith(t, doc, Options{})
	if len(bad) != 0 || len(items) != 3 {
		t.Fatalf("items %+v rows %+v", items, bad)
	}
	for i, want := range []string{"5", "out of stock", "12"} {
		if items[i].Availability != want {
			t.Errorf("%s: availability %q, want %q", items[i].ID, items[i].Availability, want)
		}
	}
}

// TestSaleNotBelowPrice: a sale price equal to the price (Rakuten's Sale Price beside its Retail
// Price, a Merchant Center sale_price) or above it is no sale.
func TestSaleNotBelowPrice(t *testing.T) {
	rakuten := "Product ID|Product Name|SKU Number|Sale Price|Retail Price|Currency\n1|Crew|V1|295.00|295.00|USD\n2|Crew|V2|300.00|295.00|USD\n3|Crew|V3|200.00|295.00|USD\n"
	items, bad := readWith(t, rakuten, Options{})
	if len(bad) != 0 || len(items) != 3 || items[0].SaleAmount != 0 || items[0].SalePrice != "" || items[1].SaleAmount != 0 || items[2].SaleAmount != 20000 {
		t.Fatalf("items %+v rows %+v", items, bad)
	}
	gmc := `<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>E</g:id><g:title>Parka</g:title><g:link>https://e.example/1</g:link>` +
		`<g:price>250.00 CHF</g:price><g:sale_price>250.00 CHF</g:sale_price></item></channel></rss>`
	items, bad = readWith(t, gmc, Options{})
	if len(bad) != 0 || len(items) != 1 || items[0].SaleAmount != 0 || items[0].RegularPrice != 25000 {
		t.Fatalf("items %+v rows %+v", items, bad)
	}
}

// TestAmazonTemplateWithoutColumns: a template cut off before its column names is refused
// saying so, not as an empty feed.
func TestAmazonTemplateWithoutColumns(t *testing.T) {
	_, _, err := OpenWith(strings.NewReader("TemplateType=fptcustom\tVersion=2021.1014\nProduct Type\tSeller SKU\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "Amazon flat-file template") || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("err = %v", err)
	}
}
