package alerts

import (
	"context"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/notify"
)

// The states of a stored digest (digests.status).
const (
	// DigestQueued: the digest's message is in the outbox.
	DigestQueued = "queued"
	// DigestEmpty: nothing matched; the row only marks the slot done so it is not retried.
	DigestEmpty = "empty"
)

// Recipient is a candidate of a digest run: an account with preferences and its schedule.
type Recipient struct {
	UserID     int64
	Email      string
	Frequency  account.Frequency
	DigestHour int
	TimeZone   string
	// Bounced, Unconfirmed, Brands (how many brands they follow) and HasPreferences tell why a
	// shopper named by hand gets no digest. The batch listing (DigestRecipients) only returns
	// shoppers with preferences, brands and a confirmed address that has not bounced, and reports
	// Brands as 1 for "at least one". Mail never goes to an address nobody confirmed: anyone can
	// sign up with someone else's address.
	Bounced        bool
	Unconfirmed    bool
	Brands         int
	HasPreferences bool
}

// SlotRef names one shopper's slot.
type SlotRef struct {
	UserID int64
	Key    string
}

// ItemDetail is what a digest shows of an offer that the index does not hold.
type ItemDetail struct {
	ImageURL string
	// Lowest30d is the lowest price of the offer in the last 30 days; 0 when unknown.
	Lowest30d int64
}

// DigestRecord is one shopper's digest for one slot, as the run hands it to the store; a
// love-alert mail is one too, with a LoveSlotPrefix period key and Loves only.
type DigestRecord struct {
	UserID    int64
	PeriodKey string
	// Items are the items shown, in order (at most the cap); their prices become sent history.
	Items []Item
	// Groups[i] names the section of Items[i]: SavedGroup(name) for a saved search's match,
	// "" for a brand match. Nil when every item is a brand match.
	Groups []string
	// Loves are the love alerts shown (one per love); LoveAlertIDs every alert the message
	// delivers by e-mail (the shown ones and older ones of the same loves). The store records
	// their e-mail delivery with the digest.
	Loves        []LoveNotice
	LoveAlertIDs []int64
	// Total counts every match, shown or not, up to MoreCountLimit brand matches; TotalAtLeast
	// says the count stopped there ("and 170+ more").
	Total        int
	TotalAtLeast bool
	// Message is the rendered mail for the outbox; nil for an empty digest.
	Message *notify.Message
	// At is when the run made it (created_at, sent_at of the history).
	At time.Time
}

// Status is the digests.status the record is stored with.
func (d DigestRecord) Status() string {
	if d.Message == nil {
		return DigestEmpty
	}
	return DigestQueued
}

// DigestStore is what a digest run reads and writes; the store implements it. Every method
// works on a batch, so a run costs a few statements per batch, never one per shopper per item.
type DigestStore interface {
	// DigestRecipients lists shoppers with id > after, by id, at most limit, who may get a digest:
	// frequency not off, at least one brand, an address that has not bounced.
	DigestRecipients(ctx context.Context, after int64, limit int) ([]Recipient, error)
	// DigestRecipient reads one shopper by id, whatever their state; ErrNotFound-wrapping when
	// there is no such user.
	DigestRecipient(ctx context.Context, userID int64) (Recipient, error)
	// DigestsDone reports which of the slots already have a digest (stored or empty).
	DigestsDone(ctx context.Context, slots []SlotRef) (map[SlotRef]bool, error)
	// PreferencesOf reads the standing requests of the shoppers.
	PreferencesOf(ctx context.Context, userIDs []int64) (map[int64]account.Preferences, error)
	// SentItemsOf reads the shoppers' sent history: user → offer → price sent.
	SentItemsOf(ctx context.Context, userIDs []int64) (map[int64]map[int64]int64, error)
	// ItemDetails reads the offers' images and 30-day lows by store offer id.
	ItemDetails(ctx context.Context, offerIDs []int64) (map[int64]ItemDetail, error)
	// SavedSearchesOf reads the shoppers' saved searches, each shopper's by name.
	SavedSearchesOf(ctx context.Context, userIDs []int64) (map[int64][]SavedSearch, error)
	// PreviousDigestsOf reads when each shopper's latest digest (stored or empty, love-alert
	// mails aside) was made; a shopper without one is absent.
	PreviousDigestsOf(ctx context.Context, userIDs []int64) (map[int64]time.Time, error)
	// LoveNoticesOf reads the shoppers' love alerts created at or after since that e-mail has
	// not delivered yet.
	LoveNoticesOf(ctx context.Context, userIDs []int64, since time.Time) (map[int64][]LoveNotice, error)
	// BrandAffinityOf reads the shoppers' brand activity since since (clicks within the window,
	// current loves) for AffinityOf; shoppers without any are absent.
	BrandAffinityOf(ctx context.Context, userIDs []int64, since time.Time) (map[int64][]clicks.BrandAffinity, error)
	// LoveMailRecipients lists shoppers with id > after, by id, at most limit, whose address has
	// not bounced, whose digests are not off (preferences absent or frequency other than off),
	// and who have a love alert created in [from, to] that neither e-mail nor push
	// delivered; their digest hour and time zone (8 and UTC without preferences).
	LoveMailRecipients(ctx context.Context, after int64, limit int, from, to time.Time) ([]Recipient, error)
	// StoreDigests stores the digests in one transaction: for each, the digests row, its items,
	// its outbox message, the sent history and the e-mail delivery of its love alerts. A digest
	// whose slot is already stored is left out, with everything of it; stored[i] says whether
	// ds[i] was written.
	StoreDigests(ctx context.Context, ds []DigestRecord) (stored []bool, err error)
}
