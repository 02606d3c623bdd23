package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/sampledata"
)

func TestReadShopifyPage(t *testing.T) {
	items, rows, format, err := readAllWith(t, openFixture(t, "shopify-page.json"),
		Options{Currency: "eur", BaseURL: "https://atelier-nord.example.com/"})
	if err != nil {
		t.Fatal(err)
	}
	if format != Shopify {
		t.Fatalf("format = %q", format)
	}
	checkRows(t, rows, []rowWant{
		{line: 28, item: "4400202", reason: `"kostenlos"`},
		{line: 45, item: "8801003", reason: "product 8801003: variants.available is a JSON string, not bool"},
	})
	if len(items) != 5 {
		t.Fatalf("%d items, want 5: %+v", len(items), items)
	}
	want := Item{Line: 3, ID: "4400101", ItemGroupID: "8801001", Title: "Linen Wrap Dress",
		Description: "<p>Washed linen, tie waist.</p>", Brand: "Atelier Nord", ProductType: "Dresses", GTIN: "4006381333931",
		Link:      "https://atelier-nord.example.com/products/linen-wrap-dress?variant=4400101",
		ImageLink: "https://cdn.shopify.com/s/files/1/0001/dress-sage.jpg", AdditionalImageLinks: []string{"https://cdn.shopify.com/s/files/1/0001/dress-ecru.jpg"},
		Size: "S", Color: "Sage", Availability: "in stock",
		Price: "149.00", SalePrice: "89.00", Currency: "EUR", RegularPrice: 14900, SaleAmount: 8900}
	if !reflect.DeepEqual(items[0], want) {
		t.Fatalf("first variant =\n%+v\nwant\n%+v", items[0], want)
	}
	tests := []struct {
		i                      int
		id, size, color, avail string
		image                  string
		regular, sale          int64
	}{
		{i: 1, id: "4400102", size: "M", color: "Sage", avail: "out of stock", image: "https://cdn.shopify.com/s/files/1/0001/dress-sage.jpg", regular: 14900, sale: 8900},
		{i: 2, id: "4400103", size: "S", color: "Ecru", avail: "in stock", image: "https://cdn.shopify.com/s/files/1/0001/dress-sage.jpg", regular: 14900},
		// Farbe and Größe; compare_at_price equal to price is no sale.
		{i: 3, id: "4400201", size: "38", color: "Kamel", avail: "in stock", regular: 39900},
		// One "Title" option: neither size nor colour.
		{i: 4, id: "4400401", avail: "in stock", regular: 5000},
	}
	for _, tt := range tests {
		it := items[tt.i]
		if it.ID != tt.id || it.Size != tt.size || it.Color != tt.color || it.Availability != tt.avail ||
			it.ImageLink != tt.image || it.RegularPrice != tt.regular || it.SaleAmount != tt.sale {
			t.Errorf("variant %s = %+v", tt.id, it)
		}
	}
}

func TestShopifyNeedsCurrency(t *testing.T) {
	_, _, err := OpenWith(openFixture(t, "shopify-page.json"), Options{})
	if err == nil || !strings.Contains(err.Error(), "currency") {
		t.Fatalf("err = %v, want one asking for the currency", err)
	}
}

func TestShopifyBrokenPages(t *testing.T) {
	tests := []struct {
		name, page string
		items      int
		want       string
	}{
		{name: "not an object", page: `["products"]`, want: "expected a JSON object"},
		{name: "no products array", page: `{"shop": {"name": "x"}}`, want: `no "products" array`},
		{name: "products not an array", page: `{"products": {}}`, want: "expected an array of products"},
		{name: "cut off", page: `{"products": [{"id": 1, "title": "A", "variants": [{"id": 2, "price": "1.00"}]}, {"id": 3, "ti`, items: 1,
			want: "unexpected EOF"},
		{name: "syntax error on line 3", page: "{\"products\": [\n{\"id\": 1, \"title\": \"A\", \"variants\": [{\"id\": 2, \"price\": \"1.00\"}]},\n{\"id\": 3 \"title\": 1}]}",
			items: 1, want: "line 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := newShopifyReader(strings.NewReader(tt.page), Options{Currency: "USD"})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for {
				_, err = r.Next()
				if err != nil {
					break
				}
				n++
			}
			if n != tt.items || err == io.EOF || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("%d items then %v, want %d items then an error containing %q", n, err, tt.items, tt.want)
			}
			if _, again := r.Next(); again != err {
				t.Fatalf("Next after the end = %v, want the same error again", again)
			}
		})
	}
}

// fakeStore serves products.json pages from memory, recording what was asked.
type fakeStore struct {
	pages  map[int]string
	asked  []string
	closed int
	fail   int // page number whose fetch fails; 0 for none
}

type countingCloser struct {
	io.Reader
	s *fakeStore
}

func (c countingCloser) Close() error { c.s.closed++; return nil }

func (s *fakeStore) get(_ context.Context, pageURL string) (io.ReadCloser, error) {
	s.asked = append(s.asked, pageURL)
	var n int
	if _, err := fmt.Sscanf(pageURL[strings.LastIndex(pageURL, "page=")+len("page="):], "%d", &n); err != nil {
		return nil, err
	}
	if n == s.fail {
		return nil, errors.New("503 Service Unavailable")
	}
	body, ok := s.pages[n]
	if !ok {
		body = `{"products":[]}`
	}
	return countingCloser{strings.NewReader(body), s}, nil
}

func shopifyProductJSON(id int, sizes ...string) string {
	var vs []string
	for i, s := range sizes {
		vs = append(vs, fmt.Sprintf(`{"id":%d%02d,"option1":%q,"price":"10.00","available":true}`, id, i, s))
	}
	return fmt.Sprintf(`{"id":%d,"title":"P%d","handle":"p-%d","vendor":"V","variants":[%s],"options":[{"name":"Size","position":1}]}`,
		id, id, id, strings.Join(vs, ","))
}

func TestShopifyPages(t *testing.T) {
	store := &fakeStore{pages: map[int]string{
		1: `{"products":[` + shopifyProductJSON(1, "S", "M") + `,` + shopifyProductJSON(2, "L") + `]}`,
		2: `{"products":[` + shopifyProductJSON(3, "XS") + `]}`,
	}}
	r := ShopifyPages(context.Background(), store.get, "https://shop.example.com/collections/sale/", Options{Currency: "USD"})
	var ids []string
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, it.ID)
		if it.Link != fmt.Sprintf("https://shop.example.com/products/%s?variant=%s", "p-"+it.ItemGroupID, it.ID) {
			t.Fatalf("link = %q", it.Link)
		}
	}
	if want := []string{"100", "101", "200", "300"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("variants = %v, want %v", ids, want)
	}
	wantAsked := []string{
		"https://shop.example.com/collections/sale/products.json?limit=250&page=1",
		"https://shop.example.com/collections/sale/products.json?limit=250&page=2",
		"https://shop.example.com/collections/sale/products.json?limit=250&page=3",
	}
	if !reflect.DeepEqual(store.asked, wantAsked) || store.closed != 3 {
		t.Fatalf("asked %v and closed %d bodies, want %v and 3", store.asked, store.closed, wantAsked)
	}
}

func TestShopifyPagesFailures(t *testing.T) {
	full := `{"products":[` + shopifyProductJSON(1, "S") + `]}`
	tests := []struct {
		name  string
		store *fakeStore
		items int
		want  string
	}{
		{name: "a page cannot be fetched", store: &fakeStore{pages: map[int]string{1: full}, fail: 2}, items: 1,
			want: "page 2 (https://shop.example.com/products.json?limit=250&page=2): 503 Service Unavailable"},
		{name: "a page is not products.json", store: &fakeStore{pages: map[int]string{1: full, 2: "<html>busy</html>"}}, items: 1,
			want: "https://shop.example.com/products.json?limit=250&page=2: shopify: line 1"},
		{name: "a store that never ends", store: &fakeStore{pages: pagesOf(MaxShopifyPages+1, full)}, items: MaxShopifyPages,
			want: fmt.Sprintf("more than %d pages", MaxShopifyPages)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ShopifyPages(context.Background(), tt.store.get, "https://shop.example.com", Options{Currency: "USD"})
			n := 0
			var err error
			for {
				if _, err = r.Next(); err != nil {
					break
				}
				n++
			}
			if n != tt.items || err == io.EOF || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("%d items then %v, want %d then an error containing %q", n, err, tt.items, tt.want)
			}
			if opened := len(tt.store.asked); tt.store.fail == 0 && tt.store.closed != opened {
				t.Fatalf("%d pages fetched, %d closed", opened, tt.store.closed)
			}
		})
	}
}

func pagesOf(n int, body string) map[int]string {
	m := make(map[int]string, n)
	for i := 1; i <= n; i++ {
		m[i] = body
	}
	return m
}

func TestShopifyPagesStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	store := &fakeStore{pages: map[int]string{1: `{"products":[` + shopifyProductJSON(1, "S") + `]}`}}
	r := ShopifyPages(ctx, store.get, "https://shop.example.com", Options{Currency: "USD"})
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := r.Next(); !errors.Is(err, context.Canceled) {
		t.Fatalf("after cancel: %v", err)
	}
	if len(store.asked) != 1 {
		t.Fatalf("fetched %v after cancelling", store.asked)
	}
}

func TestShopifyPageURL(t *testing.T) {
	tests := []struct {
		store, want, err string
	}{
		{store: "https://shop.example.com", want: "https://shop.example.com/products.json?limit=250&page=2"},
		{store: "https://shop.example.com/", want: "https://shop.example.com/products.json?limit=250&page=2"},
		{store: "https://shop.example.com/products.json", want: "https://shop.example.com/products.json?limit=250&page=2"},
		{store: "https://shop.example.com/collections/sale?currency=EUR", want: "https://shop.example.com/collections/sale/products.json?currency=EUR&limit=250&page=2"},
		{store: "ftp://shop.example.com", err: "not an http(s) store address"},
		{store: "shop.example.com", err: "not an http(s) store address"},
	}
	for _, tt := range tests {
		t.Run(tt.store, func(t *testing.T) {
			got, err := ShopifyPageURL(tt.store, 2)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("= %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestShopifyOptionNames(t *testing.T) {
	tests := []struct {
		name         string
		size, colour bool
	}{
		{name: "Size", size: true}, {name: "Shoe Size", size: true}, {name: "Taille", size: true}, {name: "GRÖSSE", size: true},
		{name: "Größe", size: true}, {name: "Color", colour: true}, {name: "Colour", colour: true}, {name: "Farbe", colour: true},
		{name: "Couleur", colour: true}, {name: "Frame Color", colour: true}, {name: "Length"}, {name: "Title"}, {name: "Material"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if isSizeOption(tt.name) != tt.size || isColourOption(tt.name) != tt.colour {
				t.Fatalf("size %v colour %v, want %v %v", isSizeOption(tt.name), isColourOption(tt.name), tt.size, tt.colour)
			}
		})
	}
}

func TestReadShopifySample(t *testing.T) {
	f, err := os.Open(filepath.Join(sampledata.Path(t, "shopify"), "olivhairsupply_storefront_products.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, rows, format, err := readAllWith(t, f, Options{Currency: "EUR", BaseURL: "https://olivhairsupply.example"})
	if err != nil {
		t.Fatal(err)
	}
	if format != Shopify || len(rows) > 0 {
		t.Fatalf("format %q, row errors %+v", format, rows)
	}
	// One product with 12 variants (Length × Texture), every one at 50.00 with compare_at 120.00.
	if len(items) != 12 {
		t.Fatalf("%d variants, want 12", len(items))
	}
	inStock := 0
	for _, it := range items {
		if it.RegularPrice != 12000 || it.SaleAmount != 5000 || it.Currency != "EUR" || it.ItemGroupID != "10761196175698" {
			t.Fatalf("variant %s: regular %d sale %d %s, want 120.00 on sale at 50.00 EUR", it.ID, it.RegularPrice, it.SaleAmount, it.Currency)
		}
		if it.Size != "" || it.Color != "" {
			t.Fatalf("variant %s took %q/%q as size/colour from Length/Texture options", it.ID, it.Size, it.Color)
		}
		if !strings.HasPrefix(it.Link, "https://olivhairsupply.example/products/bizluxtape1?variant=") {
			t.Fatalf("link = %q", it.Link)
		}
		if it.Availability == "in stock" {
			inStock++
		}
	}
	if items[0].ID != "53344336281938" || items[0].Availability != "in stock" || items[1].Availability != "out of stock" {
		t.Fatalf("first variants = %+v / %+v", items[0], items[1])
	}
	if inStock == 0 || inStock == len(items) {
		t.Fatalf("%d of %d in stock: availability not read per variant", inStock, len(items))
	}
}
