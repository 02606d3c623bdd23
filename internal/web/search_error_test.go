package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// TestSearchErrorSpeaksPlainly types what shoppers type into the price filter and picks a sort
// order from an old link: the error must name the field as the page labels it, not by its
// parameter, keep the search words in the header's box, and offer the same search without the
// bad field, every other filter kept.
func TestSearchErrorSpeaksPlainly(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	ts := newSite(t, db, web.Config{})
	cases := []struct {
		query     string
		field     string // the label the error must name
		notParams []string
		without   url.Values // the retry link's query
	}{
		{"q=tote&on_sale=1&min_price=abc", "Price from", []string{"min_price"}, url.Values{"q": {"tote"}, "on_sale": {"1"}}},
		{"q=tote&min_price=500&max_price=100", "Price from", []string{"min_price", "max_price"}, url.Values{"q": {"tote"}, "max_price": {"100"}}},
		{"q=tote&sort=price", "Sort", []string{"price_low", "price_high"}, url.Values{"q": {"tote"}}},
	}
	for _, c := range cases {
		_, doc := get(t, ts, "/search?"+c.query, http.StatusBadRequest)
		box := byID(doc, "search-error")
		if box == nil {
			t.Fatalf("%s: no error box", c.query)
		}
		msg := text(box)
		if !strings.HasPrefix(strings.ReplaceAll(strings.TrimSpace(msg), " :", ":"), c.field+":") {
			t.Errorf("%s: error %q does not start with the field's label %q", c.query, msg, c.field)
		}
		for _, p := range c.notParams {
			if strings.Contains(msg, p) {
				t.Errorf("%s: error %q shows the parameter name %q", c.query, msg, p)
			}
		}
		if in := byID(doc, "site-search"); in == nil {
			t.Errorf("%s: no search box", c.query)
		} else if v, _ := attr(in, "value"); v != "tote" {
			t.Errorf("%s: search box holds %q, want the search words kept", c.query, v)
		}
		var retry string
		for _, a := range findAll(box, tag("a")) {
			if strings.Contains(text(a), "without") {
				retry, _ = attr(a, "href")
			}
		}
		u, err := url.Parse(retry)
		if retry == "" || err != nil || u.Path != "/search" || u.Query().Encode() != c.without.Encode() {
			t.Errorf("%s: the link to search without the bad field is %q, want /search?%s", c.query, retry, c.without.Encode())
		}
	}
}
