package web_test

import (
	"net/http"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// TestSearchPagesReadNoSQL closes the database once the index is built: the search page (text,
// facets, a category filter, sorts, pages) and the category page must still be served whole
// from the index, because a page reads nothing from the store. Only the JSON API, which adds
// each offer's retailer link, still needs the database.
func TestSearchPagesReadNoSQL(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	ts := newSite(t, db, web.Config{})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/search?q=bag",
		"/search?brand=Ganni&category=bags&sort=price_low",
		"/search?category=bags&min_discount=10&page=1",
		"/categories/bags?brand=Ganni",
	} {
		_, doc := get(t, ts, path, http.StatusOK)
		if n := len(findAll(doc, class("card"))); n == 0 {
			t.Errorf("%s: no result cards", path)
		}
		for _, img := range findAll(doc, tag("img")) {
			if src, _ := attr(img, "src"); src == "" {
				t.Errorf("%s: a card without its image", path)
			}
		}
	}
	// The API reads the offers' links: with the database gone it fails, so the pages above
	// did not pass by never touching the store's code.
	resp, err := ts.Client().Get(ts.URL + "/api/v1/search?q=bag")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		t.Error("the API answered without its database")
	}
}
