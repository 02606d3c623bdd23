package index

import "testing"

// TestImagesAreSharedAndReleased checks the image table: products with the same picture share
// one entry, a replaced picture is dropped with its last user, and an emptied index holds none.
func TestImagesAreSharedAndReleased(t *testing.T) {
	ix, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cats := []Category{{ID: 1, Name: "Apparel"}, {ID: 4, Name: "Handbags", Slug: "bags", Path: "Apparel > Handbags"}}
	product := func(id int64, image string) Product {
		return Product{ID: id, Title: "Tote", Brand: "Toteme", ImageURL: image, Categories: cats,
			Offers: []Offer{offer(id*10, "Shop A", "", 9000, 15000, "EUR")}}
	}
	mustUpsert(t, ix, product(1, "https://img.example/a.jpg"))
	mustUpsert(t, ix, product(2, "https://img.example/a.jpg"))
	mustUpsert(t, ix, product(3, "https://img.example/b.jpg"))
	if n := ix.images.len(); n != 2 {
		t.Fatalf("%d images held, want 2 (a shared, b)", n)
	}
	mustUpsert(t, ix, product(3, "https://img.example/c.jpg")) // b's only user moves on
	if _, ok := ix.images.ids["https://img.example/b.jpg"]; ok || ix.images.len() != 2 {
		t.Errorf("after replacing b: %v", ix.images.ids)
	}
	hits := ix.Search(Query{Sort: SortNewest, PerPage: 10}).Hits
	got := map[int64]string{}
	for _, h := range hits {
		got[h.ProductID] = h.ImageURL
		if h.Category != "Apparel > Handbags" || h.CategorySlug != "bags" {
			t.Errorf("product %d filed as %q (%s)", h.ProductID, h.Category, h.CategorySlug)
		}
	}
	if got[1] != "https://img.example/a.jpg" || got[2] != "https://img.example/a.jpg" || got[3] != "https://img.example/c.jpg" {
		t.Errorf("images = %v", got)
	}
	if n, ok := ix.CategoryBySlug("bags"); !ok || n.ID != 4 || n.Parent != "apparel" || n.Depth != 1 {
		t.Errorf("CategoryBySlug(bags) = %+v, %t", n, ok)
	}
	for id := range int64(4) {
		ix.Delete(id)
	}
	if n := ix.images.len(); n != 0 {
		t.Errorf("%d images held by an empty index", n)
	}
}
