package web

import (
	"context"
	"html/template"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/store"
)

// A collection's page is built the same way for readers and for the editor's preview, so the
// preview shows exactly what will be published: the intro (Markdown rendered, sanitised, then
// embedded products substituted) and every entry with its live price and a click-out link that
// names the collection.

// collectionEntryView is one product of the collection page.
type collectionEntryView struct {
	store.CollectionEntry
	// OutURL is the retailer link: a click-out naming the collection, or the offer's URL on a
	// node without a click service; "" when the product has no live offer.
	OutURL string
}

// collectionPage builds the view of c; preview marks the editor's unpublished preview.
func (s *Server) collectionPage(ctx context.Context, base page, c store.CollectionView, preview bool) (collectionView, error) {
	v := collectionView{page: base, Collection: c, Preview: preview}
	intro, err := s.collectionIntro(ctx, c.IntroMD)
	if err != nil {
		return v, err
	}
	v.Intro = intro
	v.Description = s.md.Excerpt(c.IntroMD, 160)
	ids := make([]int64, len(c.Entries))
	for i, e := range c.Entries {
		ids[i] = e.ProductID
	}
	var best map[int64]int64
	if s.cfg.Clicks != nil && len(ids) > 0 {
		if best, err = s.db.BestOfferIDs(ctx, ids); err != nil {
			return v, err
		}
	}
	for _, e := range c.Entries {
		ev := collectionEntryView{CollectionEntry: e}
		switch {
		case !e.HasOffer || e.URL == "":
		case s.cfg.Clicks == nil:
			ev.OutURL = e.URL
		case best[e.ProductID] != 0:
			ev.OutURL = s.cfg.Clicks.TokenURL("", clicks.Token{OfferID: best[e.ProductID], ProductID: e.ProductID,
				Source: clicks.SourceCollection, CollectionID: c.ID})
		}
		switch {
		case e.SoldOut():
			v.SoldOut++
		case e.OnSale():
			v.OnSale++
		}
		v.Entries = append(v.Entries, ev)
	}
	return v, nil
}

// collectionIntro renders an intro: Markdown to HTML, sanitised (markdown.HTML), and only then
// each embed paragraph ({{product ID}} on a line of its own, editorial.EmbedParagraph) replaced
// by that product's live card, written by writeCard with every value escaped. The editor's text
// never reaches the page unsanitised, and the cards hold nothing the editor typed, so no embed
// can carry markup. An embed of a product that no longer exists is left out.
func (s *Server) collectionIntro(ctx context.Context, md string) (template.HTML, error) {
	html := string(s.md.HTML(md))
	matches := editorial.EmbedParagraph.FindAllStringSubmatch(html, -1)
	if len(matches) == 0 {
		return template.HTML(html), nil
	}
	var ids []int64
	for _, m := range matches {
		if id, err := strconv.ParseInt(m[1], 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	listings, err := s.db.ListingsByID(ctx, ids)
	if err != nil {
		return "", err
	}
	out := editorial.EmbedParagraph.ReplaceAllStringFunc(html, func(p string) string {
		m := editorial.EmbedParagraph.FindStringSubmatch(p)
		id, _ := strconv.ParseInt(m[1], 10, 64)
		l, ok := listings[id]
		if !ok {
			return ""
		}
		var b strings.Builder
		b.WriteString(`<div class="embed-card">`)
		writeCard(&b, &l)
		b.WriteString(`</div>`)
		return b.String()
	})
	return template.HTML(out), nil
}
