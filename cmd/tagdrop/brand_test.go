package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
)

// TestBrandMergeThenReimport is the case a merge exists for: one shop spells a brand wrong, so
// its items become a brand and products of their own. After `tagdrop brand merge` the shop's bag
// is the same product as the other shop's, and importing the shop's feed again (still misspelt)
// adds no product and no brand.
func TestBrandMergeThenReimport(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "t.db")
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const header = "id,title,brand,mpn,color,price,link,availability\n"
	shopA := write("shop-a.csv", header+
		"a1,Le Chiquito,Jacquemus,CHQ-1,Lime,520.00 EUR,https://a.example/a1,in stock\n"+
		"a2,Le Bambino,Jacquemus,BMB-2,Black,690.00 EUR,https://a.example/a2,in stock\n")
	shopB := write("shop-b.csv", header+
		"b1,Le Chiquito,Jaquemus,CHQ-1,Lime,499.00 EUR,https://b.example/b1,in stock\n"+
		"b2,Le Grand Bambino,Jaquemus,GBB-3,Beige,890.00 EUR,https://b.example/b2,in stock\n")
	importFeed := func(retailer, path string) {
		t.Helper()
		if code, _, errOut := runCmd(t, nil, "import", "--db", db, "--retailer", retailer, "--format", "csv", path); code != 0 {
			t.Fatalf("import %s: code %d, stderr %q", path, code, errOut)
		}
	}
	count := func(query string) int {
		t.Helper()
		conn, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var n int
		if err := conn.SQL().QueryRowContext(context.Background(), query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	importFeed("Shop A", shopA)
	importFeed("Shop B", shopB)
	if n := count(`SELECT COUNT(*) FROM products`); n != 4 {
		t.Fatalf("before the merge: %d products, want 4 (the misspelt brand splits the Chiquito)", n)
	}

	code, out, errOut := runCmd(t, nil, "brand", "list", "--db", db, "--unknown", "--json")
	if code != 0 {
		t.Fatalf("brand list: code %d, stderr %q", code, errOut)
	}
	var unknown []brandJSON
	if err := json.Unmarshal([]byte(out), &unknown); err != nil || len(unknown) != 1 || unknown[0].Name != "Jaquemus" || unknown[0].Products != 2 {
		t.Fatalf("brand list --unknown = %s (%v); want only Jaquemus with 2 products", out, err)
	}

	code, out, errOut = runCmd(t, nil, "brand", "merge", "--db", db, "Jaquemus", "Jacquemus", "--json")
	if code != 0 {
		t.Fatalf("brand merge: code %d, stderr %q", code, errOut)
	}
	var m brandMergeJSON
	if err := json.Unmarshal([]byte(out), &m); err != nil || m.Products != 2 || m.MergedProducts != 1 || m.Into.Name != "Jacquemus" {
		t.Fatalf("brand merge = %s (%v); want 2 products moved, 1 merged, into Jacquemus", out, err)
	}
	if n := count(`SELECT COUNT(*) FROM products`); n != 3 {
		t.Errorf("after the merge: %d products, want 3", n)
	}

	importFeed("Shop B", shopB)
	importFeed("Shop A", shopA)
	if n := count(`SELECT COUNT(*) FROM products`); n != 3 {
		t.Errorf("after importing both feeds again: %d products, want 3 (no product comes back)", n)
	}
	if n := count(`SELECT COUNT(*) FROM brands`); n != 1 {
		t.Errorf("after importing both feeds again: %d brands, want 1 (the misspelling is an alias now)", n)
	}
	if n := count(`SELECT COUNT(DISTINCT product_id) FROM offers WHERE item_id IN ('a1', 'b1')`); n != 1 {
		t.Errorf("the two shops' Chiquito offers belong to %d products, want 1", n)
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"brand", "merge", "--db", db, "Jacquemus"}, 2, "needs FROM and INTO, got 1"},
		{[]string{"brand", "merge", "--db", db, "Jacquemus", "jacquemus"}, 1, "cannot be merged into itself"},
		{[]string{"brand", "merge", "--db", db, "Nobody", "Jacquemus"}, 1, `brand "Nobody": not found`},
		{[]string{"brand", "rename", "--db", db}, 2, `unknown subcommand "rename"`},
	} {
		code, _, errOut := runCmd(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: code %d, stderr %q; want code %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
