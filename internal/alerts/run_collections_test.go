package alerts_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestDigestFeaturesCollection: each digest features the newest visible collection holding a
// product of one of the shopper's brands; drafts and collections scheduled for later never
// appear; the collections are read once per run, not per shopper.
func TestDigestFeaturesCollection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newRunFixture(t, db)
		var bag, boot int64
		if err := db.SQL().QueryRow(`SELECT product_id FROM offers WHERE id = $1`, f.bags[0]).Scan(&bag); err != nil {
			t.Fatal(err)
		}
		if err := db.SQL().QueryRow(`SELECT product_id FROM offers WHERE id = $1`, f.boot38).Scan(&boot); err != nil {
			t.Fatal(err)
		}
		save := func(slug, title string, st editorial.Status, at time.Time, product int64) {
			t.Helper()
			if _, err := db.SaveCollection(ctx, editorial.Collection{Slug: slug, Title: title, Status: st, PublishAt: at,
				IntroMD: "# Heading\n\nTiny bags, *big* news about " + title + ".", Items: []editorial.Item{{ProductID: product}}}, 0); err != nil {
				t.Fatal(err)
			}
		}
		save("older-ganni", "Older Ganni edit", editorial.Published, f.now.Add(-10*24*time.Hour), bag)
		save("ganni-edit", "The Ganni edit", editorial.Scheduled, f.now.Add(-2*24*time.Hour), bag)
		save("ganni-later", "Ganni tomorrow", editorial.Scheduled, f.now.Add(24*time.Hour), bag)
		save("ganni-draft", "Ganni draft", editorial.Draft, f.now, bag)
		save("toteme-later", "Toteme tomorrow", editorial.Scheduled, f.now.Add(24*time.Hour), boot)

		ix, err := index.Build(ctx, db, index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		loads := 0
		r := &alerts.DigestRun{Store: db, Index: func() *index.Index { return ix }, BaseURL: "https://tagdrop.example",
			Batch: 1, Now: func() time.Time { return f.now },
			Collections: func(ctx context.Context) ([]editorial.Teaser, error) {
				loads++
				return db.VisibleCollectionTeasers(ctx)
			}}
		c, err := r.Run(ctx, alerts.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Stored < 2 {
			t.Fatalf("run stored %d digests, want ada's and bob's at least: %+v", c.Stored, c)
		}
		if loads != 1 {
			t.Errorf("collections read %d times in a run of %d batches, want once", loads, c.Considered)
		}
		body := func(email string) (string, string) {
			t.Helper()
			var text, html string
			if err := db.SQL().QueryRow(`SELECT text_body, html_body FROM messages WHERE to_addr = $1 AND kind = 'digest'`, email).Scan(&text, &html); err != nil {
				t.Fatalf("digest of %s: %v", email, err)
			}
			return text, html
		}
		text, html := body("ada@example.com") // follows Ganni
		if !strings.Contains(html, "The Ganni edit") || !strings.Contains(html, "https://tagdrop.example/collections/ganni-edit") {
			t.Errorf("ada's digest does not feature the newest visible Ganni collection:\n%s", text)
		}
		if !strings.Contains(text, "Tiny bags, big news about The Ganni edit.") {
			t.Errorf("ada's digest lacks the plain-text intro:\n%s", text)
		}
		for _, hidden := range []string{"Older Ganni edit", "Ganni tomorrow", "Ganni draft"} {
			if strings.Contains(html, hidden) {
				t.Errorf("ada's digest shows %q", hidden)
			}
		}
		text, html = body("bob@example.com") // follows Toteme: its only collection is scheduled for tomorrow
		if strings.Contains(html, "Featured collection") || strings.Contains(text, "Toteme tomorrow") {
			t.Errorf("bob's digest features a collection:\n%s", text)
		}
	})
}
