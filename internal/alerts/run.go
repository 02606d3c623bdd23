package alerts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/notify"
)

// A digest run: for every shopper whose slot has started and is not done yet (see CurrentSlot),
// match their standing request against the index, keep the best DefaultCap items (remembering
// how many more there were), render the mail, and store the digest, its items, its outbox
// message and the sent history together. The store does that for a whole batch of shoppers in
// one transaction and the digests table is unique on (user, period key), so a crash leaves
// whole batches and a rerun of the same slot stores nothing twice; sending reads the outbox
// later and separately.

// Defaults of DigestRun.
const (
	// DefaultCap is how many items one digest shows; the rest are counted as "and N more".
	DefaultCap = 30
	// MoreCountLimit is how many brand matches a digest run counts at most for "and N more".
	MoreCountLimit = 200
	// DefaultBatch is how many shoppers one batch reads, matches and stores together.
	DefaultBatch = 500
	// MoreURL is the site path that lists every match ("and N more").
	MoreURL = "/my-sales"
)

// DigestRun makes the digests that are due. Fields are read at Run; zero values take defaults.
type DigestRun struct {
	Store DigestStore
	// Index returns the index to match against (a live index follows the change log).
	Index func() *index.Index
	// BaseURL is the site's public address; links in the mail start with it.
	BaseURL string
	// Cap is how many items a digest shows (DefaultCap when 0).
	Cap int
	// Batch is how many shoppers are read and stored together (DefaultBatch when 0).
	Batch int
	// Now is the clock (time.Now when nil); a run uses one instant throughout.
	Now func() time.Time
	// Unsubscribe returns the one-click unsubscribe address of a shopper; none when nil.
	Unsubscribe func(userID int64) (string, error)
	// Link returns where an item of a shopper's digest links: a signed click-out (/out/…) that
	// counts the click and goes on to the retailer. Nil, or an error, links the item's product
	// page on tagdrop instead.
	Link func(offerID, productID, userID int64) (string, error)
	// ParseSearch turns a saved search's query into an index query; saved searches are left
	// out of digests when nil.
	ParseSearch QueryParser
	// Progress, when set, is told after each batch how many shoppers were considered so far.
	Progress func(considered int)
	// Logger receives per-shopper failures; slog.Default() when nil.
	Logger *slog.Logger
	// Collections reads the visible collections with their brands (store.DB.
	// VisibleCollectionTeasers), once per run; each digest features the newest holding one of
	// the shopper's brands (run_collections.go). Nil: digests feature none.
	Collections func(ctx context.Context) ([]editorial.Teaser, error)

	zones Zones
	// teasers are the collections of the latest run (loadCollections); shard jobs run at once
	// on one DigestRun, so it is swapped whole, never changed in place.
	teasers atomic.Pointer[[]editorial.Teaser]
}

// RunOptions narrow one run.
type RunOptions struct {
	// UserID makes the digest of this shopper only, whatever their schedule says: the slot is
	// Period, or else the shopper's local date today. A shopper with digests off, no brands
	// or a bounced address is refused with an error saying so.
	UserID int64
	// Period overrides the slot key of every shopper of the run ("2026-11-26").
	Period string
	// FromUserID and ThroughUserID narrow a run to the shoppers with ids in that range, both
	// included (a shard of a sharded run, run_shards.go); 0 leaves that end open.
	FromUserID, ThroughUserID int64
	// StoreBatch, when set, stores each batch instead of Store.StoreDigests, with the same
	// contract: a shard job stores its digests and enqueues their send jobs in one transaction.
	StoreBatch func(ctx context.Context, ds []DigestRecord) (stored []bool, err error)
}

// RunCounts sum up a run.
type RunCounts struct {
	// Considered counts shoppers looked at: digests on, at least one brand, not bounced.
	Considered int `json:"considered"`
	// Due counts those whose slot had started and was not done yet.
	Due int `json:"due"`
	// Stored counts digests stored with their message; Empty those stored as empty.
	Stored int `json:"stored"`
	Empty  int `json:"empty"`
	// Skipped counts due slots another run stored first.
	Skipped int `json:"skipped"`
	// Failed counts shoppers whose digest could not be made or stored (logged; retried by
	// the next run, since nothing of theirs was stored).
	Failed int `json:"failed"`
	// Items counts items in stored digests (Saved of them from saved searches); More the
	// matches beyond their caps.
	Items int `json:"items"`
	Saved int `json:"saved"`
	More  int `json:"more"`
	// Loves counts love alerts delivered by e-mail (in digests and love-alert mails);
	// LoveMails the love-alert mails stored for shoppers without a digest that day.
	Loves      int   `json:"loves"`
	LoveMails  int   `json:"love_mails"`
	DurationMS int64 `json:"duration_ms"`
}

// ErrNoDigest wraps the reason a shopper named by hand gets no digest.
var ErrNoDigest = errors.New("no digest")

// Run makes every digest due now (or the one opts names) and returns what it did. It stops at
// the first error reading the store or when ctx ends; batches stored before stay stored.
func (r *DigestRun) Run(ctx context.Context, opts RunOptions) (c RunCounts, _ error) {
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	at := now()
	defer func() { c.DurationMS = now().Sub(at).Milliseconds() }()
	if opts.Period != "" {
		if err := ValidPeriodKey(opts.Period); err != nil {
			return c, err
		}
	}
	if r.Store == nil || r.Index == nil {
		return c, errors.New("digest run: no store or index")
	}
	if err := r.loadCollections(ctx); err != nil {
		return c, err
	}
	ix := r.Index()
	if opts.UserID != 0 {
		s, err := r.Store.DigestRecipient(ctx, opts.UserID)
		if err != nil {
			return c, err
		}
		if err := eligible(s); err != nil {
			return c, err
		}
		if _, err := r.zones.Load(s.TimeZone); err != nil {
			return c, fmt.Errorf("%w: %s: %v", ErrNoDigest, s.Email, err)
		}
		err = r.batch(ctx, ix, []Recipient{s}, at, opts, &c, &savedState{})
		return c, err
	}
	if err := r.digests(ctx, ix, at, opts, &c); err != nil {
		return c, err
	}
	if opts.Period != "" {
		return c, nil
	}
	err := r.loveMails(ctx, at, opts, &c)
	return c, err
}

// digests makes the digests of every shopper whose digests are on, batch by batch.
func (r *DigestRun) digests(ctx context.Context, ix *index.Index, at time.Time, opts RunOptions, c *RunCounts) error {
	st := &savedState{}
	size := r.Batch
	if size <= 0 {
		size = DefaultBatch
	}
	after := max(opts.FromUserID-1, 0)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		shoppers, err := r.Store.DigestRecipients(ctx, after, size)
		if err != nil {
			return err
		}
		full := len(shoppers) == size
		if shoppers = opts.within(shoppers); len(shoppers) == 0 {
			return nil
		}
		after = shoppers[len(shoppers)-1].UserID
		if err := r.batch(ctx, ix, shoppers, at, opts, c, st); err != nil {
			return err
		}
		if r.Progress != nil {
			r.Progress(c.Considered)
		}
		if !full || (opts.ThroughUserID != 0 && after >= opts.ThroughUserID) {
			return nil
		}
	}
}

// eligible says why a shopper named by hand gets no digest.
func eligible(s Recipient) error {
	switch {
	case !s.HasPreferences:
		return fmt.Errorf("%w: %s has no preferences yet (set them with tagdrop user prefs)", ErrNoDigest, s.Email)
	case s.Frequency == account.NoDigest:
		return fmt.Errorf("%w: %s has digests turned off (frequency off)", ErrNoDigest, s.Email)
	case s.Bounced:
		return fmt.Errorf("%w: mail to %s bounced; fix the address first", ErrNoDigest, s.Email)
	case s.Unconfirmed:
		return fmt.Errorf("%w: %s has not confirmed the address yet (tagdrop user verify confirms it by hand)", ErrNoDigest, s.Email)
	case s.Brands == 0:
		return fmt.Errorf("%w: %s follows no brands", ErrNoDigest, s.Email)
	}
	return nil
}

// batch makes and stores the digests of one batch of shoppers.
func (r *DigestRun) batch(ctx context.Context, ix *index.Index, shoppers []Recipient, at time.Time, opts RunOptions, c *RunCounts, st *savedState) error {
	c.Considered += len(shoppers)
	slots := make([]SlotRef, 0, len(shoppers))
	for _, s := range shoppers {
		loc, err := r.zones.Load(s.TimeZone)
		if err != nil {
			c.Failed++
			r.logger().Warn("digest skipped", "user_id", s.UserID, "error", err)
			continue
		}
		key := opts.Period
		switch {
		case key != "":
		case opts.UserID != 0:
			key = at.In(loc).Format(PeriodLayout)
		default:
			slot, ok := CurrentSlot(s.Frequency, s.DigestHour, loc, at)
			if !ok {
				continue
			}
			key = slot.Key
		}
		slots = append(slots, SlotRef{UserID: s.UserID, Key: key})
	}
	if len(slots) == 0 {
		return nil
	}
	done, err := r.Store.DigestsDone(ctx, slots)
	if err != nil {
		return err
	}
	due := slots[:0]
	for _, s := range slots {
		if !done[s] {
			due = append(due, s)
		}
	}
	c.Due += len(due)
	if len(due) == 0 {
		return nil
	}
	ids := make([]int64, len(due))
	for i, s := range due {
		ids[i] = s.UserID
	}
	prefs, err := r.Store.PreferencesOf(ctx, ids)
	if err != nil {
		return err
	}
	sent, err := r.Store.SentItemsOf(ctx, ids)
	if err != nil {
		return err
	}
	var saved map[int64][]SavedSearch
	var prev map[int64]time.Time
	if r.ParseSearch != nil {
		if saved, err = r.Store.SavedSearchesOf(ctx, ids); err != nil {
			return err
		}
		if prev, err = r.Store.PreviousDigestsOf(ctx, ids); err != nil {
			return err
		}
	}
	loves, err := r.Store.LoveNoticesOf(ctx, ids, at.Add(-LoveWindow))
	if err != nil {
		return err
	}
	activity, err := r.Store.BrandAffinityOf(ctx, ids, at.Add(-clicks.AffinityWindow))
	if err != nil {
		return err
	}
	limit := r.Cap
	if limit <= 0 {
		limit = DefaultCap
	}
	emails := make(map[int64]string, len(shoppers))
	freqs := make(map[int64]account.Frequency, len(shoppers))
	for _, s := range shoppers {
		emails[s.UserID], freqs[s.UserID] = s.Email, s.Frequency
	}
	records := make([]DigestRecord, 0, len(due))
	var offerIDs []int64
	for _, s := range due {
		// Counting every match would rank every one (milliseconds per shopper at a million
		// offers); the matcher stops after MoreCountLimit, and the digest says "N+ more".
		// Brand affinity re-ranks the best AffinityWindow(MoreCountLimit) of them.
		items := MatchWithAffinity(ix, prefs[s.UserID], sent[s.UserID], AffinityOf(activity[s.UserID]), at, MoreCountLimit)
		d := DigestRecord{UserID: s.UserID, PeriodKey: s.Key, At: at}
		var found []Item
		var groups []string
		if len(saved[s.UserID]) > 0 {
			taken := make(map[int64]bool, len(items))
			for _, it := range items {
				taken[it.ProductID] = true
			}
			since := savedSince(prev[s.UserID], freqs[s.UserID], at)
			found, groups = r.savedItems(ctx, ix, st, saved[s.UserID], sent[s.UserID], since, at, taken)
		}
		nb, ns := splitCap(len(items), len(found), limit)
		d.Total = len(items) + len(found)
		d.TotalAtLeast = len(items) == MoreCountLimit
		d.Items = append(items[:nb:nb], found[:ns]...)
		if ns > 0 {
			d.Groups = append(make([]string, nb, nb+ns), groups[:ns]...)
		}
		if ls := loves[s.UserID]; len(ls) > 0 {
			d.Loves, d.LoveAlertIDs = pickLoves(ls)
		}
		for _, it := range d.Items {
			offerIDs = append(offerIDs, it.OfferID)
		}
		records = append(records, d)
	}
	details, err := r.Store.ItemDetails(ctx, offerIDs)
	if err != nil {
		return err
	}
	ready := records[:0]
	for _, d := range records {
		if len(d.Items) > 0 || len(d.Loves) > 0 {
			msg, err := r.render(d, emails[d.UserID], details, r.featured(prefs[d.UserID].Brands))
			if err != nil {
				c.Failed++
				r.logger().Error("digest not rendered", "user_id", d.UserID, "period", d.PeriodKey, "error", err)
				continue
			}
			d.Message = &msg
		}
		ready = append(ready, d)
	}
	r.store(ctx, opts, ready, c)
	return ctx.Err()
}

// store writes the batch in one transaction; when that fails it retries shopper by shopper,
// so one bad digest (say, an offer deleted since the index saw it) costs only itself.
func (r *DigestRun) store(ctx context.Context, opts RunOptions, ds []DigestRecord, c *RunCounts) {
	if len(ds) == 0 {
		return
	}
	storeBatch := r.Store.StoreDigests
	if opts.StoreBatch != nil {
		storeBatch = opts.StoreBatch
	}
	stored, err := storeBatch(ctx, ds)
	if err == nil {
		r.count(ds, stored, c)
		return
	}
	if len(ds) == 1 || ctx.Err() != nil {
		c.Failed += len(ds)
		r.logger().Error("digests not stored", "count", len(ds), "first_user_id", ds[0].UserID, "error", err)
		return
	}
	for _, d := range ds {
		r.store(ctx, opts, []DigestRecord{d}, c)
	}
}

func (r *DigestRun) count(ds []DigestRecord, stored []bool, c *RunCounts) {
	for i, d := range ds {
		switch {
		case i >= len(stored) || !stored[i]:
			c.Skipped++
		case d.Message == nil:
			c.Empty++
		case strings.HasPrefix(d.PeriodKey, LoveSlotPrefix):
			c.LoveMails++
			c.Loves += len(d.LoveAlertIDs)
		default:
			c.Stored++
			c.Items += len(d.Items)
			c.More += d.Total - len(d.Items)
			c.Loves += len(d.LoveAlertIDs)
			for _, g := range d.Groups {
				if g != "" {
					c.Saved++
				}
			}
		}
	}
}

// itemURL is where a digest item links: r.Link's click-out, else the product page.
func (r *DigestRun) itemURL(offerID, productID, userID int64) string {
	if r.Link != nil && offerID != 0 {
		if u, err := r.Link(offerID, productID, userID); err == nil {
			return u
		}
	}
	return "/products/" + strconv.FormatInt(productID, 10)
}

// render turns a digest into its outbox message, featuring the collection featured (nil: none).
func (r *DigestRun) render(d DigestRecord, to string, details map[int64]ItemDetail, featured *notify.FeaturedCollection) (notify.Message, error) {
	nd := notify.Digest{UserID: d.UserID, To: to, MessageID: DigestMessageID(d.UserID, d.PeriodKey, r.BaseURL), Collection: featured,
		More: d.Total - len(d.Items), MoreAtLeast: d.TotalAtLeast, MoreURL: MoreURL, BaseURL: r.BaseURL, Items: make([]notify.DigestItem, len(d.Items))}
	for i, it := range d.Items {
		det := details[it.OfferID]
		nd.Items[i] = notify.DigestItem{ProductID: it.ProductID, OfferID: it.OfferID, Title: it.Title, Brand: it.Brand,
			Size: it.Size, Colour: it.Colour, Retailer: it.Retailer, ImageURL: det.ImageURL,
			URL: r.itemURL(it.OfferID, it.ProductID, d.UserID), Price: it.Price, RegularPrice: it.RegularPrice,
			Currency: it.Currency, DiscountPct: it.DiscountPct, Lowest30d: det.Lowest30d > 0 && it.Price <= det.Lowest30d,
			Questionable: it.Questionable, Reason: it.Reason}
		if i < len(d.Groups) {
			nd.Items[i].Group = d.Groups[i]
		}
	}
	for _, n := range d.Loves {
		li := loveItem(n)
		li.URL = r.itemURL(n.OfferID, n.ProductID, d.UserID)
		nd.Loves = append(nd.Loves, li)
	}
	if r.Unsubscribe != nil {
		u, err := r.Unsubscribe(d.UserID)
		if err != nil {
			return notify.Message{}, err
		}
		nd.UnsubscribeURL = u
	}
	msg, err := notify.RenderDigest(nd)
	if err != nil {
		return notify.Message{}, err
	}
	msg.CreatedAt = d.At
	return msg, nil
}

// DigestMessageID is the fixed Message-ID of a shopper's digest for a slot, so the outbox
// refuses a second copy and a resend carries the same id: "<digest-42-2026-11-26@HOST>", HOST
// from baseURL ("tagdrop" when it has none).
func DigestMessageID(userID int64, periodKey, baseURL string) string {
	host := "tagdrop"
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "<digest-" + strconv.FormatInt(userID, 10) + "-" + periodKey + "@" + host + ">"
}

func (r *DigestRun) logger() *slog.Logger {
	if r.Logger != nil {
		return r.Logger
	}
	return slog.Default()
}
