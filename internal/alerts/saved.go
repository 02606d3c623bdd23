package alerts

import (
	"context"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/index"
)

// Saved searches as alerts: a digest also brings the on-sale items of each saved search that
// are new or got cheaper since the shopper's previous digest. The search itself is the index's
// (the same words, filters and semantics as the search page), asked with "on sale" added; a run
// parses each distinct query once and reads the offers' change times from one MatchView, so a
// shopper costs no SQL beyond the batch's one read of saved searches.

// SavedSearch is a search a shopper saved as an alert, as a digest run reads it: Query is the
// search's URL query string as search.Request.Values writes it.
type SavedSearch struct {
	ID     int64
	UserID int64
	Name   string
	Query  string
}

// SavedCandidates is how many products of one saved search a run looks at, twice: those with
// the deepest drops since the previous digest, and the newest since then.
const SavedCandidates = index.MaxPerPage

// SavedGroup names a saved search's section of a digest: "From your saved search ‘Boots’".
func SavedGroup(name string) string { return "From your saved search ‘" + name + "’" }

// QueryParser turns a saved search's query string into an index query (search.Parse and
// Request.Query); an error means the search can no longer be run (it is skipped and logged).
type QueryParser func(ctx context.Context, query string) (index.Query, error)

// savedState is what one run keeps for saved searches across its batches.
type savedState struct {
	parsed map[string]parsedQuery
	offers map[int64]*index.MatchOffer // on-sale available offers by store id; nil until needed
	view   *index.MatchView
}

type parsedQuery struct {
	q   index.Query
	err error
}

// query parses a query string once per run.
func (st *savedState) query(ctx context.Context, parse QueryParser, s SavedSearch, log *slog.Logger) (index.Query, bool) {
	if st.parsed == nil {
		st.parsed = map[string]parsedQuery{}
	}
	pq, ok := st.parsed[s.Query]
	if !ok {
		pq.q, pq.err = parse(ctx, s.Query)
		st.parsed[s.Query] = pq
		if pq.err != nil {
			log.Warn("saved search skipped", "saved_search_id", s.ID, "user_id", s.UserID, "error", pq.err)
		}
	}
	return pq.q, pq.err == nil
}

// offer is the on-sale, available offer with store id id, from one MatchView taken the first
// time a run needs it.
func (st *savedState) offer(ix *index.Index, id int64) (*index.MatchOffer, bool) {
	if st.offers == nil {
		st.view, _ = ix.MatchView()
		st.offers = make(map[int64]*index.MatchOffer, len(st.view.Offers))
		for i := range st.view.Offers {
			st.offers[st.view.Offers[i].OfferID] = &st.view.Offers[i]
		}
	}
	o, ok := st.offers[id]
	return o, ok
}

// savedSince is when a shopper's saved-search window starts: their previous digest, or one
// period of their frequency back when they never had one.
func savedSince(prev time.Time, f account.Frequency, at time.Time) time.Time {
	if !prev.IsZero() && prev.Before(at) {
		return prev
	}
	switch f {
	case account.Weekly:
		return at.Add(-7 * 24 * time.Hour)
	case account.ThreeAWeek:
		return at.Add(-3 * 24 * time.Hour)
	}
	return at.Add(-24 * time.Hour)
}

// savedItems evaluates a shopper's saved searches (in the order given) at time at: for each,
// the on-sale, available offers first seen or last dropped at or after since, not sent before
// at this price or lower, one per product and none of a product in taken (which it extends).
// Items come group by group, each group ranked like Match's; groups[i] names items[i]'s.
func (r *DigestRun) savedItems(ctx context.Context, ix *index.Index, st *savedState, searches []SavedSearch,
	sent map[int64]int64, since, at time.Time, taken map[int64]bool) (items []Item, groups []string) {
	sinceMS := since.UnixMilli()
	for _, s := range searches {
		q, ok := st.query(ctx, r.ParseSearch, s, r.logger())
		if !ok {
			continue
		}
		q.OnSale, q.Facets, q.Page, q.PerPage = true, false, 1, SavedCandidates
		byDrop := q
		byDrop.Sort, byDrop.Now, byDrop.DropWindow = index.SortDrop, at, max(at.Sub(since), time.Millisecond)
		byNew := q
		byNew.Sort = index.SortNewest
		if byNew.NewSince.Before(since) {
			byNew.NewSince = since
		}
		var group []Item
		for _, res := range []index.Result{ix.Search(byDrop), ix.Search(byNew)} {
			for _, h := range res.Hits {
				if taken[h.ProductID] {
					continue
				}
				o, ok := st.offer(ix, h.Best.OfferID)
				if !ok || (o.FirstSeen < sinceMS && o.LastDropAt < sinceMS) {
					continue
				}
				if p, ok := sent[o.OfferID]; ok && p <= o.Price {
					continue
				}
				taken[h.ProductID] = true
				group = append(group, savedItem(s.Name, o, h.Best.Size, at))
			}
		}
		sort.SliceStable(group, func(i, j int) bool { return ranksBefore(group[i], group[j]) })
		for _, it := range group {
			items = append(items, it)
			groups = append(groups, SavedGroup(s.Name))
		}
	}
	return items, groups
}

// ranksBefore is Match's order: questionable discounts last, then score, then offer id.
func ranksBefore(a, b Item) bool {
	if a.Questionable != b.Questionable {
		return !a.Questionable
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.OfferID < b.OfferID
}

// savedItem is an offer found by the saved search name; its reason says so.
func savedItem(name string, o *index.MatchOffer, size string, at time.Time) Item {
	first, drop := msTime(o.FirstSeen), msTime(o.LastDropAt)
	disc := index.Offer{Price: o.Price, RegularPrice: o.RegularPrice}.DiscountPct()
	it := Item{OfferID: o.OfferID, ProductID: o.ProductID, Title: o.Title, Brand: o.Brand, Size: size, Colour: o.Colour,
		Price: o.Price, RegularPrice: o.RegularPrice, Currency: o.Currency, DiscountPct: disc, Retailer: o.Retailer,
		Questionable: o.Questionable, Score: Score(disc, drop, first, at)}
	parts := []string{"from your saved search ‘" + name + "’"}
	switch size {
	case index.OneSize:
		parts = append(parts, "one size")
	case index.SizeNotGiven:
		parts = append(parts, "size not given")
	case "":
	default:
		parts = append(parts, "size "+size+" in stock")
	}
	parts = append(parts, strconv.Itoa(disc)+"% off")
	if d := at.Sub(drop); !drop.IsZero() && d >= 0 && d < DropWindow {
		parts = append(parts, "dropped "+ago(d))
	}
	if d := at.Sub(first); !first.IsZero() && d >= 0 && d < FreshWindow {
		parts = append(parts, "new "+ago(d))
	}
	if o.Questionable {
		parts = append(parts, "questionable discount")
	}
	it.Reason = strings.Join(parts, " · ")
	return it
}

// splitCap shares a digest's cap between brand matches and saved-search matches: saved
// searches get up to half of it when brand matches would fill it, and whatever brand matches
// leave over.
func splitCap(brand, saved, limit int) (nb, ns int) {
	ns = min(saved, limit/2)
	nb = min(brand, limit-ns)
	ns = min(saved, limit-nb)
	return nb, ns
}

func msTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}
