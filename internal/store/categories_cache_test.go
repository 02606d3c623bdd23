package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestCategoriesCacheSeesNewCategories reads the tree (filling the cache), adds categories in a
// transaction, as an import on any node would, and reads again: the new ones must be there,
// and the cached tree must equal a fresh read of a second connection to the same database.
func TestCategoriesCacheSeesNewCategories(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.Categories(ctx); err != nil {
			t.Fatal(err)
		}
		if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			_, err := tx.EnsureCategory(ctx, []string{"Apparel & Accessories", "Handbags", "Micro bags"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		after, err := db.Categories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(after, func(c catalog.Category) bool { return c.Name == "Micro bags" }) {
			t.Fatalf("after adding a category the tree has %d categories and no Micro bags", len(after))
		}
		if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			_, err := tx.EnsureCategory(ctx, []string{"Apparel & Accessories", "Handbags", "Nano bags"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		again, err := db.Categories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != len(after)+1 {
			t.Errorf("after a second new category: %d categories, want %d", len(again), len(after)+1)
		}
	})
}
