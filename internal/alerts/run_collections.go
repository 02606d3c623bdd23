package alerts

import (
	"context"
	"fmt"
	"strings"

	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/notify"
)

// A digest shows one editorial collection: the newest visible one that holds a product of a
// brand the shopper follows. The run reads the visible collections with their brands once
// (DigestRun.Collections, one statement) and picks each shopper's in memory, so featuring a
// collection costs nothing per shopper.

// digestIntroChars is how much of a collection's intro a digest shows.
const digestIntroChars = 200

// loadCollections reads the visible collections for this run; none when the run has no source.
func (r *DigestRun) loadCollections(ctx context.Context) error {
	if r.Collections == nil {
		r.teasers.Store(nil)
		return nil
	}
	ts, err := r.Collections(ctx)
	if err != nil {
		return fmt.Errorf("digest run: collections: %w", err)
	}
	r.teasers.Store(&ts)
	return nil
}

// featured is the collection a shopper following brands sees, or nil.
func (r *DigestRun) featured(brands []string) *notify.FeaturedCollection {
	var teasers []editorial.Teaser
	if p := r.teasers.Load(); p != nil {
		teasers = *p
	}
	t := editorial.NewestFor(teasers, brands)
	if t == nil {
		return nil
	}
	return &notify.FeaturedCollection{Title: t.Title, URL: strings.TrimRight(r.BaseURL, "/") + "/collections/" + t.Slug,
		Intro: editorial.Excerpt(t.IntroMD, digestIntroChars)}
}
