package notify

import (
	"fmt"
	"strconv"
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
	// Items are the ranked sale items shown; their brands, in order, name the subject line.
	Items []DigestItem
	// Loves are news about the shopper's loves (price drop, target reached, back in stock,
	// price protection), shown first under "Your loves", each with its Note. A digest may hold
	// loves only.
	Loves []DigestItem
	// More counts matches beyond the cap; MoreURL lists them all on the site. MoreAtLeast says
	// the run stopped counting there: the mail says "170+ more".
	More        int
	MoreAtLeast bool
	MoreURL     string
	// Collection is a featured curated collection, if any matches the shopper's brands.
	Collection *FeaturedCollection
	// UnsubscribeURL is the one-click unsubscribe address (RFC 8058), see UnsubscribeURL.
	UnsubscribeURL string
	// BaseURL is the site's public address, for links and images given as paths.
	BaseURL string
	// SettingsURL is where the shopper changes what they get (default BaseURL + "/settings").
	SettingsURL string
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
	// Group names the section the item is listed under, such as "From your saved search
	// ‘Boots’"; a heading is shown where the group changes. "" is the shopper's brands.
	Group string
	// Note is a line shown under the item (a love's news: "Price drop").
	Note string
}

// FeaturedCollection is the curated collection a digest shows.
type FeaturedCollection struct {
	Title string
	URL   string
	Intro string
}

// RenderDigest renders a digest as an outbox message: a mobile-first HTML part (table layout,
// inline styles, every value escaped for its context) and a plain-text part with the same
// content, a personal subject line and the List-Unsubscribe address. It is the fast path (see
// render.go); RenderDigestTemplate renders the same markup through html/template and is the
// reference the tests compare it with.
func RenderDigest(d Digest) (Message, error) {
	v, err := newDigestView(&d)
	if err != nil {
		return Message{}, err
	}
	buf := getBuf()
	defer putBuf(buf)
	html := string(appendDigestHTML((*buf)[:0], v))
	*buf = appendDigestText((*buf)[:0], v)
	text := string(*buf)
	return digestMessage(&d, v, html, text), nil
}

func digestMessage(d *Digest, v *digestView, html, text string) Message {
	return Message{UserID: d.UserID, Kind: "digest", MessageID: d.MessageID, To: d.To, Subject: v.Subject,
		TextBody: text, HTMLBody: html, ListUnsubscribe: v.UnsubscribeURL}
}

// DigestSubject is the personal subject line: the first two brands of the digest and how many
// more items there are ("Jacquemus, By Far and 12 more on sale in your size").
func DigestSubject(d *Digest) string {
	var loves string
	switch len(d.Loves) {
	case 0:
	case 1:
		loves = cleanText(d.Loves[0].Title) + ": " + strings.ToLower(cleanText(d.Loves[0].Note))
	default:
		loves = strconv.Itoa(len(d.Loves)) + " of your loves have news"
	}
	if len(d.Items) == 0 && d.More == 0 {
		return loves
	}
	if loves != "" {
		return loves + "; " + itemsSubject(d)
	}
	return itemsSubject(d)
}

// itemsSubject names the digest's sale items.
func itemsSubject(d *Digest) string {
	var brands []string
	named := 0
	for _, it := range d.Items {
		b := cleanText(it.Brand)
		if b == "" {
			continue
		}
		if len(brands) < 2 && !containsFold(brands, b) {
			brands = append(brands, b)
		}
		if containsFold(brands, b) {
			named++
		}
	}
	rest := len(d.Items) + d.More - named
	total := len(d.Items) + d.More
	switch {
	case len(brands) == 0 && d.MoreAtLeast:
		return strconv.Itoa(total) + "+ sale items in your size"
	case len(brands) == 0:
		return strconv.Itoa(total) + " sale items in your size"
	case rest <= 0 && len(brands) == 1:
		return brands[0] + " on sale in your size"
	case rest <= 0:
		return brands[0] + " and " + brands[1] + " on sale in your size"
	default:
		plus := ""
		if d.MoreAtLeast {
			plus = "+"
		}
		return strings.Join(brands, ", ") + " and " + strconv.Itoa(rest) + plus + " more on sale in your size"
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// validateDigest refuses a digest that cannot become a message.
func validateDigest(d *Digest) error {
	switch {
	case strings.TrimSpace(d.To) == "":
		return fmt.Errorf("digest for user %d: to: no address", d.UserID)
	case d.MessageID == "":
		return fmt.Errorf("digest for user %d: message_id: empty", d.UserID)
	case len(d.Items) == 0 && len(d.Loves) == 0:
		return fmt.Errorf("digest for user %d: items: none to send", d.UserID)
	case d.More < 0:
		return fmt.Errorf("digest for user %d: more: %d is negative", d.UserID, d.More)
	}
	if err := ValidMessageID(d.MessageID); err != nil {
		return fmt.Errorf("digest for user %d: %w", d.UserID, err)
	}
	return nil
}

// sizeLabel is how a digest item shows its size: "Size M", "Size EU 38", or "One size" for a
// bag or a scarf (never "Size One size"); "" when it has none.
func sizeLabel(size string) string {
	switch {
	case size == "":
		return ""
	case strings.EqualFold(size, "one size"):
		return "One size"
	}
	return "Size " + size
}
