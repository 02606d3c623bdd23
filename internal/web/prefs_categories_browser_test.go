package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// categoryListJS describes the settings page's category list: whether it scrolls inside its own
// box (rows hidden below its bottom edge, on a page that scrolls already) and the labels shown
// under a parent.
const categoryListJS = `(() => {
	const list = document.querySelector(".category-list");
	return {
		rows: list.querySelectorAll("li").length,
		innerScroll: list.scrollHeight > list.clientHeight + 1,
		nested: [...list.querySelectorAll("li.depth-2 label")].map(l => l.textContent.trim()),
	};
})()`

type categoryList struct {
	Rows        int      `json:"rows"`
	InnerScroll bool     `json:"innerScroll"`
	Nested      []string `json:"nested"`
}

// TestBrowserSettingsCategoriesAllShown files the catalogue under a three-level tree (clothing,
// shoes and bags, each with its own kinds) and opens /settings on a phone and a laptop: every
// category must be on the page, not hidden in a box that scrolls on its own inside the
// scrolling page, and a category listed under its parent must be named by its own name,
// without repeating the parent's.
func TestBrowserSettingsCategoriesAllShown(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	db := storetest.SQLite(t)
	f := seed(t, db)
	parents := map[string][]string{"Clothing": {"Dresses", "Knitwear", "Coats"}, "Shoes": {"Heels", "Boots"}, "Handbags": {"Totes", "Micro Bags", "Clutches"}}
	var leaves []int64
	exec(t, db, `INSERT INTO categories (slug, name, path) VALUES ('apparel', 'Apparel', 'Apparel')`)
	for parent, kids := range parents {
		exec(t, db, `INSERT INTO categories (slug, name, path) VALUES ($1, $2, $3)`, "apparel-"+strings.ToLower(parent), parent, "Apparel > "+parent)
		for _, k := range kids {
			leaves = append(leaves, insertID(t, db, `INSERT INTO categories (slug, name, path) VALUES ($1, $2, $3)`,
				"apparel-"+strings.ToLower(parent+"-"+strings.ReplaceAll(k, " ", "-")), k, "Apparel > "+parent+" > "+k))
		}
	}
	for i, pid := range append(f.SaleProducts, f.FullPrice) {
		exec(t, db, `UPDATE products SET category_id = $1 WHERE id = $2`, leaves[i%len(leaves)], pid)
	}
	ix, err := index.Build(context.Background(), db, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := newSite(t, db, web.Config{Index: ix, Catalogue: ix})
	b := browsertest.Start(t)
	for i, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		p := b.NewPage(t, vp)
		signInBrowser(t, p, db, ts.URL, []string{"phone@example.com", "laptop@example.com"}[i])
		p.Open(ts.URL + "/settings")
		l := browsertest.Eval[categoryList](p, categoryListJS)
		if l.Rows < 8 || len(l.Nested) != len(leaves) {
			t.Fatalf("%s: %d categories listed, %d under a parent (%q); want every one of the %d kinds under its parent",
				vp.Name, l.Rows, len(l.Nested), l.Nested, len(leaves))
		}
		if l.InnerScroll {
			t.Errorf("%s: the category list scrolls inside its own box: some categories are hidden below its edge", vp.Name)
		}
		for _, name := range l.Nested {
			if strings.Contains(name, ">") {
				t.Errorf("%s: %q, listed under its parent, repeats the parent's name", vp.Name, name)
			}
		}
		p.Screenshot("tagdrop-settings-categories-" + vp.Name + ".png")
		p.CheckNoProblems()
	}
}
