package web

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/notify"
)

// collectionsAtomEntries is how many collections the public Atom feed lists, newest first.
const collectionsAtomEntries = 20

// collectionsAtom is GET /collections.atom: the visible collections as an Atom feed (the same
// writer as the shoppers' private feeds, notify.WriteAtom). Each entry holds the cover, the
// sanitised intro without its embedded cards (their links are the site's), and the products
// with their prices when the feed was read.
func (s *Server) collectionsAtom(w http.ResponseWriter, r *http.Request) {
	cols, err := s.db.PublishedCollections(r.Context(), collectionsAtomEntries)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	tag := "tag:" + s.tagAuthority() + "," + atomTagDate + ":"
	feed := notify.AtomFeed{ID: tag + "collections", Title: "tagdrop collections",
		Subtitle: "Edits by our editors, with their prices live", SelfURL: base + "/collections.atom", AltURL: base + "/collections",
		Generator: "tagdrop " + s.cfg.Version}
	for _, c := range cols {
		updated := c.UpdatedAt
		if c.PublishAt.After(updated) {
			updated = c.PublishAt
		}
		var b strings.Builder
		if img := string(imageSource(c.CoverImage)); strings.HasPrefix(img, "http") || strings.HasPrefix(img, "/") {
			if strings.HasPrefix(img, "/") {
				img = base + img
			}
			fmt.Fprintf(&b, `<p><img src="%s" alt="%s" width="600"></p>`, html.EscapeString(img), html.EscapeString(c.Title))
		}
		b.WriteString(editorial.EmbedParagraph.ReplaceAllString(string(s.md.HTML(c.IntroMD)), ""))
		if len(c.Entries) > 0 {
			b.WriteString("<ul>")
			for _, e := range c.Entries {
				fmt.Fprintf(&b, `<li><a href="%s/products/%d">%s %s</a>`, html.EscapeString(base), e.ProductID, html.EscapeString(e.Brand), html.EscapeString(e.Title))
				if e.HasOffer {
					b.WriteString(" — " + html.EscapeString(priceLine(e.Price, e.RegularPrice, e.Currency)))
				}
				if e.SoldOut() {
					b.WriteString(" (sold out)")
				}
				b.WriteString("</li>")
			}
			b.WriteString("</ul>")
		}
		feed.Entries = append(feed.Entries, notify.AtomEntry{ID: tag + "collection/" + strconv.FormatInt(c.ID, 10), Title: c.Title,
			URL: base + "/collections/" + c.Slug, Updated: updated, Summary: s.md.Excerpt(c.IntroMD, 300), HTML: b.String()})
		if updated.After(feed.Updated) {
			feed.Updated = updated
		}
	}
	if feed.Updated.IsZero() {
		feed.Updated = s.now()
	}
	var buf bytes.Buffer
	if err := notify.WriteAtom(&buf, feed); err != nil {
		s.fail(w, r, fmt.Errorf("write collections feed: %w", err))
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = buf.WriteTo(w)
}
