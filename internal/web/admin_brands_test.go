package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// TestAdminBrandsMerge walks the brands page: only admins see it, the unknown filter lists the
// misspelt brand, a merge asks for confirmation first, a bad target is refused naming the field,
// and the confirmed merge moves the products and leaves the old name as an alias.
func TestAdminBrandsMerge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		jacquemus, err := db.EnsureBrand(ctx, "Jacquemus")
		if err != nil {
			t.Fatal(err)
		}
		typo, err := db.EnsureBrand(ctx, "Jaquemus <b>Paris</b>")
		if err != nil {
			t.Fatal(err)
		}
		exec(t, db, `INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('mpn:jaquemus-b-paris-b:chq:lime', $1, 'Le Chiquito', 0, 0)`, typo.ID)
		ts := newSite(t, db, web.Config{})
		admin := sessionFor(t, db, "ada@example.com", account.Admin)
		editor := sessionFor(t, db, "ed@example.com", account.Editor)

		getAs(t, ts, "/admin/brands", nil, http.StatusNotFound)
		getAs(t, ts, "/admin/brands", editor, http.StatusNotFound)
		if code, _, _ := postPrefs(t, ts, "/admin/brands/merge", editor, url.Values{"from": {strconv.FormatInt(typo.ID, 10)}, "into": {"Jacquemus"}, "confirm": {"1"}}); code != http.StatusNotFound {
			t.Errorf("an editor's merge: status %d, want 404", code)
		}

		doc := getAs(t, ts, "/admin/brands?unknown=1", admin, http.StatusOK)
		checkPageBasics(t, doc)
		page := text(doc)
		if !strings.Contains(page, "Jaquemus <b>Paris</b>") || strings.Contains(page, "In directory") {
			t.Errorf("the unknown filter does not show just the misspelt brand (as text): %q", page)
		}

		from := strconv.FormatInt(typo.ID, 10)
		code, _, doc := postPrefs(t, ts, "/admin/brands/merge", admin, url.Values{"from": {from}, "into": {"Nobody At All"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(text(doc), "into: no brand is called") {
			t.Errorf("merge into an unknown brand: status %d, page %q", code, text(doc))
		}
		code, _, doc = postPrefs(t, ts, "/admin/brands/merge", admin, url.Values{"from": {from}, "into": {"jacquemus"}})
		if code != http.StatusOK || !strings.Contains(text(doc), "This cannot be undone") {
			t.Fatalf("merge without confirm: status %d, page %q; want the confirmation page", code, text(doc))
		}
		if _, err := db.FindBrand(ctx, "Jaquemus <b>Paris</b>"); err != nil || countBrands(t, db) != 2 {
			t.Fatal("the confirmation page already merged")
		}
		code, loc, _ := postPrefs(t, ts, "/admin/brands/merge", admin, url.Values{"from": {from}, "into": {"jacquemus"}, "confirm": {"1"}})
		if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/brands?merged=") {
			t.Fatalf("confirmed merge: status %d, Location %q", code, loc)
		}
		if b, err := db.FindBrand(ctx, "Jaquemus <b>Paris</b>"); err != nil || b.ID != jacquemus.ID {
			t.Errorf("the old name finds %+v, %v; want Jacquemus", b, err)
		}
		if n := countBrands(t, db); n != 1 {
			t.Errorf("%d brands after the merge, want 1", n)
		}
		if !strings.Contains(text(getAs(t, ts, loc, admin, http.StatusOK)), "1 products moved") {
			t.Error("the list does not say what the merge did")
		}
	})
}

func countBrands(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM brands`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
