package main

import (
	"log/slog"
	"net/netip"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// trackFetchTimeout bounds fetching one pasted product page: a shopper is waiting.
const trackFetchTimeout = 30 * time.Second

// newShopperPageImporter imports the product pages shoppers paste (web /track and the
// tracked-page checker) through the guarded client with no exceptions: the operator's
// --allow-private list is for the operator's own feeds and never opens private addresses to
// shoppers. Tests wire their own importer.
func newShopperPageImporter(db *store.DB, logger *slog.Logger) *ingest.PageImporter {
	return newPageImporter(db, logger, nil)
}

// newPageImporter imports product pages through the guarded client; allow is --allow-private,
// for the operator's own imports (tagdrop import --format html) in local testing only.
func newPageImporter(db *store.DB, logger *slog.Logger, allow []netip.Prefix) *ingest.PageImporter {
	client := fetch.New(fetch.Config{Timeout: trackFetchTimeout, MaxBytes: ingest.MaxTrackedPageBytes, UserAgent: userAgent(), Allow: allow})
	return ingest.NewPageImporter(ingest.New(db, logger), db, client)
}
