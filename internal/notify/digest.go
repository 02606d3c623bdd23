package notify

import (
	"fmt"
	"strings"
)

// Digest is one shopper's digest as the digest run stores it: everything rendering needs, so a
// stored digest renders the same whenever it is sent.
type Digest struct {
	UserID int64
	To     string
	// MessageID is fixed per digest ("<digest-42-2026-11-26@tagdrop>"), so a resend after a crash
	// carries the same Message-ID.
	MessageID string
	// Names of the first brands, for the subject line.
	Items []DigestItem
	// More counts matches beyond the cap; MoreURL lists them all on the site.
	More    int
	MoreURL string
	// Collection is a featured curated collection, if any matches the shopper's brands.
	Collection *FeaturedCollection
	// UnsubscribeURL is the one-click unsubscribe address (RFC 8058).
	UnsubscribeURL string
	// BaseURL is the site's public address, for links and images.
	BaseURL string
}

// DigestItem is one sale item in a digest.
type DigestItem struct {
	ProductID    int64
	OfferID      int64
	Title        string
	Brand        string
	Size         string
	Colour       string
	Retailer     string
	ImageURL     string
	URL          string // where the item links (the click-out address)
	Price        int64  // minor units
	RegularPrice int64
	Currency     string
	DiscountPct  int
	Lowest30d    bool // the price is the lowest in 30 days
	Questionable bool
	Reason       string
}

// FeaturedCollection is the curated collection a digest shows.
type FeaturedCollection struct {
	Title string
	URL   string
	Intro string
}

// RenderDigest renders a digest as an outbox message (a plain first version: the delivery work
// replaces it with the mobile-first HTML digest).
func RenderDigest(d Digest) (Message, error) {
	if d.To == "" || d.MessageID == "" {
		return Message{}, fmt.Errorf("digest for user %d: no address or Message-ID", d.UserID)
	}
	var b strings.Builder
	for _, it := range d.Items {
		fmt.Fprintf(&b, "%s %s, %d%% off at %s\n%s\n\n", it.Brand, it.Title, it.DiscountPct, it.Retailer, it.URL)
	}
	if d.More > 0 {
		fmt.Fprintf(&b, "and %d more: %s\n", d.More, d.MoreURL)
	}
	return Message{UserID: d.UserID, Kind: "digest", MessageID: d.MessageID, To: d.To,
		Subject: fmt.Sprintf("%d sale items in your size", len(d.Items)+d.More), TextBody: b.String()}, nil
}
