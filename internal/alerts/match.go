package alerts

import (
	"fmt"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/index"
)

// Item is one offer a shopper would receive.
type Item struct {
	OfferID      int64
	ProductID    int64
	Title        string
	Brand        string
	Size         string // the size label the offer is filed under ("EU 38", "M", "One size")
	Colour       string
	Price        int64 // minor units of Currency
	RegularPrice int64
	Currency     string
	DiscountPct  int
	Retailer     string
	Questionable bool
	// Score is the offer's Score, plus Boost under MatchWithAffinity.
	Score float64
	// Boost is the points the shopper's brand affinity added to Score (MatchWithAffinity only).
	Boost float64
	// Reason says why it matched: "follows By Far · size EU 38 in stock · 30% off · dropped 2 days ago".
	Reason string
}

// Match finds the offers the shopper's preferences ask for, at most limit (all when limit ≤ 0),
// ranked. An offer matches when it is on sale and available, its product is of a followed brand
// (no brands: nothing matches) and, when the shopper names categories, filed under one of them
// or their descendants; it is in stock in one of the shopper's sizes for its product's size
// kind (one-size offers always match; a kind the shopper gave no size for matches no sized
// offer); its price is at most MaxPrice when set — MaxPrice is in the shopper's Currency (the
// index's base currency when empty), converted into the offer's currency with the index's rates
// (Rates.Convert, rounded), and an offer whose currency cannot be converted does not pass; its
// discount is at least MinDiscountPct; it is not questionable when HideQuestionable; and sent
// (store offer id → price sent) has no entry for it, or one at a higher price: an item comes
// back only when it got cheaper.
//
// Each product yields at most one item, its best-ranked offer. Items are ordered with
// questionable discounts last, then by Score (highest first), then offer id.
//
// Match reads a Matcher it keeps per index and rebuilds when the index changes (see
// NewMatcher): a run over many shoppers should build its own Matcher once at the run's time and
// use Matcher.MatchAll or a Worker per goroutine; Match serves one shopper at a time, such as
// the live "My sales" page, at any time now.
func Match(idx *index.Index, p account.Preferences, sent map[int64]int64, now time.Time, limit int) []Item {
	if len(p.Brands) == 0 {
		return nil
	}
	m := cachedMatcher(idx, now)
	w := m.NewWorker()
	var s Sent
	if sent != nil {
		s = SentMap(sent)
	}
	picks := w.PicksAt(p, s, limit, now)
	items := make([]Item, len(picks))
	for i, pk := range picks {
		items[i] = m.item(p, pk, now)
	}
	return items
}

func newItem(o index.OfferDetail, sizeLabel string, now time.Time) Item {
	item := Item{
		OfferID: o.OfferID, ProductID: o.ProductID, Title: o.Title, Brand: o.Brand, Size: sizeLabel,
		Colour: o.Colour, Price: o.Price, RegularPrice: o.RegularPrice, Currency: o.Currency,
		DiscountPct: o.DiscountPct(), Retailer: o.Retailer, Questionable: o.Questionable,
		Score: Score(o.DiscountPct(), o.LastDropAt, o.FirstSeen, now),
	}
	parts := []string{"follows " + o.Brand}
	if sizeLabel == index.OneSize {
		parts = append(parts, "one size")
	} else {
		parts = append(parts, "size "+sizeLabel+" in stock")
	}
	parts = append(parts, fmt.Sprintf("%d%% off", item.DiscountPct))
	if d := now.Sub(o.LastDropAt); !o.LastDropAt.IsZero() && d >= 0 && d < DropWindow {
		parts = append(parts, "dropped "+ago(d))
	}
	if d := now.Sub(o.FirstSeen); !o.FirstSeen.IsZero() && d >= 0 && d < FreshWindow {
		parts = append(parts, "new "+ago(d))
	}
	if o.Questionable {
		parts = append(parts, "questionable discount")
	}
	item.Reason = strings.Join(parts, " · ")
	return item
}

// ago spells an age in whole days.
func ago(d time.Duration) string {
	switch days := int(d / (24 * time.Hour)); days {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	default:
		return fmt.Sprintf("%d days ago", days)
	}
}
