package alerts

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/notify"
)

// Love alerts by e-mail. Delivery channels record their deliveries separately: e-mail in
// love_alert_deliveries (channel "email", written in the transaction that stores the mail),
// web push in love_alerts.delivered_at. The rule:
//
//   - A digest shows, under "Your loves", every alert of the shopper's loves that e-mail has not
//     delivered yet (pushed or not: the digest is the shopper's record), one line per love.
//   - A shopper who gets no digest that day — no brands followed, no preferences yet, or not a
//     digest day of their frequency — gets a small love-alert mail at their digest hour (08:00
//     UTC without preferences), at most one a day, with the alerts that neither channel has
//     delivered and that are at least LovePushGrace old: push had its chance first.
//   - Digests off means no mail at all (it is what one-click unsubscribe sets): such shoppers
//     get love alerts by push and on /loves. Alerts older than LoveWindow are never mailed;
//     bounced addresses get nothing.

// Love alert mail settings.
const (
	// LoveWindow is how old an alert may be and still be mailed.
	LoveWindow = 14 * 24 * time.Hour
	// LovePushGrace is how long a love-alert mail leaves an alert to web push.
	LovePushGrace = 30 * time.Minute
	// MaxLoves is how many loves one mail shows (the rest come next time).
	MaxLoves = 10
	// LoveSlotPrefix starts the period key of a love-alert mail: "loves-2026-11-26".
	LoveSlotPrefix = "loves-"
)

// LoveNotice is a love alert e-mail has not delivered yet, with what a mail shows of it.
type LoveNotice struct {
	AlertID   int64
	LoveID    int64
	UserID    int64
	ProductID int64
	Title     string
	Brand     string
	Size      string // the love's chosen size; "" for any
	Retailer  string // of the alert's offer, when known
	ImageURL  string
	LoveAlert
	CreatedAt time.Time
	// Pushed is true when web push delivered it (love_alerts.delivered_at is set).
	Pushed bool
}

// pickLoves keeps one notice per love (its newest alert), newest first, at most MaxLoves, and
// returns them with the ids of every alert of those loves, which the mail delivers.
func pickLoves(ns []LoveNotice) (shown []LoveNotice, ids []int64) {
	ns = append([]LoveNotice(nil), ns...)
	sort.SliceStable(ns, func(i, j int) bool {
		if !ns[i].CreatedAt.Equal(ns[j].CreatedAt) {
			return ns[i].CreatedAt.After(ns[j].CreatedAt)
		}
		return ns[i].AlertID > ns[j].AlertID
	})
	at := map[int64]bool{}
	for _, n := range ns {
		if !at[n.LoveID] && len(shown) < MaxLoves {
			at[n.LoveID] = true
			shown = append(shown, n)
		}
	}
	for _, n := range ns {
		if at[n.LoveID] {
			ids = append(ids, n.AlertID)
		}
	}
	return shown, ids
}

// LoveNote says in a few words what happened to a love.
func LoveNote(n LoveNotice) string {
	switch n.Kind {
	case PriceDropped:
		return "Price drop"
	case TargetReached:
		return "Reached your target price"
	case BackInStock:
		return "Back in stock in your size"
	case PriceProtection:
		return "Below the price you paid: claim the difference of " + catalog.FormatMoney(n.PreviousPrice-n.Price, n.Currency)
	}
	return strings.ReplaceAll(string(n.Kind), "_", " ")
}

// loveItem is a notice as the mail shows it: the price now, and the price before (the
// baseline, or what the shopper paid) struck through.
func loveItem(n LoveNotice) notify.DigestItem {
	it := notify.DigestItem{ProductID: n.ProductID, OfferID: n.OfferID, Title: n.Title, Brand: n.Brand, Size: n.Size,
		Retailer: n.Retailer, ImageURL: n.ImageURL, URL: "/products/" + strconv.FormatInt(n.ProductID, 10),
		Price: n.Price, Currency: n.Currency, Note: LoveNote(n)}
	if n.Kind != BackInStock && n.PreviousPrice > n.Price {
		it.RegularPrice = n.PreviousPrice
	}
	return it
}

// loveMails makes the day's love-alert mails of shoppers who get no digest (see the rule
// above), in keyset batches like the digests.
func (r *DigestRun) loveMails(ctx context.Context, at time.Time, opts RunOptions, c *RunCounts) error {
	size := r.Batch
	if size <= 0 {
		size = DefaultBatch
	}
	from, to := at.Add(-LoveWindow), at.Add(-LovePushGrace)
	after := max(opts.FromUserID-1, 0)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		shoppers, err := r.Store.LoveMailRecipients(ctx, after, size, from, to)
		if err != nil {
			return err
		}
		full := len(shoppers) == size
		if shoppers = opts.within(shoppers); len(shoppers) == 0 {
			return nil
		}
		after = shoppers[len(shoppers)-1].UserID
		if err := r.loveBatch(ctx, shoppers, at, opts, c); err != nil {
			return err
		}
		if !full || (opts.ThroughUserID != 0 && after >= opts.ThroughUserID) {
			return nil
		}
	}
}

func (r *DigestRun) loveBatch(ctx context.Context, shoppers []Recipient, at time.Time, opts RunOptions, c *RunCounts) error {
	var slots []SlotRef
	for _, s := range shoppers {
		loc, err := r.zones.Load(s.TimeZone)
		if err != nil {
			c.Failed++
			r.logger().Warn("love alert mail skipped", "user_id", s.UserID, "error", err)
			continue
		}
		slot, ok := CurrentSlot(account.Daily, s.DigestHour, loc, at)
		if !ok {
			continue
		}
		// The day's digest (if one was made) delivered the loves already, or will.
		slots = append(slots, SlotRef{UserID: s.UserID, Key: slot.Key}, SlotRef{UserID: s.UserID, Key: LoveSlotPrefix + slot.Key})
	}
	if len(slots) == 0 {
		return nil
	}
	done, err := r.Store.DigestsDone(ctx, slots)
	if err != nil {
		return err
	}
	var due []SlotRef
	for i := 0; i < len(slots); i += 2 {
		if !done[slots[i]] && !done[slots[i+1]] {
			due = append(due, slots[i+1])
		}
	}
	if len(due) == 0 {
		return nil
	}
	ids := make([]int64, len(due))
	for i, s := range due {
		ids[i] = s.UserID
	}
	notices, err := r.Store.LoveNoticesOf(ctx, ids, at.Add(-LoveWindow))
	if err != nil {
		return err
	}
	emails := make(map[int64]string, len(shoppers))
	for _, s := range shoppers {
		emails[s.UserID] = s.Email
	}
	var ready []DigestRecord
	for _, s := range due {
		var waiting []LoveNotice
		for _, n := range notices[s.UserID] {
			if !n.Pushed && !n.CreatedAt.After(at.Add(-LovePushGrace)) {
				waiting = append(waiting, n)
			}
		}
		if len(waiting) == 0 {
			continue // e-mail or push got there since the shopper was listed
		}
		d := DigestRecord{UserID: s.UserID, PeriodKey: s.Key, At: at}
		d.Loves, d.LoveAlertIDs = pickLoves(waiting)
		msg, err := r.render(d, emails[s.UserID], nil, nil)
		if err != nil {
			c.Failed++
			r.logger().Error("love alert mail not rendered", "user_id", s.UserID, "period", s.Key, "error", err)
			continue
		}
		d.Message = &msg
		ready = append(ready, d)
	}
	r.store(ctx, opts, ready, c)
	return ctx.Err()
}
