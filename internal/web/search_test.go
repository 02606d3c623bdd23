package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// cardTexts lists one class's text per result card.
func cardTexts(doc *html.Node, cls string) []string {
	var out []string
	for _, c := range findAll(doc, class("card")) {
		if n := findAll(c, class(cls)); len(n) > 0 {
			out = append(out, text(n[0]))
		}
	}
	return out
}

// cardPrices reads each card's current price in cents.
func cardPrices(t *testing.T, doc *html.Node) []int64 {
	t.Helper()
	var out []int64
	for _, c := range findAll(doc, class("card")) {
		n := findAll(c, func(n *html.Node) bool { return hasClass(n, "price-now") || hasClass(n, "price-regular") })
		if len(n) == 0 {
			t.Fatalf("card without a price: %s", text(c))
		}
		s := strings.NewReplacer("Now", "", "€", "", ",", "", " ", "").Replace(text(n[0]))
		v, err := catalog.ParseDecimal(s, "EUR")
		if err != nil {
			t.Fatalf("price %q: %v", text(n[0]), err)
		}
		out = append(out, v)
	}
	return out
}

func TestSearchFacetsSortAndPages(t *testing.T) {
	db := storetest.SQLite(t)
	f := seed(t, db)
	ts := newSite(t, db, web.Config{})

	t.Run("brand facet narrows and keeps the others countable", func(t *testing.T) {
		_, doc := get(t, ts, "/search?brand=Ganni", http.StatusOK)
		checkPageBasics(t, doc)
		brands := cardTexts(doc, "card-brand")
		if len(brands) != 3 {
			t.Fatalf("%d Ganni cards, want 3", len(brands))
		}
		for _, b := range brands {
			if b != "Ganni" {
				t.Errorf("brand %q in a Ganni search", b)
			}
		}
		facet := byID(doc, "facet-brand")
		if facet == nil {
			t.Fatal("no brand facet")
		}
		boxes := findAll(facet, func(n *html.Node) bool { v, _ := attr(n, "type"); return n.Data == "input" && v == "checkbox" })
		if len(boxes) != len(fixtureBrands) {
			t.Errorf("brand facet offers %d brands, want all %d (multi-select)", len(boxes), len(fixtureBrands))
		}
		checked := 0
		for _, b := range boxes {
			if _, ok := attr(b, "checked"); ok {
				checked++
				if v, _ := attr(b, "value"); v != "Ganni" {
					t.Errorf("checked brand %q", v)
				}
			}
		}
		if checked != 1 {
			t.Errorf("%d brands checked, want Ganni", checked)
		}
		chips := findAll(doc, class("chip"))
		if len(chips) != 1 {
			t.Fatalf("%d filter chips, want 1", len(chips))
		}
		if href, _ := attr(chips[0], "href"); href != "/search" {
			t.Errorf("removing the brand links to %q, want /search", href)
		}
	})

	t.Run("two brands", func(t *testing.T) {
		_, doc := get(t, ts, "/search?brand=Ganni&brand=Loewe&on_sale=1", http.StatusOK)
		if n := len(findAll(doc, class("card"))); n != 6 { // three of each, all on sale
			t.Errorf("%d cards for Ganni or Loewe on sale, want 6", n)
		}
		for _, b := range cardTexts(doc, "card-brand") {
			if b != "Ganni" && b != "Loewe" {
				t.Errorf("brand %q in a Ganni-or-Loewe search", b)
			}
		}
		if n := len(findAll(doc, class("chip"))); n != 3 {
			t.Errorf("%d chips, want 3 (two brands, on sale)", n)
		}
	})

	t.Run("sort by price", func(t *testing.T) {
		for _, tc := range []struct {
			sort string
			asc  bool
		}{{"price_low", true}, {"price_high", false}} {
			_, doc := get(t, ts, "/search?on_sale=1&sort="+tc.sort, http.StatusOK)
			prices := cardPrices(t, doc)
			if len(prices) < 10 {
				t.Fatalf("%s: %d cards", tc.sort, len(prices))
			}
			for i := 1; i < len(prices); i++ {
				if tc.asc && prices[i] < prices[i-1] || !tc.asc && prices[i] > prices[i-1] {
					t.Errorf("%s: price %d after %d", tc.sort, prices[i], prices[i-1])
				}
			}
			sel := byID(doc, "sort")
			for _, o := range findAll(sel, tag("option")) {
				_, selected := attr(o, "selected")
				if v, _ := attr(o, "value"); selected != (v == tc.sort) {
					t.Errorf("%s: option %q selected=%t", tc.sort, v, selected)
				}
			}
		}
	})

	t.Run("pages", func(t *testing.T) {
		_, doc := get(t, ts, "/search?on_sale=1&per_page=12", http.StatusOK)
		first := cardTexts(doc, "card-title")
		if len(first) != 12 {
			t.Fatalf("page 1 has %d cards, want 12", len(first))
		}
		next := findAll(doc, func(n *html.Node) bool { v, _ := attr(n, "rel"); return n.Data == "a" && v == "next" })
		if len(next) != 1 {
			t.Fatal("no link to the next page")
		}
		href, _ := attr(next[0], "href")
		u, _ := url.Parse(href)
		if u.Path != "/search" || u.Query().Get("page") != "2" || u.Query().Get("per_page") != "12" || u.Query().Get("on_sale") != "1" {
			t.Errorf("next page link %q loses state", href)
		}
		_, doc = get(t, ts, href, http.StatusOK)
		seen := map[string]bool{}
		for _, c := range findAll(doc, class("card")) {
			h, _ := attr(findAll(c, tag("a"))[0], "href")
			seen[h] = true
		}
		_, doc1 := get(t, ts, "/search?on_sale=1&per_page=12", http.StatusOK)
		for _, c := range findAll(doc1, class("card")) {
			h, _ := attr(findAll(c, tag("a"))[0], "href")
			if seen[h] {
				t.Errorf("%s on pages 1 and 2", h)
			}
		}
		_, doc = get(t, ts, "/search?page=400", http.StatusOK)
		if byID(doc, "no-results") == nil {
			t.Error("page 400: no empty state")
		}
	})

	t.Run("questionable and 30-day notes", func(t *testing.T) {
		_, doc := get(t, ts, "/search?on_sale=1&per_page=100", http.StatusOK)
		low := 0
		for _, c := range findAll(doc, class("card")) {
			h, _ := attr(findAll(c, tag("a"))[0], "href")
			isLow := len(findAll(c, class("low30"))) > 0
			if h == "/products/"+strconv.FormatInt(f.RaisedAgain, 10) && isLow {
				t.Error("the raised-again product says lowest in 30 days")
			}
			if isLow {
				low++
			}
		}
		if low == 0 {
			t.Error("no card says lowest in 30 days")
		}
	})
}

func TestSearchBadInput(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	ts := newSite(t, db, web.Config{})
	tests := []struct {
		name, query, field string
		label              string // how the page names the field
	}{
		{"10 KB query", "q=" + strings.Repeat("a", 10<<10), "q", "Search words"},
		{"invalid UTF-8", "q=%ff%fe", "q", "Search words"},
		{"negative price", "min_price=-5", "min_price", "Price from"},
		{"absurd price", "max_price=99999999999999999999", "max_price", "Price to"},
		{"inverted range", "min_price=500&max_price=100", "min_price", "Price from"},
		{"price not a number", "max_price=cheap", "max_price", "Price to"},
		{"huge page", "page=99999999999999", "page", "Page"},
		{"page past the cap", "page=401", "page", "Page"},
		{"per page too big", "per_page=1000", "per_page", "Items per page"},
		{"unknown sort", "sort=random", "sort", "Sort"},
		{"discount out of range", "min_discount=150", "min_discount", "Discount"},
		{"not a boolean", "on_sale=maybe", "on_sale", "On sale"},
		{"bad gender", "gender=robot", "gender", "Gender"},
		{"bad date", "new_since=yesterday", "new_since", "New since"},
		{"unknown currency", "currency=XYZ&max_price=10", "currency", "Currency"},
		{"too many brands", "brand=" + strings.Repeat("a&brand=", 60) + "a", "brand", "Brand"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, doc := get(t, ts, "/search?"+tc.query, http.StatusBadRequest)
			checkPageBasics(t, doc)
			msg := byID(doc, "search-error")
			if msg == nil {
				t.Fatal("no error message")
			}
			if named := findAll(msg, tag("strong")); len(named) != 1 || text(named[0]) != tc.label {
				t.Errorf("error message %q does not name %s as the page labels it, %q", text(msg), tc.field, tc.label)
			}

			resp, err := ts.Client().Get(ts.URL + "/api/v1/search?" + tc.query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body struct {
				Error struct{ Field, Message string } `json:"error"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusBadRequest ||
				body.Error.Field != tc.field || body.Error.Message == "" {
				t.Errorf("API: status %d, body %+v, err %v; want 400 naming %s", resp.StatusCode, body, err, tc.field)
			}
		})
	}
	// Well-formed values that match nothing are an empty result, not an error.
	for _, q := range []string{"brand=Nobody", "category=no-such-category", "size=XXXXL", "retailer=Nowhere", "q=zzzzqqq", "q=%25%25"} {
		_, doc := get(t, ts, "/search?"+q, http.StatusOK)
		if n := len(findAll(doc, class("card"))); n != 0 || byID(doc, "no-results") == nil {
			t.Errorf("%s: %d cards, want the empty state", q, n)
		}
	}
}

func TestSearchAPI(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	ts := newSite(t, db, web.Config{})
	resp, err := ts.Client().Get(ts.URL + "/api/v1/search?brand=Ganni&per_page=2")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var body map[string]json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	var total int
	_ = json.Unmarshal(body["total"], &total)
	var results []map[string]any
	if err := json.Unmarshal(body["results"], &results); err != nil {
		t.Fatal(err)
	}
	if total != 3 || len(results) != 2 {
		t.Fatalf("total %d with %d results, want 3 and a page of 2", total, len(results))
	}
	for _, key := range []string{"id", "title", "brand", "category", "url", "image", "price", "regular_price", "currency",
		"discount_pct", "lowest_30d", "questionable", "sizes", "offers"} {
		if _, ok := results[0][key]; !ok {
			t.Errorf("result lacks %q: %v", key, results[0])
		}
	}
	if p, _ := results[0]["price"].(string); p == "" || !strings.Contains(p, ".") {
		t.Errorf("price %v is not a decimal string", results[0]["price"])
	}
	var facets map[string][]struct {
		Value string `json:"value"`
		Count int    `json:"count"`
	}
	if err := json.Unmarshal(body["facets"], &facets); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"brand", "category", "size", "color", "retailer"} {
		if _, ok := facets[name]; !ok {
			t.Errorf("facet %q missing", name)
		}
	}
	if len(facets["brand"]) != len(fixtureBrands) {
		t.Errorf("brand facet has %d values, want all %d", len(facets["brand"]), len(fixtureBrands))
	}

	// Type-ahead suggestions: a brand by the prefix of its name, and products.
	resp2, err := ts.Client().Get(ts.URL + "/api/v1/suggest?q=gan")
	if err != nil {
		t.Fatal(err)
	}
	defer resp2.Body.Close()
	var sug struct {
		Brands []struct {
			Name string `json:"name"`
			URL  string `json:"url"`
		} `json:"brands"`
		Products []struct {
			ID    int64  `json:"id"`
			Brand string `json:"brand"`
		} `json:"products"`
	}
	if err := json.NewDecoder(resp2.Body).Decode(&sug); err != nil {
		t.Fatal(err)
	}
	if len(sug.Brands) != 1 || sug.Brands[0].Name != "Ganni" || sug.Brands[0].URL != "/brands/ganni" {
		t.Errorf("suggested brands %+v, want Ganni", sug.Brands)
	}
	if len(sug.Products) == 0 || sug.Products[0].Brand != "Ganni" {
		t.Errorf("suggested products %+v", sug.Products)
	}
}

func TestBrandAndCategoryPages(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	ts := newSite(t, db, web.Config{})

	_, doc := get(t, ts, "/brands/b1", http.StatusOK) // the fixture's slug for Ganni
	checkPageBasics(t, doc)
	if h := findAll(doc, tag("h1")); len(h) != 1 || text(h[0]) != "Ganni" {
		t.Errorf("brand page heading %q", text(h[0]))
	}
	if brands := cardTexts(doc, "card-brand"); len(brands) != 3 || brands[0] != "Ganni" {
		t.Errorf("brand page cards %q", brands)
	}
	if byID(doc, "facet-brand") != nil {
		t.Error("the brand page offers a brand facet")
	}
	if form := byID(doc, "facet-form"); form == nil {
		t.Error("no filter form")
	} else if action, _ := attr(form, "action"); action != "/brands/b1" {
		t.Errorf("filter form goes to %q", action)
	}
	get(t, ts, "/brands/nobody-at-all", http.StatusNotFound)

	_, doc = get(t, ts, "/categories/bags?brand=Ganni", http.StatusOK)
	checkPageBasics(t, doc)
	if n := len(findAll(doc, class("card"))); n != 3 {
		t.Errorf("bags by Ganni: %d cards, want 3", n)
	}
	get(t, ts, "/categories/no-such-thing", http.StatusNotFound)
}
