package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// TestProductPageHistoryRange: the product page's chart covers the last 90 days and links to
// the whole history (?range=all), whose page draws it and links back.
func TestProductPageHistoryRange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := seed(t, db)
		ts := newSite(t, db, web.Config{})
		path := "/products/" + strconv.FormatInt(f.SaleProducts[1], 10)
		for _, tt := range []struct{ query, link, href string }{
			{"", "The whole history", "?range=all"},
			{"?range=all", "The last 90 days", "?"},
		} {
			_, doc := get(t, ts, path+tt.query, http.StatusOK)
			ranges := findAll(doc, class("chart-range"))
			if len(ranges) != 1 {
				t.Fatalf("%s%s: %d range links, want 1", path, tt.query, len(ranges))
			}
			links := findAll(ranges[0], tag("a"))
			if len(links) != 1 || !strings.Contains(text(links[0]), tt.link) {
				t.Fatalf("%s%s: range link %q, want %q", path, tt.query, text(ranges[0]), tt.link)
			}
			if href, _ := attr(links[0], "href"); href != tt.href {
				t.Errorf("%s%s: range link to %q, want %q", path, tt.query, href, tt.href)
			}
			if len(findAll(doc, class("chart-price"))) != 1 {
				t.Errorf("%s%s: no price line", path, tt.query)
			}
		}
	})
}
