package alerts

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/RoaringBitmap/roaring/v2"

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
	Score        float64
	// Reason says why it matched: "follows By Far · size EU 38 in stock · 30% off · dropped 2 days ago".
	Reason string
}

// Match finds the offers the shopper's preferences ask for, at most limit (all when limit ≤ 0),
// ranked. An offer matches when it is on sale and available, its product is of a followed brand
// (no brands: nothing matches) and, when the shopper names categories, filed under one of them
// or their descendants; it is in stock in one of the shopper's sizes for its product's size
// kind (one-size offers always match; a kind the shopper gave no size for matches no sized
// offer); its price is at most MaxPrice when set — compared in the offer's own currency for
// now, without conversion; its discount is at least MinDiscountPct; it is not questionable when
// HideQuestionable; and sent (store offer id → price sent) has no entry for it, or one at a
// higher price: an item comes back only when it got cheaper. Offer details come from the index
// itself (Index.OfferDetail), so a live index serves the matcher as it changes.
//
// Each product yields at most one item, its best-ranked offer. Items are ordered with
// questionable discounts last, then by Score (highest first), then offer id.
func Match(idx *index.Index, p account.Preferences, sent map[int64]int64, now time.Time, limit int) []Item {
	if len(p.Brands) == 0 {
		return nil
	}
	products := idx.Brands(p.Brands...)
	if len(p.Categories) > 0 {
		products.And(idx.Categories(idx.CategoryIDs(p.Categories...)...))
	}
	offers := idx.OffersOf(products)
	offers.And(idx.OnSale())
	offers.And(idx.Available())
	type sizeSet struct {
		label string
		set   *roaring.Bitmap
	}
	sizes := make([]sizeSet, 0, len(p.Sizes))
	sized := idx.OneSizeInStock()
	for _, s := range p.Sizes {
		b := idx.SizeInStock(s.Kind, s.System, s.Value)
		sizes = append(sizes, sizeSet{index.SizeLabel(s.Value, s.System, s.Kind), b})
		sized.Or(b)
	}
	offers.And(sized)
	if p.HideQuestionable {
		offers.AndNot(idx.Questionable())
	}

	best := map[int64]Item{} // product id → its best item so far
	it := offers.Iterator()
	for it.HasNext() {
		oid := it.Next()
		o, ok := idx.OfferDetail(oid)
		if !ok || !passes(o, p, sent) {
			continue
		}
		sizeLabel := index.OneSize
		for _, s := range sizes {
			if s.set.Contains(oid) {
				sizeLabel = s.label
				break
			}
		}
		item := newItem(o, sizeLabel, now)
		if have, ok := best[item.ProductID]; !ok || before(item, have) {
			best[item.ProductID] = item
		}
	}
	items := make([]Item, 0, len(best))
	for _, item := range best {
		items = append(items, item)
	}
	sort.Slice(items, func(i, j int) bool { return before(items[i], items[j]) })
	if limit > 0 && len(items) > limit {
		items = items[:limit]
	}
	return items
}

// passes applies the per-offer checks the bitmaps do not hold.
func passes(o index.OfferDetail, p account.Preferences, sent map[int64]int64) bool {
	if p.MaxPrice > 0 && o.Price > p.MaxPrice {
		return false
	}
	if o.DiscountPct() < p.MinDiscountPct {
		return false
	}
	if was, ok := sent[o.OfferID]; ok && o.Price >= was {
		return false
	}
	return true
}

// before is the ranking order: questionable last, higher score first, then lower offer id.
func before(a, b Item) bool {
	if a.Questionable != b.Questionable {
		return !a.Questionable
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.OfferID < b.OfferID
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
