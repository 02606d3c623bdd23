package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// TestBrandIndex: /brands lists every brand with something in stock, A to Z under its initial,
// each linking to its page with its counts, and is in the navigation.
func TestBrandIndex(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		ts := newSite(t, db, web.Config{})
		_, doc := get(t, ts, "/brands", http.StatusOK)
		checkPageBasics(t, doc)
		var names, initials []string
		for _, a := range findAll(doc, tag("a")) {
			href, _ := attr(a, "href")
			if strings.HasPrefix(href, "/brands/") && len(findAll(a, class("brand-name"))) == 1 {
				names = append(names, text(findAll(a, class("brand-name"))[0]))
				if _, doc := get(t, ts, href, http.StatusOK); len(findAll(doc, tag("h1"))) != 1 {
					t.Errorf("%s has no heading", href)
				}
			}
		}
		for _, h := range findAll(doc, tag("h2")) {
			initials = append(initials, text(h))
		}
		want := "[Acne Studios Bottega Veneta Ganni Isabel Marant Jacquemus Khaite Loewe Nanushka Simon Miller Staud Toteme Wandler]"
		if got := strings.Join(strings.Fields(strings.Join(names, "|")), " "); "["+strings.ReplaceAll(got, "|", " ")+"]" != want {
			t.Errorf("brands %q, want %s", names, want)
		}
		if strings.Join(initials, "") != "ABGIJKLNSTW" {
			t.Errorf("initials %q, want A B G I J K L N S T W", initials)
		}
		if !strings.Contains(text(doc), "12 designer brands") || !strings.Contains(text(doc), "on sale") {
			t.Errorf("the page does not count brands and sale items: %q", text(doc))
		}
		_, home := get(t, ts, "/", http.StatusOK)
		found := false
		for _, a := range findAll(home, tag("a")) {
			if href, _ := attr(a, "href"); href == "/brands" {
				found = true
			}
		}
		if !found {
			t.Error("the navigation does not link to /brands")
		}
	})
}
