package ingest_test

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestDuplicatesOfKnownOffers: the feed's item ids the retailer already has are marked in the
// run's map of known offers, the others in a set of hashed ids (seen.go); a duplicate is
// found either way, and a known offer whose only row was rejected is not gone.
func TestDuplicatesOfKnownOffers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		opts := ingest.Options{Retailer: "Broken", ObservedAt: day(0), Full: true}
		mustImportFile(t, im, "shop-broken.xml", opts)
		// B-1 and B-3 are offers now; B-2 (no price) is still not. The same feed again: B-1's
		// second row must still be a duplicate of its first, now that B-1 is a known offer.
		opts.ObservedAt = day(1)
		rep := mustImportFile(t, im, "shop-broken.xml", opts)
		if got, want := countsOf(rep), (counts{read: 4, unchanged: 2, rejected: 2}); got != want {
			t.Fatalf("second import counts = %+v, want %+v", got, want)
		}
		want := []ingest.RowError{
			{Line: 11, Item: "B-2", Reason: "missing price"},
			{Line: 15, Item: "B-1", Reason: "duplicate id (first at line 4)"},
		}
		if len(rep.Errors) != 2 || rep.Errors[0] != want[0] || rep.Errors[1] != want[1] {
			t.Fatalf("errors = %+v, want %+v", rep.Errors, want)
		}

		// A feed in which B-3's only row is broken: B-3 was in the feed, so it is not gone,
		// and B-1 is met twice again.
		broken := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
<item><g:id>B-1</g:id><g:title>Good shirt</g:title><g:brand>Ganni</g:brand><g:price>90.00 EUR</g:price><g:availability>in stock</g:availability></item>
<item><g:id>B-3</g:id><g:title>Good skirt</g:title></item>
<item><g:id>B-1</g:id><g:title>Again</g:title><g:price>95.00 EUR</g:price></item>
<item><g:id>B-4</g:id><g:title>New skirt</g:title><g:price>80.00 EUR</g:price></item>
<item><g:id>B-4</g:id><g:title>New skirt again</g:title><g:price>80.00 EUR</g:price></item>
</channel></rss>`)
		opts.ObservedAt, opts.MinShare = day(2), -1
		rep = mustImport(t, im, broken, opts)
		if got, want := countsOf(rep), (counts{read: 5, new: 1, unchanged: 1, rejected: 3}); got != want {
			t.Fatalf("third import counts = %+v (errors %+v), want %+v", got, rep.Errors, want)
		}
		for i, item := range []string{"B-3", "B-1", "B-4"} {
			if rep.Errors[i].Item != item {
				t.Errorf("error %d = %+v, want one for %s", i, rep.Errors[i], item)
			}
		}
	})
}
