package web

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The private Atom feed: /feeds/TOKEN.atom lists the items of the shopper's latest digests,
// newest digest first (each in its ranked order), with the prices the digest held. A shopper
// with no digest yet gets the live matches instead (what My sales shows now), dated the start
// of the current UTC day, so the feed is useful from the first minute. The token is the
// credential: only its SHA-256 is stored, a new one replaces the old, and a revoked or unknown
// token is a plain 404.
const (
	atomDigests      = 10  // latest digests read
	atomMaxEntries   = 100 // entries at most
	atomLiveEntries  = 30  // live matches when there is no digest yet
	atomTokenBytes   = 43  // base64url of 32 bytes, unpadded (account.NewSessionToken)
	atomTagDate      = "2026"
	atomCacheControl = "private, max-age=300"
)

// atomFeed is GET /feeds/{token}.atom.
func (s *Server) atomFeed(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutSuffix(r.PathValue("file"), ".atom")
	if !ok || !plausibleToken(token) {
		http.NotFound(w, r)
		return
	}
	userID, err := s.db.FeedTokenUser(r.Context(), account.HashSessionToken(token))
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	feed, err := s.buildAtom(r, userID, token)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := notify.WriteAtom(&buf, feed); err != nil {
		s.fail(w, r, fmt.Errorf("write atom feed of user %d: %w", userID, err))
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", atomCacheControl)
	w.Header().Set("X-Robots-Tag", "noindex")
	w.Header().Set("Referrer-Policy", "no-referrer") // the URL is a secret
	_, _ = buf.WriteTo(w)
}

// plausibleToken rejects what cannot be a token before touching the database.
func plausibleToken(t string) bool {
	if len(t) != atomTokenBytes {
		return false
	}
	for _, c := range t {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// feedURL is the feed's address for a token.
func (s *Server) feedURL(token string) string {
	return strings.TrimRight(s.cfg.BaseURL, "/") + "/feeds/" + token + ".atom"
}

// tagAuthority is the host of the base URL, for tag: IRIs (RFC 4151).
func (s *Server) tagAuthority() string {
	if u, err := url.Parse(s.cfg.BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "tagdrop.invalid"
}

func (s *Server) buildAtom(r *http.Request, userID int64, token string) (notify.AtomFeed, error) {
	ctx := r.Context()
	tag := "tag:" + s.tagAuthority() + "," + atomTagDate + ":"
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	feed := notify.AtomFeed{ID: tag + "shopper-feed/" + strconv.FormatInt(userID, 10), Title: "Your tagdrop sales",
		Subtitle: "Sale items in your sizes from the brands you follow", SelfURL: s.feedURL(token), AltURL: base + "/my-sales",
		Generator: "tagdrop " + s.cfg.Version}
	entries, err := s.db.RecentDigestEntries(ctx, userID, atomDigests, atomMaxEntries)
	if err != nil {
		return feed, err
	}
	for _, e := range entries {
		feed.Entries = append(feed.Entries, notify.AtomEntry{
			ID:    fmt.Sprintf("%sdigest/%d/%d", tag, e.DigestID, e.OfferID),
			Title: entryTitle(e.Brand, e.Title, e.Price, e.Currency), URL: s.feedItemURL(base, e.OfferID, e.ProductID, userID),
			Updated: e.DigestAt, Summary: entrySummary(e.Price, e.RegularPrice, e.Currency, e.Size, e.Retailer, e.Reason),
			HTML:       entryHTML(base, e.ImageURL, e.Title, e.Price, e.RegularPrice, e.Currency, e.Size, e.Retailer, e.Reason),
			Categories: nonEmpty(e.Brand, e.Retailer),
		})
	}
	if len(entries) == 0 && s.cfg.Catalogue != nil {
		p, err := s.loadPrefs(ctx, userID)
		if err != nil {
			return feed, err
		}
		now := s.now()
		day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		items := alerts.Match(s.cfg.Catalogue, p, nil, now, atomLiveEntries)
		ids := make([]int64, len(items))
		for i, it := range items {
			ids[i] = it.ProductID
		}
		images, err := s.db.ProductImages(ctx, ids)
		if err != nil {
			return feed, err
		}
		for _, it := range items {
			feed.Entries = append(feed.Entries, notify.AtomEntry{
				ID:    fmt.Sprintf("%smatch/%d/%d", tag, it.OfferID, it.Price),
				Title: entryTitle(it.Brand, it.Title, it.Price, it.Currency), URL: s.feedItemURL(base, it.OfferID, it.ProductID, userID),
				Updated: day, Summary: entrySummary(it.Price, it.RegularPrice, it.Currency, it.Size, it.Retailer, it.Reason),
				HTML:       entryHTML(base, images[it.ProductID], it.Title, it.Price, it.RegularPrice, it.Currency, it.Size, it.Retailer, it.Reason),
				Categories: nonEmpty(it.Brand, it.Retailer),
			})
		}
	}
	for _, e := range feed.Entries {
		if e.Updated.After(feed.Updated) {
			feed.Updated = e.Updated
		}
	}
	if feed.Updated.IsZero() {
		created, err := s.db.FeedTokenCreated(ctx, userID)
		if err != nil {
			return feed, err
		}
		feed.Updated = created
	}
	return feed, nil
}

func nonEmpty(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

func entryTitle(brand, title string, price int64, currency string) string {
	t := title
	if brand != "" && !strings.HasPrefix(strings.ToLower(title), strings.ToLower(brand)) {
		t = brand + " " + title
	}
	return t + " — " + formatPrice(price, currency)
}

func priceLine(price, regular int64, currency string) string {
	s := formatPrice(price, currency)
	if regular > price && regular > 0 {
		s += fmt.Sprintf(" (was %s, −%d%%)", formatPrice(regular, currency), (regular-price)*100/regular)
	}
	return s
}

func entrySummary(price, regular int64, currency, size, retailer, reason string) string {
	parts := nonEmpty(priceLine(price, regular, currency), size, retailer)
	s := strings.Join(parts, " · ")
	if reason != "" {
		s += ". " + reason
	}
	return s
}

// entryHTML is the entry's content: a picture (only an http(s) or site-relative one) and the
// same facts as the summary, every value escaped.
func entryHTML(base, image, title string, price, regular int64, currency, size, retailer, reason string) string {
	var b strings.Builder
	if strings.HasPrefix(image, "/") && !strings.HasPrefix(image, "//") {
		image = base + image
	}
	if strings.HasPrefix(image, "https://") || strings.HasPrefix(image, "http://") {
		fmt.Fprintf(&b, `<p><img src="%s" alt="%s" width="240"></p>`, html.EscapeString(image), html.EscapeString(title))
	}
	fmt.Fprintf(&b, "<p><strong>%s</strong></p>", html.EscapeString(title))
	fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(strings.Join(nonEmpty(priceLine(price, regular, currency), size, retailer), " · ")))
	if reason != "" {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(reason))
	}
	return b.String()
}

// feedItemURL is where a feed entry links: a signed click-out (source feed) when click-outs are
// wired, else the product's page.
func (s *Server) feedItemURL(base string, offerID, productID, userID int64) string {
	if s.cfg.Clicks != nil && offerID != 0 {
		if u := s.cfg.Clicks.URL(base, offerID, productID, clicks.SourceFeed, userID); u != "" {
			return u
		}
	}
	return base + "/products/" + strconv.FormatInt(productID, 10)
}
