package ingest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// affiliateMap names the columns of testdata/affiliate.csv, a German affiliate export.
var affiliateMap = map[string]string{"id": "Artikelnummer", "title": "Produktname", "brand": "Marke", "price": "Preis",
	"regular_price": "UVP", "currency": "Waehrung", "in_stock": "Lagerbestand", "color": "Farbe", "size": "Groesse",
	"link": "Deeplink", "product_type": "Kategorie"}

func TestImportCSV(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		opts := ingest.Options{Retailer: "Nordstil", Format: "csv", ColumnMap: affiliateMap, ObservedAt: day(0)}
		rep := mustImportFile(t, im, "affiliate.csv", opts)
		if got, want := countsOf(rep), (counts{read: 4, new: 3, rejected: 1}); got != want {
			t.Fatalf("counts = %+v, want %+v (errors %+v)", got, want, rep.Errors)
		}
		if rep.Format != "csv" || len(rep.Errors) != 1 || rep.Errors[0].Line != 6 || rep.Errors[0].Item != "NS-3" ||
			!strings.Contains(rep.Errors[0].Reason, "gratis") {
			t.Fatalf("report = %+v", rep)
		}
		boots, err := db.OfferByItem(ctx, "nordstil", "NS-1-38")
		if err != nil {
			t.Fatal(err)
		}
		if boots.Price != 19900 || boots.RegularPrice != 28500 || boots.Currency != "EUR" || boots.Availability != catalog.InStock ||
			boots.URL != "https://shop.example.de/ns-1?s=38" || boots.Size != "38" {
			t.Fatalf("boots offer = %+v", boots)
		}
		other, err := db.OfferByItem(ctx, "nordstil", "NS-1-39")
		if err != nil {
			t.Fatal(err)
		}
		if other.Availability != catalog.OutOfStock {
			t.Fatalf("size 39 (Lagerbestand 0) = %+v", other)
		}
		coat, err := db.OfferByItem(ctx, "nordstil", "NS-2")
		if err != nil {
			t.Fatal(err)
		}
		if coat.Price != 129900 || coat.RegularPrice != 129900 {
			t.Fatalf("coat offer = %+v", coat)
		}
		again := mustImportFile(t, im, "affiliate.csv", ingest.Options{Retailer: "Nordstil", ColumnMap: affiliateMap, ObservedAt: day(1)})
		if got, want := countsOf(again), (counts{read: 4, unchanged: 3, rejected: 1}); got != want {
			t.Fatalf("re-import (format detected) counts = %+v, want %+v", got, want)
		}
		if got := count(t, db, "price_changes"); got != 3 {
			t.Fatalf("price_changes = %d after an unchanged re-import, want 3", got)
		}
	})
}

func TestImportShopifyPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		page := `{"products":[{"id":11,"title":"Linen Shirt","handle":"linen-shirt","vendor":"Atelier Nord","product_type":"Shirts",
			"variants":[{"id":111,"option1":"S","option2":"White","price":"60.00","compare_at_price":"80.00","available":true},
			            {"id":112,"option1":"M","option2":"White","price":"60.00","compare_at_price":"80.00","available":false}],
			"options":[{"name":"Size","position":1},{"name":"Color","position":2}]}]}`
		im := ingest.New(db, nil)
		rep := mustImport(t, im, []byte(page), ingest.Options{Retailer: "Atelier Nord", Currency: "USD",
			BaseURL: "https://atelier-nord.example.com", ObservedAt: day(0)})
		if got, want := countsOf(rep), (counts{read: 2, new: 2}); got != want || rep.Format != "shopify" {
			t.Fatalf("counts = %+v (%s), want %+v (shopify); errors %+v", got, rep.Format, want, rep.Errors)
		}
		o, err := db.OfferByItem(context.Background(), "atelier-nord", "111")
		if err != nil {
			t.Fatal(err)
		}
		if o.Price != 6000 || o.RegularPrice != 8000 || o.Currency != "USD" || o.Size != "S" || o.Color != "White" ||
			o.URL != "https://atelier-nord.example.com/products/linen-shirt?variant=111" {
			t.Fatalf("offer = %+v", o)
		}
	})
}

func TestImportOptionsAreValidated(t *testing.T) {
	tests := []struct {
		name string
		opts ingest.Options
		want string
	}{
		{name: "unknown format", opts: ingest.Options{Retailer: "x", Format: "xlsx"}, want: `format "xlsx" is not supported (use auto, gmc-xml, gmc-tsv, csv, shopify, product-xml)`},
		{name: "bad map key", opts: ingest.Options{Retailer: "x", ColumnMap: map[string]string{"titel": "Name"}}, want: `column map key "titel"`},
		{name: "bad currency", opts: ingest.Options{Retailer: "x", Currency: "€"}, want: `currency "€"`},
		{name: "bad base URL", opts: ingest.Options{Retailer: "x", BaseURL: "shop.example.com"}, want: `base URL "shop.example.com"`},
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := im.Import(context.Background(), strings.NewReader("id,title,price\n"), "x.csv", tt.opts)
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want one containing %q", err, tt.want)
				}
			})
		}
		if got := count(t, db, "feed_runs"); got != 0 {
			t.Fatalf("%d feed runs recorded for refused options", got)
		}
	})
}

// A row rejected for its own fault does not make a later, good row with the same id a
// duplicate: the shop corrected the row further down, and that copy is the item. A third copy
// is a duplicate of the good one.
func TestGoodCopyAfterRejectedRow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		feed := "id,title,price,currency\nD1,Coat,abc,EUR\nD1,Coat,120.00,EUR\nD1,Coat,99.00,EUR\n"
		rep := mustImport(t, im, []byte(feed), ingest.Options{Retailer: "Fixed Rows", Format: "csv", ObservedAt: day(0)})
		if got, want := countsOf(rep), (counts{read: 3, new: 1, rejected: 2}); got != want {
			t.Fatalf("counts = %+v, want %+v (errors %+v)", got, want, rep.Errors)
		}
		if rep.Errors[0].Line != 2 || rep.Errors[1].Line != 4 || !strings.Contains(rep.Errors[1].Reason, "duplicate id (first at line 3)") {
			t.Fatalf("errors = %+v", rep.Errors)
		}
		coat, err := db.OfferByItem(context.Background(), "fixed-rows", "D1")
		if err != nil || coat.Price != 12000 {
			t.Fatalf("D1 = %+v, %v", coat, err)
		}
	})
}
