package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// The identity fixtures are one shop's complete feed each, selling some of the same things:
//
//   - a By Far bag: Atelier Nord and Bureau Mode give the same GTIN (as EAN-13 both) but their
//     own MPNs and titles; Corso gives no GTIN but the brand's MPN and colour, spelt differently;
//   - a Ganni dress: Atelier Nord has three sizes with a GTIN each, size-specific MPNs and
//     titles, and one item group; Bureau Mode sells size M alone (its GTIN written as GTIN-14);
//   - a scarf whose GTIN has a wrong check digit at both Atelier Nord and Bureau Mode.
var identityFeeds = []struct{ retailer, file string }{
	{"Atelier Nord", "identity-atelier.xml"},
	{"Bureau Mode", "identity-bureau.xml"},
	{"Corso", "identity-corso.xml"},
}

// productOf is the product an offer belongs to.
func productOf(t *testing.T, db *store.DB, retailer, item string) int64 {
	t.Helper()
	o, err := db.OfferByItem(context.Background(), retailer, item)
	if err != nil {
		t.Fatal(err)
	}
	return o.ProductID
}

func TestProductIdentityAcrossRetailers(t *testing.T) {
	for _, batch := range []int{500, 1} {
		t.Run(fmt.Sprintf("batches of %d", batch), func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				var logs bytes.Buffer
				im := ingest.New(db, slog.New(slog.NewTextHandler(&logs, nil)))
				ingest.SetBatchSize(im, batch)
				for _, f := range identityFeeds {
					mustImportFile(t, im, f.file, ingest.Options{Retailer: f.retailer, ObservedAt: day(0), Full: true})
				}

				bag := productOf(t, db, "atelier-nord", "AN-RACHEL")
				if got := productOf(t, db, "bureau-mode", "bm-88812"); got != bag {
					t.Errorf("Bureau Mode's bag (same GTIN, other MPN and title) is product %d, want %d", got, bag)
				}
				if got := productOf(t, db, "corso", "CS-1001"); got != bag {
					t.Errorf("Corso's bag (no GTIN, same brand + MPN + colour) is product %d, want %d", got, bag)
				}
				dress := productOf(t, db, "atelier-nord", "AN-D100-S")
				for _, o := range []struct{ retailer, item string }{{"atelier-nord", "AN-D100-M"}, {"atelier-nord", "AN-D100-L"}, {"bureau-mode", "bm-90001"}} {
					if got := productOf(t, db, o.retailer, o.item); got != dress {
						t.Errorf("%s/%s is product %d, want the dress %d", o.retailer, o.item, got, dress)
					}
				}
				scarfA, scarfB := productOf(t, db, "atelier-nord", "AN-SCARF"), productOf(t, db, "bureau-mode", "bm-90450")
				if scarfA == scarfB {
					t.Errorf("the scarves joined through a GTIN with a wrong check digit")
				}
				if got := count(t, db, "products"); got != 4 {
					t.Errorf("products = %d, want 4 (bag, dress, two scarves)", got)
				}

				// The product page lists every retailer's offer, best price first.
				d, err := db.ProductByID(ctx, bag)
				if err != nil {
					t.Fatal(err)
				}
				var offers []string
				for _, o := range d.Offers {
					offers = append(offers, fmt.Sprintf("%s %d", o.Retailer, o.Price))
				}
				if want := []string{"Bureau Mode 39900", "Corso 41000", "Atelier Nord 42000"}; !slices.Equal(offers, want) {
					t.Errorf("bag offers = %q, want %q", offers, want)
				}
				// Atelier Nord created the bag: its words stay; Bureau Mode filled the material it lacked.
				if d.Title != "By Far Rachel Bag" || d.Material != "Leather" || !strings.HasPrefix(d.Description, "Structured") {
					t.Errorf("bag product = %q, material %q, description %q", d.Title, d.Material, d.Description)
				}

				keys, err := db.ProductKeysOf(ctx, dress)
				if err != nil {
					t.Fatal(err)
				}
				for _, want := range []string{"gtin:07310000000010", "gtin:07310000000027", "gtin:07310000000034",
					"group:atelier-nord:d-100:black", "mpn:ganni:d-100-s:black", "mpn:ganni:gan-d100:black"} {
					if !slices.Contains(keys, want) {
						t.Errorf("dress keys %q lack %q", keys, want)
					}
				}
				for _, id := range []int64{scarfA, scarfB} {
					keys, err := db.ProductKeysOf(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					if slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, "gtin:") }) {
						t.Errorf("scarf %d has a GTIN key from an invalid GTIN: %q", id, keys)
					}
				}
				if !strings.Contains(logs.String(), "invalid_gtins=1") {
					t.Errorf("the log does not count the invalid GTIN:\n%s", logs.String())
				}
				if strings.Contains(logs.String(), "identity_conflicts=1") {
					t.Errorf("the log reports a conflict where there is none:\n%s", logs.String())
				}
			})
		})
	}
}

// productRows is the products table as text, for comparing before and after.
func productRows(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT id, product_key, COALESCE(brand_id, 0), COALESCE(category_id, 0),
		title, description, color, color_family, material, gender, image_url, gtin, mpn, COALESCE(source_retailer_id, 0),
		source_item_id, updated_at FROM products ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, brand, cat, src, updated int64
		var key, title, desc, color, family, material, gender, image, gtin, mpn, item string
		if err := rows.Scan(&id, &key, &brand, &cat, &title, &desc, &color, &family, &material, &gender, &image, &gtin, &mpn,
			&src, &item, &updated); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintln(id, key, brand, cat, title, desc, color, family, material, gender, image, gtin, mpn, src, item, updated))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAlternatingImportsDoNotFlipProducts is the flip-flop regression: retailers (and sizes of
// one retailer) that describe a product differently used to rewrite it on every import, each
// import counting its offers changed and logging the product. After a first pass, importing the
// same feeds again, in any order, must write no product and no change-log row.
func TestAlternatingImportsDoNotFlipProducts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		ingest.SetBatchSize(im, 2) // the dress's sizes fall into different batches
		for _, f := range identityFeeds {
			mustImportFile(t, im, f.file, ingest.Options{Retailer: f.retailer, ObservedAt: day(0), Full: true})
		}
		products, changes := productRows(t, db), count(t, db, "changes")
		orders := [][]int{{2, 1, 0}, {1, 0, 2}, {0, 2, 1}}
		for pass, order := range orders {
			for _, i := range order {
				f := identityFeeds[i]
				rep := mustImportFile(t, im, f.file, ingest.Options{Retailer: f.retailer, ObservedAt: day(pass + 1), Full: true})
				if rep.New != 0 || rep.Changed != 0 || rep.Unchanged != rep.Read {
					t.Errorf("pass %d, %s: counts %+v, want everything unchanged", pass+2, f.retailer, countsOf(rep))
				}
			}
			if got := productRows(t, db); !reflect.DeepEqual(got, products) {
				t.Fatalf("pass %d rewrote products:\n%q\nwant\n%q", pass+2, got, products)
			}
			if got := count(t, db, "changes"); got != changes {
				t.Fatalf("pass %d appended %d change-log rows", pass+2, got-changes)
			}
		}
	})
}

// TestTitleDoesNotMergeARetailersGroups: shops reuse titles across styles. Two item groups of
// one retailer with the same brand, title and colour stay two products (even across imports and
// batches), while another retailer's offer with only that title joins one of them.
func TestTitleDoesNotMergeARetailersGroups(t *testing.T) {
	item := func(id, group string) string {
		g := ""
		if group != "" {
			g = "<g:item_group_id>" + group + "</g:item_group_id>"
		}
		return `<item><g:id>` + id + `</g:id><g:title>Slim Fit Jeans</g:title><g:brand>Roadster</g:brand>
<g:price>49.00 EUR</g:price><g:availability>in stock</g:availability><g:color>Blue</g:color>` + g + `</item>`
	}
	feed := func(items ...string) []byte {
		return []byte(`<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>` +
			strings.Join(items, "") + `</channel></rss>`)
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		mustImport(t, im, feed(item("J1-30", "J1"), item("J1-32", "J1")), ingest.Options{Retailer: "A", ObservedAt: day(0)})
		// A second style appears later, in its own import and batch.
		mustImport(t, im, feed(item("J1-30", "J1"), item("J1-32", "J1"), item("J2-30", "J2")), ingest.Options{Retailer: "A", ObservedAt: day(1)})
		j1, j2 := productOf(t, db, "a", "J1-30"), productOf(t, db, "a", "J2-30")
		if productOf(t, db, "a", "J1-32") != j1 || j1 == j2 {
			t.Fatalf("A's styles: J1-30 → %d, J1-32 → %d, J2-30 → %d; want J1's sizes together and J2 apart",
				j1, productOf(t, db, "a", "J1-32"), j2)
		}
		mustImport(t, im, feed(item("b-1", "")), ingest.Options{Retailer: "B", ObservedAt: day(1)})
		if got := productOf(t, db, "b", "b-1"); got != j1 {
			t.Errorf("B's jeans (title alone) joined product %d, want %d", got, j1)
		}
	})
}
