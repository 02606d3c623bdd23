package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
)

// TestProductDedupe: two products of one GTIN (as older data or two racing imports leave
// them); `product dedupe --dry-run` lists the merge and changes nothing, `product dedupe`
// merges the younger into the older, and a second run has nothing to do.
func TestProductDedupe(t *testing.T) {
	ctx := context.Background()
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	conn, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0), (2, 'b', 'B', 0)`,
		`INSERT INTO products (id, product_key, title, gtin, source_retailer_id, created_at, updated_at) VALUES
			(7, 'group:a:1:', 'Loafer', '7310000000102', 1, 0, 0), (9, 'group:b:1:', 'Loafer', '7310000000102', 2, 0, 0)`,
		`INSERT INTO product_keys (key, product_id) VALUES ('gtin:07310000000102', 7), ('group:a:1:', 7), ('group:b:1:', 9)`,
	} {
		if _, err := conn.SQL().ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	products := func() int {
		t.Helper()
		var n int
		if err := conn.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM products`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	defer conn.Close()
	dedupe := func(args ...string) productDedupeJSON {
		t.Helper()
		code, out, errOut := runCmd(t, nil, append([]string{"product", "dedupe", "--db", db, "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("product dedupe %v: code %d, stderr %q", args, code, errOut)
		}
		var got productDedupeJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v: %q", err, out)
		}
		return got
	}
	dry := dedupe("--dry-run")
	if len(dry.Merges) != 1 || dry.Merges[0] != (productMergeJSON{From: 9, Into: 7, Key: "gtin:07310000000102"}) || dry.Merged != 0 || products() != 2 {
		t.Errorf("dry run: %+v, %d products; want the merge of 9 into 7 listed and both products kept", dry, products())
	}
	if got := dedupe(); got.Merged != 1 || products() != 1 {
		t.Errorf("dedupe: %+v, %d products; want 9 merged into 7", got, products())
	}
	if got := dedupe(); got.Merged != 0 || len(got.Merges) != 0 {
		t.Errorf("second dedupe: %+v, want nothing to do", got)
	}
	if code, _, errOut := runCmd(t, nil, "product", "merge"); code != 2 {
		t.Errorf("unknown subcommand: code %d, stderr %q", code, errOut)
	}
}
