package clicks

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Target is where an offer's click-out goes and what its click is recorded against.
type Target struct {
	OfferID    int64
	ProductID  int64
	BrandID    int64 // 0 when the product has no brand
	RetailerID int64
	URL        string // the offer's page at the retailer
	Gone       bool   // the retailer no longer lists the offer
}

// Lookup reads targets and affiliate templates: the store in production.
type Lookup interface {
	// OfferTarget returns an offer's target; found is false for an offer that does not exist.
	OfferTarget(ctx context.Context, offerID int64) (t Target, found bool, err error)
	// AffiliateTemplates returns every retailer's non-empty template by retailer id.
	AffiliateTemplates(ctx context.Context) (map[int64]string, error)
}

// Config tunes a Service; zero fields take the defaults.
type Config struct {
	// CacheSize is how many offers' targets are kept in memory (default 100000; negative: none,
	// which is only for measuring what the cache saves).
	CacheSize int
	// CacheTTL is how long a cached target or template set is trusted (default 1 minute): the
	// longest a changed offer URL, a gone offer or another node's template change takes to show.
	CacheTTL time.Duration
}

// Service answers click-outs: it verifies tokens, finds targets through its cache, applies
// affiliate templates and hands the click to its Recorder.
type Service struct {
	signer *Signer
	lookup Lookup
	rec    *Recorder
	log    *slog.Logger
	cache  *targetCache
	ttl    time.Duration
	now    func() time.Time

	templates  atomic.Pointer[templateSet]
	refreshing atomic.Bool
	reload     sync.Mutex

	lookups atomic.Int64 // database lookups of targets (cache misses)
}

type templateSet struct {
	byRetailer map[int64]Template
	loaded     time.Time
}

// NewService builds the click-out service and loads the affiliate templates once. A stored
// template that no longer validates is logged and ignored (the plain offer URL is used).
func NewService(ctx context.Context, signer *Signer, lookup Lookup, rec *Recorder, cfg Config, logger *slog.Logger) (*Service, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.CacheSize == 0 {
		cfg.CacheSize = 100000
	}
	if cfg.CacheTTL <= 0 {
		cfg.CacheTTL = time.Minute
	}
	s := &Service{signer: signer, lookup: lookup, rec: rec, log: logger, cache: newTargetCache(cfg.CacheSize, cfg.CacheTTL),
		ttl: cfg.CacheTTL, now: time.Now}
	if err := s.ReloadTemplates(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Signer is the service's token signer, for building links (Signer.URL).
func (s *Service) Signer() *Signer { return s.signer }

// Recorder is where the service records clicks.
func (s *Service) Recorder() *Recorder { return s.rec }

// URL is Signer.URL for callers that cannot act on an error: a link that cannot be signed
// (a bad id or source, a programming error) is "", and the caller shows no link.
func (s *Service) URL(base string, offerID, productID int64, source Source, userID int64) string {
	u, err := s.signer.URL(base, offerID, productID, source, userID)
	if err != nil {
		s.log.Error("click-out link not built", "offer_id", offerID, "err", err)
		return ""
	}
	return u
}

// TokenURL is Signer.TokenURL for callers that cannot act on an error: a link that cannot be
// signed is "", and the caller shows no link.
func (s *Service) TokenURL(base string, t Token) string {
	u, err := s.signer.TokenURL(base, t)
	if err != nil {
		s.log.Error("click-out link not built", "offer_id", t.OfferID, "collection_id", t.CollectionID, "err", err)
		return ""
	}
	return u
}

// ReloadTemplates reads every retailer's affiliate template again; the admin page calls it
// after a change so this node applies it at once.
func (s *Service) ReloadTemplates(ctx context.Context) error {
	s.reload.Lock()
	defer s.reload.Unlock()
	raw, err := s.lookup.AffiliateTemplates(ctx)
	if err != nil {
		return fmt.Errorf("affiliate templates: %w", err)
	}
	set := &templateSet{byRetailer: make(map[int64]Template, len(raw)), loaded: s.now()}
	for id, r := range raw {
		t, err := ParseTemplate(r)
		if err != nil {
			s.log.Warn("affiliate template ignored", "retailer_id", id, "err", err)
			continue
		}
		set.byRetailer[id] = t
	}
	s.templates.Store(set)
	return nil
}

// Decision is what a click-out answers.
type Decision struct {
	// Location is the retailer URL (affiliate template applied), or "" when the shopper goes to
	// the product's page on tagdrop instead (ProductPath).
	Location string
	// ProductPath is the product's page on tagdrop ("/products/ID"): the fallback for an offer
	// that is gone, deleted or has no safe URL.
	ProductPath string
	// Recorded is false when the click was not queued (a fallback, or the recorder dropped it).
	Recorded bool
}

// Resolve answers the token raw. sessionUser is the signed-in shopper (0 for none), used when
// the link names nobody. record false answers without recording (a HEAD request: link
// previewers and mail scanners, not shoppers). Only ErrBadToken and lookup failures are errors.
func (s *Service) Resolve(ctx context.Context, raw string, sessionUser int64, record bool) (Decision, error) {
	tok, err := s.signer.Verify(raw)
	if err != nil {
		return Decision{}, err
	}
	d := Decision{ProductPath: "/products/" + strconv.FormatInt(tok.ProductID, 10)}
	t, found, err := s.target(ctx, tok.OfferID)
	if err != nil {
		return Decision{}, err
	}
	if found && t.ProductID != tok.ProductID {
		// The offer moved to another product (catalogue merges): follow the offer, and fall
		// back to the product it belongs to now.
		d.ProductPath = "/products/" + strconv.FormatInt(t.ProductID, 10)
	}
	if !found || t.Gone {
		return d, nil
	}
	loc, err := s.templateFor(t.RetailerID).Apply(t.URL, tok.Source)
	if err != nil {
		return d, nil // an unsafe stored URL never leaves tagdrop; the product page still helps
	}
	d.Location = loc
	user := tok.UserID
	if user == 0 {
		user = sessionUser
	}
	if s.rec != nil && record {
		d.Recorded = s.rec.Record(Click{OfferID: t.OfferID, ProductID: t.ProductID, BrandID: t.BrandID, RetailerID: t.RetailerID,
			UserID: user, CollectionID: tok.CollectionID, Source: tok.Source, At: s.now()}) == nil
	}
	return d, nil
}

// DBLookups counts the target lookups that missed the cache.
func (s *Service) DBLookups() int64 { return s.lookups.Load() }

func (s *Service) target(ctx context.Context, id int64) (Target, bool, error) {
	now := s.now()
	if t, found, ok := s.cache.get(id, now); ok {
		return t, found, nil
	}
	s.lookups.Add(1)
	t, found, err := s.lookup.OfferTarget(ctx, id)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return Target{}, false, err
		}
		return Target{}, false, fmt.Errorf("click-out offer %d: %w", id, err)
	}
	s.cache.put(id, t, found, now)
	return t, found, nil
}

// templateFor returns a retailer's template, refreshing the set in the background once it is
// older than the TTL (changes made on other nodes).
func (s *Service) templateFor(retailer int64) Template {
	set := s.templates.Load()
	if s.now().Sub(set.loaded) > s.ttl && s.refreshing.CompareAndSwap(false, true) {
		go func() {
			defer s.refreshing.Store(false)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := s.ReloadTemplates(ctx); err != nil {
				s.log.Warn("affiliate templates not refreshed", "err", err)
			}
		}()
	}
	return set.byRetailer[retailer]
}
