package ingest

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/index"
)

// TestImportedSizesMatchShoppers follows an offer's size the way it travels: the feed item is
// normalised (which writes the size system it reads onto the offer) and the offer filed in an
// index, where a shopper's size finds it or not. Rules that read bare numbers by the shop's
// currency must hold for imported offers, not only for sizes without a system.
func TestImportedSizesMatchShoppers(t *testing.T) {
	const (
		trousers = "Men > Trousers"
		jeans    = "Women > Jeans"
		dresses  = "Women > Dresses"
		tops     = "Women > Tops"
		shoes    = "Women > Shoes > Sneakers"
	)
	tests := []struct {
		productType, gender, currency, size string
		kind, system, value                 string // the shopper's size
		match                               bool
	}{
		// Men's trousers: a bare number is the waist in dollar and pound shops.
		{trousers, "male", "USD", "32", "bottoms", "waist", "32", true},
		{trousers, "male", "CAD", "34", "bottoms", "waist", "34", true},
		{trousers, "male", "AUD", "36", "bottoms", "waist", "36", true},
		{trousers, "male", "NZD", "34", "bottoms", "waist", "34", true},
		{trousers, "male", "GBP", "32", "bottoms", "waist", "32", true},
		{trousers, "male", "GBP", "32", "bottoms", "EU", "42", false}, // no UK 32 chest size
		{trousers, "male", " gbp", "36", "bottoms", "waist", "36", true},
		{trousers, "male", "USD", "32, 34", "bottoms", "waist", "34", true},
		{trousers, "male", "EUR", "32", "bottoms", "waist", "32", false},
		// Letter pairs in a shop whose sizes the importer reads as letters.
		{tops, "female", "GBP", "S/M", "tops", "letter", "M", true},
		{tops, "female", "USD", "S/M", "tops", "letter", "S", true},
		// Women's jeans in a pound shop's dress sizes.
		{jeans, "female", "GBP", "10", "bottoms", "UK", "10", true},
		{jeans, "female", "GBP", "10", "bottoms", "UK", "14", false},
		{jeans, "female", "GBP", "28", "bottoms", "waist", "28", true},
		// Label, fit words and half sizes keep the market's reading.
		{dresses, "female", "GBP", "Size 10", "dresses", "UK", "10", true},
		{dresses, "female", "GBP", "Size 10", "dresses", "UK", "14", false},
		{dresses, "female", "GBP", "10 Petite", "dresses", "UK", "10", true},
		{"Women > Trousers", "female", "GBP", "Petite 8", "bottoms", "UK", "8", true},
		{dresses, "female", "GBP", "12 Tall", "dresses", "UK", "12", true},
		{dresses, "female", "USD", "Size 10", "dresses", "US", "10", true},
		{shoes, "female", "GBP", "Size 6", "shoes", "UK", "6", true},
		{shoes, "female", "GBP", "6 Wide Fit", "shoes", "UK", "6", true},
		{shoes, "female", "GBP", "6½", "shoes", "UK", "6.5", true},
		{shoes, "female", "GBP", "6 1/2", "shoes", "UK", "6.5", true},
		{shoes, "female", "GBP", "6 1/2", "shoes", "UK", "3.5", false},
		{shoes, "female", "GBP", "8.5 B(M)", "shoes", "US", "8.5", true}, // a US width: a US size
		// Skirts are sized as dresses: the settings ask for "Dresses and skirts".
		{"Women > Skirts", "female", "GBP", "10", "dresses", "UK", "10", true},
		{"Women > Skirts", "female", "EUR", "38", "dresses", "EU", "38", true},
		{"Women > Skirts", "female", "USD", "M", "dresses", "letter", "M", true},
		{"Women > Skirts", "female", "GBP", "10", "bottoms", "UK", "10", false},
		// A letter beside a number, two neighbouring numbers.
		{dresses, "female", "GBP", "XS/6", "dresses", "UK", "6", true},
		{dresses, "female", "GBP", "XS/6", "dresses", "letter", "XS", true},
		{dresses, "female", "GBP", "XS/6", "dresses", "UK", "10", false},
		{tops, "female", "GBP", "S (8)", "tops", "UK", "8", true},
		{tops, "female", "GBP", "S (8)", "tops", "letter", "S", true},
		{tops, "female", "GBP", "M (38)", "tops", "EU", "38", true},
		{tops, "female", "GBP", "8/10", "tops", "UK", "10", true},
		{tops, "female", "GBP", "8-10", "tops", "UK", "8", true},
		{tops, "female", "GBP", "8-10", "tops", "UK", "10", true},
		{tops, "female", "GBP", "8-10", "tops", "UK", "14", false},
		{tops, "female", "GBP", "9-10", "tops", "UK", "10", false}, // a span of ages, no size
	}
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		it := feed.Item{ID: "1", Title: "Item", ProductType: tt.productType, Gender: tt.gender, Currency: tt.currency,
			Size: tt.size, RegularPrice: 5000, Availability: "in stock"}
		ix, o := indexImported(t, it, at)
		if got := !ix.SizeInStock(tt.kind, tt.system, tt.value).IsEmpty(); got != tt.match {
			t.Errorf("%s, %s, %q: %q imported as system %q; shopper's %s %s %s matches it: %v, want %v",
				tt.productType, tt.gender, tt.currency, tt.size, o.SizeSystem, tt.kind, tt.system, tt.value, got, tt.match)
		}
	}
}

// indexImported normalises a feed item as an import does and files the offer it gives, in stock,
// in an index of its own, returning the index and the offer.
func indexImported(t *testing.T, it feed.Item, at time.Time) (*index.Index, catalog.Offer) {
	t.Helper()
	node, _ := defaultTables().categorise(it)
	l := normalise(it, "shop", at, newMemo())
	ix, err := index.New(index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := l.offer
	err = ix.Upsert(index.Product{ID: 1, Title: l.product.Title, Gender: l.product.Gender, SizeKind: node.SizeKind,
		Offers: []index.Offer{{ID: 1, Retailer: "shop", Size: o.Size, SizeSystem: o.SizeSystem, Price: 5000,
			RegularPrice: 5000, Currency: o.Currency, Availability: catalog.InStock}}})
	if err != nil {
		t.Fatal(err)
	}
	return ix, o
}
