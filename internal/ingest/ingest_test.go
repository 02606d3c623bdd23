package ingest_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

const shop = "Maison Ligne"

func TestImportThenReimportUnchanged(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		acne, err := db.EnsureBrand(ctx, "Acne Studios")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AddBrandAlias(ctx, acne.ID, "Acne"); err != nil {
			t.Fatal(err)
		}
		im := ingest.New(db, nil)
		opts := ingest.Options{Retailer: shop, ObservedAt: day(0)}

		first := mustImportFile(t, im, "shop-day1.xml", opts)
		if got, want := countsOf(first), (counts{read: 6, new: 6}); got != want {
			t.Fatalf("first import counts = %+v, want %+v", got, want)
		}
		if first.Format != "gmc-xml" || first.Source != fixture("shop-day1.xml") || len(first.Errors) != 0 {
			t.Fatalf("first report = %+v", first)
		}
		for table, want := range map[string]int{"offers": 6, "price_changes": 6, "products": 3, "retailers": 1,
			"sale_events": 2, "changes": 3, "feed_runs": 1} {
			if got := count(t, db, table); got != want {
				t.Errorf("after the first import %s has %d rows, want %d", table, got, want)
			}
		}
		// Jacquemus and Ganni are new brands; ACNE resolved to Acne Studios through its alias.
		if got := count(t, db, "brands"); got != 3 {
			t.Errorf("brands = %d, want 3 (Acne Studios, Ganni, Jacquemus)", got)
		}
		// Apparel & Accessories > Shoes > Boots, Women > Accessories > Hats, Women > Bags: 3+3+1 nodes.
		if got := count(t, db, "categories"); got != 7 {
			t.Errorf("categories = %d, want 7", got)
		}

		beanie, err := db.OfferByItem(ctx, "maison-ligne", "ML-2-M")
		if err != nil {
			t.Fatal(err)
		}
		if beanie.Price != 8400 || beanie.RegularPrice != 12000 || beanie.Currency != "EUR" ||
			beanie.Availability != catalog.InStock || beanie.URL != "/p/ml-2?size=M" || beanie.Size != "M" {
			t.Fatalf("beanie offer = %+v", beanie)
		}
		p, err := db.ProductRecord(ctx, beanie.ProductID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Brand != "Acne Studios" || p.Category != "Apparel & Accessories > Clothing Accessories > Hats" || p.Key != "mpn:acne-studios:c40345:pink" ||
			p.ImageURL != "/static/demo/beanie.svg" {
			t.Fatalf("beanie product = %+v", p)
		}
		boots, err := db.OfferByItem(ctx, "maison-ligne", "ML-1-40")
		if err != nil {
			t.Fatal(err)
		}
		if boots.Availability != catalog.OutOfStock || boots.SizeSystem != "EU" {
			t.Fatalf("boots offer = %+v", boots)
		}
		bp, _ := db.ProductRecord(ctx, boots.ProductID)
		if bp.Category != "Apparel & Accessories > Shoes > Boots" || bp.Gender != "female" || bp.Key != "group:maison-ligne:ml-1:black" {
			t.Fatalf("boots product = %+v", bp)
		}
		bag, _ := db.OfferByItem(ctx, "maison-ligne", "ML-3")
		bagProduct, _ := db.ProductRecord(ctx, bag.ProductID)
		if bag.URL != "" || bagProduct.Category != "Apparel & Accessories > Handbags, Wallets & Cases > Handbags" {
			t.Fatalf("bag: a javascript: link must be dropped and a numeric Google category map through the taxonomy: %+v %+v", bag, bagProduct)
		}
		events, _ := db.SaleEvents(ctx, beanie.ID)
		if len(events) != 1 || events[0].Kind != "on_sale" || events[0].DiscountPct != 30 || !events[0].At.Equal(day(0)) {
			t.Fatalf("beanie sale events = %+v, want one on_sale at 30%%", events)
		}

		again := mustImportFile(t, im, "shop-day1.xml", ingest.Options{Retailer: shop, ObservedAt: day(1)})
		if got, want := countsOf(again), (counts{read: 6, unchanged: 6}); got != want {
			t.Fatalf("re-import counts = %+v, want %+v", got, want)
		}
		for table, want := range map[string]int{"offers": 6, "price_changes": 6, "products": 3, "sale_events": 2, "changes": 3, "feed_runs": 2} {
			if got := count(t, db, table); got != want {
				t.Errorf("after re-importing %s has %d rows, want %d", table, got, want)
			}
		}
		seen, _ := db.OfferByItem(ctx, "maison-ligne", "ML-2-M")
		if !seen.LastSeenAt.Equal(day(1)) || !seen.FirstSeenAt.Equal(day(0)) {
			t.Fatalf("unchanged offer first/last seen = %v / %v, want %v / %v", seen.FirstSeenAt, seen.LastSeenAt, day(0), day(1))
		}
	})
}

func TestPriceDropWritesOneRowAndOneEvent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		mustImportFile(t, im, "shop-day1.xml", ingest.Options{Retailer: shop, ObservedAt: day(0)})
		rep := mustImportFile(t, im, "shop-day2.xml", ingest.Options{Retailer: shop, ObservedAt: day(1)})
		if got, want := countsOf(rep), (counts{read: 6, changed: 1, unchanged: 5}); got != want {
			t.Fatalf("day 2 counts = %+v, want %+v", got, want)
		}
		if got := count(t, db, "price_changes"); got != 7 {
			t.Fatalf("price_changes = %d, want 7 (6 + the drop)", got)
		}
		bag, err := db.OfferByItem(ctx, "maison-ligne", "ML-3")
		if err != nil {
			t.Fatal(err)
		}
		hist, err := db.PriceHistory(ctx, bag.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 2 || hist[1].Price != 31500 || hist[1].RegularPrice != 45000 || !hist[1].At.Equal(day(1)) || hist[1].FeedRunID == 0 {
			t.Fatalf("bag history = %+v", hist)
		}
		events, _ := db.SaleEvents(ctx, bag.ID)
		if len(events) != 1 || events[0].Kind != "on_sale" || events[0].DiscountPct != 30 || events[0].Price != 31500 {
			t.Fatalf("bag events = %+v, want one on_sale at 30%%", events)
		}
	})
}

func TestSaleEventSequence(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		base := genItem{id: "X-1", title: "Pleated Midi Skirt", brand: "Ganni", group: "X", color: "Green", size: "38", price: 20000}
		steps := []struct {
			name  string
			edit  func(*genItem)
			kinds []string
		}{
			{"full price", func(*genItem) {}, nil},
			{"on sale", func(g *genItem) { g.sale = 14000 }, []string{"on_sale"}},
			{"deeper", func(g *genItem) { g.sale = 10000 }, []string{"deeper"}},
			{"sold out", func(g *genItem) { g.sale, g.availability = 10000, "out of stock" }, nil},
			{"back in stock", func(g *genItem) { g.sale = 10000 }, []string{"back_in_stock"}},
			{"sale ends", func(*genItem) {}, []string{"ended"}},
		}
		var want []string
		for i, s := range steps {
			it := base
			s.edit(&it)
			mustImport(t, im, genFeed([]genItem{it}), ingest.Options{Retailer: "Skirts", ObservedAt: day(i)})
			want = append(want, s.kinds...)
			o, err := db.OfferByItem(ctx, "skirts", "X-1")
			if err != nil {
				t.Fatal(err)
			}
			evs, _ := db.SaleEvents(ctx, o.ID)
			var got []string
			for _, e := range evs {
				got = append(got, e.Kind)
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Fatalf("after %q events = %v, want %v", s.name, got, want)
			}
			if hist, _ := db.PriceHistory(ctx, o.ID); len(hist) != i+1 {
				t.Fatalf("after %q history has %d rows, want %d (every step changes the state)", s.name, len(hist), i+1)
			}
		}
	})
}

func TestFullMarksMissingOffersGone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		mustImportFile(t, im, "shop-day1.xml", ingest.Options{Retailer: shop, ObservedAt: day(0), Full: true})

		partial := mustImportFile(t, im, "shop-partial.xml", ingest.Options{Retailer: shop, ObservedAt: day(1)})
		if partial.Gone != 0 {
			t.Fatalf("an import without Full marked %d offers gone", partial.Gone)
		}
		rep := mustImportFile(t, im, "shop-partial.xml", ingest.Options{Retailer: shop, ObservedAt: day(2), Full: true})
		if got, want := countsOf(rep), (counts{read: 5, unchanged: 5, gone: 1}); got != want {
			t.Fatalf("full partial import counts = %+v, want %+v", got, want)
		}
		o, err := db.OfferByItem(ctx, "maison-ligne", "ML-1-38")
		if err != nil {
			t.Fatal(err)
		}
		if !o.Gone || o.Availability != catalog.OutOfStock {
			t.Fatalf("missing offer = %+v, want gone and out of stock", o)
		}
		hist, _ := db.PriceHistory(ctx, o.ID)
		if len(hist) != 2 || hist[1].Availability != catalog.OutOfStock || !hist[1].At.Equal(day(2)) {
			t.Fatalf("missing offer history = %+v", hist)
		}
		again := mustImportFile(t, im, "shop-partial.xml", ingest.Options{Retailer: shop, ObservedAt: day(3), Full: true})
		if again.Gone != 0 || count(t, db, "price_changes") != 7 {
			t.Fatalf("a gone offer was counted again: gone %d, price rows %d", again.Gone, count(t, db, "price_changes"))
		}

		back := mustImportFile(t, im, "shop-day1.xml", ingest.Options{Retailer: shop, ObservedAt: day(4), Full: true})
		if got, want := countsOf(back), (counts{read: 6, changed: 1, unchanged: 5}); got != want {
			t.Fatalf("returning offer counts = %+v, want %+v", got, want)
		}
		o, _ = db.OfferByItem(ctx, "maison-ligne", "ML-1-38")
		evs, _ := db.SaleEvents(ctx, o.ID)
		if o.Gone || o.Availability != catalog.InStock || len(evs) != 1 || evs[0].Kind != "back_in_stock" {
			t.Fatalf("returned offer = %+v, events %+v", o, evs)
		}
	})
}

func TestFailedBatchLeavesNoPartialRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		feed := genFeed(catalogue(10))
		im := ingest.New(db, nil)
		ingest.SetBatchSize(im, 4)
		crash := errors.New("simulated crash")
		ingest.SetBeforeCommit(im, func(batch int) error {
			if batch == 2 {
				return crash
			}
			return nil
		})
		rep, err := im.Import(context.Background(), strings.NewReader(string(feed)), "generated", ingest.Options{Retailer: "Dresses", ObservedAt: day(0), Full: true})
		if !errors.Is(err, crash) {
			t.Fatalf("err = %v, want the simulated crash", err)
		}
		if rep.New != 4 || rep.Gone != 0 {
			t.Fatalf("report after crash = %+v, want 4 new (batch 1) and nothing gone", rep)
		}
		for table, want := range map[string]int{"offers": 4, "price_changes": 4, "products": 1} {
			if got := count(t, db, table); got != want {
				t.Errorf("after the crash %s has %d rows, want %d (batch 1 only)", table, got, want)
			}
		}

		ingest.SetBeforeCommit(im, nil)
		rep = mustImport(t, im, feed, ingest.Options{Retailer: "Dresses", ObservedAt: day(0), Full: true})
		if got, want := countsOf(rep), (counts{read: 10, new: 6, unchanged: 4}); got != want {
			t.Fatalf("rerun counts = %+v, want %+v", got, want)
		}
		for table, want := range map[string]int{"offers": 10, "price_changes": 10, "products": 2} {
			if got := count(t, db, table); got != want {
				t.Errorf("after the rerun %s has %d rows, want %d", table, got, want)
			}
		}
	})
}

func TestCancelledImportLeavesWholeBatches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		ingest.SetBatchSize(im, 3)
		ctx, cancel := context.WithCancel(context.Background())
		ingest.SetBeforeCommit(im, func(batch int) error {
			if batch == 2 {
				cancel()
			}
			return nil
		})
		_, err := im.Import(ctx, strings.NewReader(string(genFeed(catalogue(9)))), "generated", ingest.Options{Retailer: "Dresses", ObservedAt: day(0)})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		offers, prices := count(t, db, "offers"), count(t, db, "price_changes")
		if offers != 3 || prices != 3 {
			t.Fatalf("after cancelling in batch 2: %d offers, %d price rows, want 3 and 3", offers, prices)
		}
	})
}

func TestRejectedRowsAndFeedRun(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		rep := mustImportFile(t, im, "shop-broken.xml", ingest.Options{Retailer: "Broken", ObservedAt: day(0), Full: true})
		if got, want := countsOf(rep), (counts{read: 4, new: 2, rejected: 2}); got != want {
			t.Fatalf("counts = %+v, want %+v", got, want)
		}
		want := []ingest.RowError{
			{Line: 11, Item: "B-2", Reason: "missing price"},
			{Line: 15, Item: "B-1", Reason: "duplicate id (first at line 4)"},
		}
		if len(rep.Errors) != 2 || rep.Errors[0] != want[0] || rep.Errors[1] != want[1] {
			t.Fatalf("errors = %+v, want %+v", rep.Errors, want)
		}
		js, _ := json.Marshal(rep)
		for _, key := range []string{`"source":`, `"format":"gmc-xml"`, `"read":4`, `"new":2`, `"changed":0`, `"unchanged":0`,
			`"rejected":2`, `"gone":0`, `"duration_ms":`, `"errors":[{"line":11,"item":"B-2","reason":"missing price"}`} {
			if !strings.Contains(string(js), key) {
				t.Errorf("report JSON %s lacks %s", js, key)
			}
		}
		runs := count(t, db, "feed_runs")
		run, err := db.FeedRunByID(ctx, int64(runs))
		if err != nil {
			t.Fatal(err)
		}
		if run.Status != store.RunOK || run.Read != 4 || run.New != 2 || run.Rejected != 2 || !strings.Contains(run.ErrorsJSON, "duplicate id") ||
			!run.ObservedAt.Equal(day(0)) || run.Format != "gmc-xml" {
			t.Fatalf("feed run = %+v", run)
		}
	})
}

// TestBrokenFeedChangesNothing: a feed that breaks part-way (here: it stops in the middle of an
// item) was not seen whole, so none of it is written, complete or not (see the package doc); the
// items before the error are counted as read. One item that is not well-formed in a feed that goes
// on is only a rejected row (TestMalformedItemIsARejectedRow).
func TestBrokenFeedChangesNothing(t *testing.T) {
	for _, full := range []bool{true, false} {
		t.Run(map[bool]string{true: "full", false: "partial"}[full], func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				im := ingest.New(db, nil)
				mustImport(t, im, genFeed(catalogue(5)), ingest.Options{Retailer: "Dresses", ObservedAt: day(0)})
				good := string(genFeed(catalogue(10)))
				cut := strings.Index(good, "<item>\n<g:id>D-00001-38")
				broken := good[:cut] + "<item><g:id>oops</g:id><g:title>cut off he"
				rep, err := im.Import(context.Background(), strings.NewReader(broken), "broken.xml", ingest.Options{Retailer: "Dresses", ObservedAt: day(1), Full: full})
				if err == nil || !strings.Contains(err.Error(), "XML syntax error") || !strings.Contains(err.Error(), "line ") {
					t.Fatalf("full=%t: err = %v, want an XML syntax error naming its line", full, err)
				}
				if rep.Read != 7 || rep.New+rep.Changed+rep.Unchanged != 0 || rep.Gone != 0 {
					t.Fatalf("full=%t: report = %+v, want 7 read and nothing written", full, rep)
				}
				if got := count(t, db, "offers"); got != 5 {
					t.Fatalf("full=%t: offers = %d, want the 5 of the first import", full, got)
				}
			})
		})
	}
}

// TestMalformedItemIsARejectedRow: an item that is not well-formed XML (a mistyped end tag) in
// a feed that goes on is rejected with its line and id; the items around it are imported.
func TestMalformedItemIsARejectedRow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		good := string(genFeed(catalogue(10)))
		cut := strings.Index(good, "<item>\n<g:id>D-00001-38")
		broken := good[:cut] + "<item><g:id>oops</g:id><g:title>Tee</g:price></item>\n" + good[cut:]
		rep, err := im.Import(context.Background(), strings.NewReader(broken), "broken.xml", ingest.Options{Retailer: "Dresses", ObservedAt: day(1)})
		if err != nil {
			t.Fatalf("import: %v", err)
		}
		if rep.New != 10 || rep.Rejected != 1 || len(rep.Errors) != 1 || rep.Errors[0].Item != "oops" || rep.Errors[0].Line == 0 ||
			!strings.Contains(rep.Errors[0].Reason, "XML syntax error") {
			t.Fatalf("report = %+v", rep)
		}
	})
}

func TestImportOptionErrors(t *testing.T) {
	db := storetest.SQLite(t)
	im := ingest.New(db, nil)
	ctx := context.Background()
	if _, err := im.ImportFile(ctx, fixture("shop-day1.xml"), ingest.Options{}); err == nil || !strings.Contains(err.Error(), "retailer") {
		t.Fatalf("no retailer: err = %v", err)
	}
	if _, err := im.ImportFile(ctx, fixture("shop-day1.xml"), ingest.Options{Retailer: "x", Format: "xlsx"}); err == nil || !strings.Contains(err.Error(), `"xlsx"`) {
		t.Fatalf("unknown format: err = %v", err)
	}
	if _, err := im.ImportFile(ctx, fixture("missing.xml"), ingest.Options{Retailer: "x"}); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("missing file: err = %v", err)
	}
	rep, err := im.Import(ctx, strings.NewReader("<html><body>502 Bad Gateway</body></html>"), "page.html", ingest.Options{Retailer: "x"})
	if err == nil || !strings.Contains(err.Error(), "HTML page") || rep.Format != "auto" {
		t.Fatalf("HTML instead of a feed: report %+v, err = %v", rep, err)
	}
}

func TestOlderFeedIsRefusedAsStale(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		mustImportFile(t, im, "shop-day2.xml", ingest.Options{Retailer: shop, ObservedAt: day(1)})
		before := count(t, db, "price_changes")
		_, err := im.ImportFile(ctx, fixture("shop-day1.xml"), ingest.Options{Retailer: shop, ObservedAt: day(0)})
		if !errors.Is(err, ingest.ErrStale) {
			t.Fatalf("older feed: err = %v, want ErrStale", err)
		}
		if got := count(t, db, "price_changes"); got != before {
			t.Fatalf("a stale feed wrote %d price rows", got-before)
		}
		// The same observation again is fine (a rerun), and so is a later one.
		mustImportFile(t, im, "shop-day2.xml", ingest.Options{Retailer: shop, ObservedAt: day(1)})
		mustImportFile(t, im, "shop-day1.xml", ingest.Options{Retailer: shop, ObservedAt: day(2)})
	})
}
