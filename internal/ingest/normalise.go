package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// listing is a feed item normalised and ready to write, short of the ids that need the
// database (brand, category, product).
type listing struct {
	line     int
	brand    string   // as the feed spells it; resolved through brands and aliases when written
	category []string // root first; empty when the feed says nothing usable
	keyParts catalog.KeyParts
	product  catalog.Product
	offer    catalog.Offer
}

// Limits on free text, so that one runaway field cannot bloat the catalogue.
const (
	maxTitle       = 300
	maxDescription = 5000
	maxCategory    = 8 // levels
)

// normalise turns a feed item into a listing as seen at time at. It is pure.
func normalise(it feed.Item, retailerSlug string, at time.Time, m *memo) listing {
	l := listing{line: it.Line, brand: clip(it.Brand, maxTitle), category: categoryPath(it)}
	l.product = catalog.Product{
		Title:       clip(it.Title, maxTitle),
		Description: clip(it.Description, maxDescription),
		Color:       it.Color,
		Material:    it.Material,
		Gender:      strings.ToLower(it.Gender),
		ImageURL:    cleanURL(it.ImageLink),
		GTIN:        it.GTIN,
		MPN:         it.MPN,
	}
	l.offer = catalog.Offer{
		ItemID:       it.ID,
		URL:          cleanURL(it.Link),
		Size:         it.Size,
		SizeSystem:   strings.ToUpper(it.SizeSystem),
		Color:        it.Color,
		Currency:     it.Currency,
		Price:        it.PriceAt(at),
		RegularPrice: it.RegularPrice,
		Availability: m.availability(it.Availability),
	}
	l.keyParts = catalog.KeyParts{MPN: it.MPN, GroupID: it.ItemGroupID, Retailer: retailerSlug,
		GTIN: it.GTIN, Title: it.Title, Color: it.Color}
	return l
}

// categoryPath prefers Google's taxonomy as a text path (comparable across retailers), then the
// retailer's own product_type. A numeric taxonomy id needs the taxonomy table, which comes later,
// so it falls through to product_type for now.
func categoryPath(it feed.Item) []string {
	if p := splitPath(it.GoogleProductCategory); len(p) > 0 && !isDigits(it.GoogleProductCategory) {
		return p
	}
	return splitPath(it.ProductType)
}

func splitPath(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ">") {
		if part = strings.Join(strings.Fields(part), " "); part != "" {
			out = append(out, clip(part, 100))
		}
	}
	if len(out) > maxCategory {
		out = out[:maxCategory]
	}
	return out
}

func isDigits(s string) bool {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// cleanURL keeps web links and root-relative paths (the demo's own /static/… images) and drops
// anything else, such as javascript: links, which must never reach a page.
func cleanURL(s string) string {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "http://"):
		return s
	case strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//"):
		return s
	}
	return ""
}

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
