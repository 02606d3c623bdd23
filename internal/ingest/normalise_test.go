package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

const (
	aa       = "Apparel & Accessories"
	handbags = aa + " > Handbags, Wallets & Cases > Handbags"
)

func TestNormaliseTables(t *testing.T) {
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name                          string
		item                          feed.Item
		brand, category, family, size string // size: the offer's size system
	}{
		{name: "canonical brand, numeric Google id refined by product type",
			item:  feed.Item{Brand: "SEE BY CHLOE", GoogleProductCategory: "3032", ProductType: "Women > Bags > Mini Bags", Color: "Blush", Size: "One Size"},
			brand: "See by Chloé", category: handbags + " > Micro Bags", family: "pink"},
		{name: "unknown brand passes through, title refines the Google path",
			item:  feed.Item{Brand: "Atelier Nobody", Title: "Lime Leather Micro Bag", GoogleProductCategory: handbags, Color: "Lime Green", Size: "OS"},
			brand: "Atelier Nobody", category: handbags + " > Micro Bags", family: "green"},
		{name: "product type alone, shoe size system from the size",
			item:  feed.Item{Brand: "dr martens", ProductType: "Women > Shoes > Chelsea Boots", Color: "Cherry Red", Size: "38"},
			brand: "Dr. Martens", category: aa + " > Shoes > Boots", family: "red", size: "EU"},
		{name: "feed's size system wins",
			item:  feed.Item{Brand: "Ganni", ProductType: "Sneakers", Size: "5", SizeSystem: "uk", Color: "Cream"},
			brand: "Ganni", category: aa + " > Shoes > Sneakers", family: "white", size: "UK"},
		{name: "letter size",
			item:  feed.Item{Brand: "Totême", GoogleProductCategory: "212", Size: "M", Color: "Ecru"},
			brand: "Toteme", category: aa + " > Clothing > Shirts & Tops", family: "white", size: "letter"},
		{name: "jeans are waist inches",
			item:  feed.Item{Brand: "Agolde", Title: "90s Pinch Waist Jeans", GoogleProductCategory: aa + " > Clothing > Pants", Size: "32", Color: "Indigo"},
			brand: "Agolde", category: aa + " > Clothing > Pants > Jeans", family: "blue", size: "waist"},
		{name: "breadcrumb never contradicts the Google category",
			item:  feed.Item{Brand: "Khaite", GoogleProductCategory: "2271", ProductType: "Women > Knitwear", Size: "S"},
			brand: "Khaite", category: aa + " > Clothing > Dresses", size: "letter"},
		{name: "a bare number at a pound shop is a UK size",
			item:  feed.Item{Brand: "Ganni", GoogleProductCategory: "2271", Size: "10", Currency: "GBP"},
			brand: "Ganni", category: aa + " > Clothing > Dresses", size: "UK"},
		{name: "the same at a dollar shop is a US size",
			item:  feed.Item{Brand: "Ganni", GoogleProductCategory: "2271", Size: "10", Currency: "USD"},
			brand: "Ganni", category: aa + " > Clothing > Dresses", size: "US"},
		{name: "a pound shop's continental shoe size stays EU",
			item:  feed.Item{Brand: "Ganni", ProductType: "Sneakers", Size: "38", Currency: "GBP"},
			brand: "Ganni", category: aa + " > Shoes > Sneakers", size: "EU"},
		{name: "a pound shop's shoe 5 is UK",
			item:  feed.Item{Brand: "Ganni", ProductType: "Sneakers", Size: "5", Currency: "GBP"},
			brand: "Ganni", category: aa + " > Shoes > Sneakers", size: "UK"},
		{name: "a pound shop's half shoe size is UK",
			item:  feed.Item{Brand: "Ganni", ProductType: "Sneakers", Size: "6.5", Currency: "GBP"},
			brand: "Ganni", category: aa + " > Shoes > Sneakers", size: "UK"},
		{name: "a pound shop's list of bare dress sizes is UK",
			item:  feed.Item{Brand: "Ganni", GoogleProductCategory: "2271", Size: "8, 10, 12", Currency: "GBP"},
			brand: "Ganni", category: aa + " > Clothing > Dresses", size: "UK"},
		{name: "a pound shop's list running into the UK-only sizes is UK",
			item:  feed.Item{Brand: "Ganni", GoogleProductCategory: "2271", Size: "18, 20, 22", Currency: "GBP"},
			brand: "Ganni", category: aa + " > Clothing > Dresses", size: "UK"},
		{name: "a pound shop's list of continental sizes stays EU",
			item:  feed.Item{Brand: "Ganni", GoogleProductCategory: "2271", Size: "32, 34, 36", Currency: "GBP"},
			brand: "Ganni", category: aa + " > Clothing > Dresses", size: "EU"},
		{name: "a dollar shop's half shoe size stays US",
			item:  feed.Item{Brand: "Ganni", ProductType: "Sneakers", Size: "6.5", Currency: "USD"},
			brand: "Ganni", category: aa + " > Shoes > Sneakers", size: "US"},
		{name: "a pound shop's trousers in waist inches stay waist",
			item:  feed.Item{Brand: "Agolde", GoogleProductCategory: aa + " > Clothing > Pants", Title: "Wide Trousers", Size: "28", Currency: "GBP"},
			brand: "Agolde", category: aa + " > Clothing > Pants", size: "waist"},
		{name: "a labelled size keeps its label at a pound shop",
			item:  feed.Item{Brand: "Ganni", GoogleProductCategory: "2271", Size: "EU 38", Currency: "GBP"},
			brand: "Ganni", category: aa + " > Clothing > Dresses", size: "EU"},
		{name: "jeans the taxonomy could not place are waist inches",
			item:  feed.Item{Brand: "Anine Bing", Title: "Anine Bing Jeans", ProductType: "Last Chance", Size: "27", Currency: "GBP"},
			brand: "Anine Bing", category: "Last Chance", size: "waist"},
		{name: "a designer named Jean is not jeans",
			item:  feed.Item{Brand: "Jean Paul Gaultier", Title: "Jean Paul Gaultier Mesh Top", ProductType: "Edit 24", Size: "10"},
			brand: "Jean Paul Gaultier", category: "Edit 24", size: "US"},
		{name: "a placeholder category is no category: the title places the item",
			item:  feed.Item{Brand: "Ganni", Title: "Ganni Seersucker Midi Dress", ProductType: "Uncategorized"},
			brand: "Ganni", category: aa + " > Clothing > Dresses"},
		{name: "a department and a promotion are no category either",
			item:  feed.Item{Brand: "Ganni", Title: "Ganni Scented Candle", ProductType: "Women > New In"},
			brand: "Ganni"},
		{name: "no category given: the title places the item",
			item:  feed.Item{Brand: "Anine Bing", Title: "Anine Bing Jeans", Size: "27", Currency: "GBP"},
			brand: "Anine Bing", category: aa + " > Clothing > Pants > Jeans", size: "waist"},
		{name: "no category given: a designer named Jean is placed by the garment",
			item:  feed.Item{Brand: "Jean Paul Gaultier", Title: "Jean Paul Gaultier Mesh Top", Size: "10"},
			brand: "Jean Paul Gaultier", category: aa + " > Clothing > Shirts & Tops", size: "US"},
		{name: "no category given and a title the taxonomy does not know: no category",
			item:  feed.Item{Brand: "Ganni", Title: "Ganni Scented Candle", Size: "Large jar"},
			brand: "Ganni"},
		{name: "a brand named after a garment is not the garment",
			item:  feed.Item{Brand: "Pepe Jeans", Title: "Pepe Jeans Men Slim Fit Trousers", Size: "32"},
			brand: "Pepe Jeans", category: aa + " > Clothing > Pants", size: "waist"},
		{name: "a brand named after a garment does not refine the category given",
			item:  feed.Item{Brand: "PEPE JEANS", GoogleProductCategory: aa + " > Clothing > Pants", Title: "Pepe Jeans Slim Trousers"},
			brand: "Pepe Jeans", category: aa + " > Clothing > Pants"},
		{name: "a brand named later in the title is a word of it",
			item:  feed.Item{Brand: "Boots", Title: "Suede Chelsea Boots"},
			brand: "Boots", category: aa + " > Shoes > Boots"},
		{name: "a category given that does not map is not overruled by the title",
			item:     feed.Item{Brand: "Ganni", ProductType: "Gifts > For Her", Title: "Ganni Silk Scarf"},
			brand:    "Ganni",
			category: "Gifts > For Her"},
		{name: "a filler in the brand column is no brand",
			item:  feed.Item{Brand: "N/A", GoogleProductCategory: "212", Size: "M"},
			brand: "", category: aa + " > Clothing > Shirts & Tops", size: "letter"},
		{name: "nothing maps: the retailer's path is kept",
			item:     feed.Item{Brand: "Ganni", GoogleProductCategory: "99999999", ProductType: "Home > Candles", Size: "Large jar"},
			brand:    "Ganni",
			category: "Home > Candles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := normalise(tt.item, "shop", at, newMemo())
			if l.brand != tt.brand {
				t.Errorf("brand = %q, want %q", l.brand, tt.brand)
			}
			if got := strings.Join(l.category, " > "); got != tt.category {
				t.Errorf("category = %q, want %q", got, tt.category)
			}
			if l.product.ColorFamily != tt.family {
				t.Errorf("colour family = %q, want %q", l.product.ColorFamily, tt.family)
			}
			if l.offer.SizeSystem != tt.size || l.offer.Size != tt.item.Size {
				t.Errorf("size = %q / %q, want %q / %q (the size text as the feed wrote it)", l.offer.Size, l.offer.SizeSystem, tt.item.Size, tt.size)
			}
		})
	}
}

// TestImportNormalises imports a feed through the real pipeline and reads the normalised
// brand, category, colour family and size system back from each database.
func TestImportNormalises(t *testing.T) {
	feedXML := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>t</title>
<item><g:id>A-1</g:id><g:title>Faux Fur Miniature Bag</g:title><g:link>https://shop.example/a</g:link>
<g:brand>see-by-chloe</g:brand><g:mpn>A1</g:mpn><g:price>300.00 EUR</g:price><g:availability>in stock</g:availability>
<g:google_product_category>3032</g:google_product_category><g:product_type>Women &gt; Bags &gt; Micro Bags</g:product_type>
<g:color>Blush</g:color><g:size>One Size</g:size></item>
<item><g:id>B-38</g:id><g:title>Chelsea Boots</g:title><g:link>https://shop.example/b</g:link>
<g:brand>SEE BY CHLOE</g:brand><g:mpn>B1</g:mpn><g:price>400.00 EUR</g:price><g:availability>in stock</g:availability>
<g:product_type>Femme &gt; Chaussures &gt; Bottines</g:product_type><g:color>Noir</g:color><g:size>38,5</g:size></item>
</channel></rss>`)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := New(db, nil)
		rep, err := im.Import(ctx, bytes.NewReader(feedXML), "normalise.xml", Options{Retailer: "Normal Shop"})
		if err != nil || rep.New != 2 || rep.Rejected != 0 {
			t.Fatalf("import = %+v, %v", rep, err)
		}
		if n, err := db.CountRows(ctx, "brands"); err != nil || n != 1 {
			t.Errorf("brands = %d, %v; want 1 (two spellings of See by Chloé)", n, err)
		}
		for _, want := range []struct{ item, category, family, system string }{
			{"A-1", handbags + " > Micro Bags", "pink", ""},
			{"B-38", aa + " > Shoes > Boots", "black", "EU"},
		} {
			o, err := db.OfferByItem(ctx, "normal-shop", want.item)
			if err != nil {
				t.Fatal(err)
			}
			p, err := db.ProductRecord(ctx, o.ProductID)
			if err != nil {
				t.Fatal(err)
			}
			if p.Brand != "See by Chloé" || p.Category != want.category || p.ColorFamily != want.family || o.SizeSystem != want.system {
				t.Errorf("%s: brand %q, category %q, colour family %q, size system %q; want See by Chloé, %q, %q, %q",
					want.item, p.Brand, p.Category, p.ColorFamily, o.SizeSystem, want.category, want.family, want.system)
			}
		}
	})
}

func BenchmarkNormalise(b *testing.B) {
	items := []feed.Item{
		{ID: "1", Brand: "SEE BY CHLOE", Title: "Micro Bag", GoogleProductCategory: "3032", ProductType: "Women > Bags > Mini Bags", Color: "Blush", Size: "One Size", Price: "300.00 EUR"},
		{ID: "2", Brand: "Ganni", Title: "Chelsea Boots", ProductType: "Women > Shoes > Boots", Color: "Black", Size: "38", SizeSystem: "EU"},
		{ID: "3", Brand: "Totême", Title: "Silk Shirt", GoogleProductCategory: "212", Color: "Ecru", Size: "M"},
	}
	m := newMemo()
	at := time.Now()
	defaultTables() // built once per process; not what is measured
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		normalise(items[i%len(items)], "shop", at, m)
	}
}

// TestCategoryMemoAgreesWithCategorise categorises a run of items through one memo, with
// repeats and with each of the three texts changing alone to one that places the item
// elsewhere, and checks every answer against categorise without a memo: the memo must never
// hand an item the last item's category when one of its texts differs.
func TestCategoryMemoAgreesWithCategorise(t *testing.T) {
	tote := feed.Item{GoogleProductCategory: "3032", ProductType: "Women > Bags", Title: "Leather Tote"}
	tb := defaultTables()
	base, _ := tb.categorise(tote)
	seq := []feed.Item{tote, tote}
	for _, change := range []func(*feed.Item){
		func(it *feed.Item) { it.Title = "Leather Micro Bag" },
		func(it *feed.Item) { it.ProductType = "Women > Bags > Mini Bags" },
		func(it *feed.Item) { it.GoogleProductCategory = "212" },
	} {
		it := tote
		change(&it)
		if n, _ := tb.categorise(it); n == base {
			t.Fatalf("%+v is placed where the tote is (%s): the test would not notice a stale memo", it, base.Path)
		}
		seq = append(seq, it, it, tote)
	}
	var cm categoryMemo
	for i, it := range seq {
		gotNode, gotOK := tb.categoriseWith(it, &cm)
		wantNode, wantOK := tb.categorise(it)
		if gotNode != wantNode || gotOK != wantOK {
			t.Errorf("item %d (%q / %q / %q): memo gave %q (%v), categorise %q (%v)", i, it.GoogleProductCategory,
				it.ProductType, it.Title, gotNode.Path, gotOK, wantNode.Path, wantOK)
		}
	}
}

func TestTitleWithoutBrand(t *testing.T) {
	for _, tt := range []struct{ title, brand, want string }{
		{"Pepe Jeans Men Slim Trousers", "Pepe Jeans", " Men Slim Trousers"},
		{"  HUSH PUPPIES Loafers", "Hush Puppies", " Loafers"},
		{"Coachella Festival Tee", "Coach", "Coachella Festival Tee"}, // not the brand: a longer word
		{"Coach", "Coach", ""},
		{"Suede Chelsea Boots", "Boots", "Suede Chelsea Boots"}, // named later: kept
		{"Chloé Woody Tote", "CHLOÉ", " Woody Tote"},
		{"Tote", "", "Tote"},
		{"Top", "Topshop", "Top"}, // shorter than the brand
	} {
		if got := titleWithoutBrand(tt.title, tt.brand); got != tt.want {
			t.Errorf("titleWithoutBrand(%q, %q) = %q, want %q", tt.title, tt.brand, got, tt.want)
		}
	}
}

// TestTitleCategory: a title places an item by the part that names it first, not by the shop,
// brand or colour after a separator.
func TestTitleCategory(t *testing.T) {
	tx := defaultTables().taxonomy
	for _, tt := range []struct{ title, brand, want string }{
		{"Logo Hoodie | Tommy Jeans", "", aa + " > Clothing > Shirts & Tops"},
		{"Slim Fit Poplin Shirt - Pepe Jeans", "", aa + " > Clothing > Shirts & Tops"},
		{"Crew Neck T-Shirt by Lucky Brand Jeans", "", aa + " > Clothing > Shirts & Tops"},
		{"Chino Shorts | Dress Code", "", aa + " > Clothing > Shorts"},
		{"Nike - Air Max 90 Sneakers", "", aa + " > Shoes > Sneakers"},
		{"Pepe Jeans Slim Jeans", "Pepe Jeans", aa + " > Clothing > Pants > Jeans"},
		{"Set of 10 Velvet Pouches", "", ""},
		{"Essie Nail Polish in Ballet Slippers 13.5ml", "", ""},
		{"OPI Nail Lacquer - Little Black Dress", "", ""},
		{"Kinderschwimmweste 15-30 kg | Variety", "", ""},
		{"Schneeanzug Kinder - Blau", "", aa + " > Clothing > Outerwear > Snow Pants & Suits"},
		{"Chaleco salvavidas adulto - Naranja", "", ""},
		{"Chaussettes de ski | Variety", "", aa + " > Clothing > Underwear & Socks > Socks"},
	} {
		n, ok := titleCategory(tx, tt.title, tt.brand)
		got := ""
		if ok {
			got = n.Path
		}
		if got != tt.want {
			t.Errorf("titleCategory(%q, %q) = %q, want %q", tt.title, tt.brand, got, tt.want)
		}
	}
}
