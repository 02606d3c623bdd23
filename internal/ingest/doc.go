// Package ingest imports product feeds into the catalogue: it reads a feed item by item,
// normalises each (brand, category, product keys, availability, money) and writes them in
// batches, one transaction each, keeping a price history that grows only when something changes.
//
// # Read whole, then apply
//
// An import has two phases. Reading streams the feed, normalises each item and holds it in a
// spool (memory up to a budget, then an unlinked temporary file, so memory stays flat); nothing
// is written. Normalising runs on every core in chunks while the reader scans on, and the
// chunks reach the spool in feed order, so the spool is what a serial read would have made
// (normalise_parallel.go). Applying then writes the spooled items in item id order (the order
// of the offers' (retailer, item id) index, so that a batch works on one stretch of each big
// index rather than all of it: spool_order.go), in batches (of 2,000, growing in a big run:
// batchsize.go; the next one decoded while one is written) on a connection of the run's own,
// each one transaction that compares the items with the stored state and writes only what
// moved: offers, price changes, the sale events they raise and the offers' derived figures
// (30-day low, all-time low, questionable discount) together. A complete feed (Options.Full)
// then marks the offers it lacks as gone, and the retailer's offers whose 30-day window moved
// get their figures refreshed.
//
// A complete feed skips what it has already applied: each offer keeps a hash of the feed record
// it came from (with the normaliser's version, the options normalising reads and the price the
// record gives at the time it is seen), and an item whose record hashes the same on a live
// offer is not touched: neither normalised, spooled, compared nor written; that it was seen,
// the run's one mark on the retailer records for all such offers at once (gone.go,
// store.CatalogTx.MarkFullFeedSeen) (feedhash.go). New
// offers are written with the figures of their one-point history, computed in Go.
//
// Noise control follows from the split. A feed that breaks while being read (bad XML half-way,
// a dropped connection, a cancelled context) changes nothing and raises no events, complete or
// not. A complete feed whose usable items are fewer than Options.MinShare (default half) of the
// retailer's last good complete feed is suppressed before anything is written: the run is
// recorded as "suppressed" with the reason and Import returns ErrSuppressed. Partial feeds are
// not size-checked: a delta feed is small by nature.
//
// A crash or error while applying leaves whole batches behind, each consistent. Applying is
// idempotent, because every write is decided by comparing with the stored state: running the
// same feed again (same ObservedAt) finds the applied items unchanged and writes no price row
// or event for them, applies the rest, and marks gone what the interrupted run never reached,
// converging to the state one uninterrupted run leaves. The interrupted run is not a good run,
// so the rerun is checked against the one before it, and it is not stale.
//
// # Products
//
// Offers of one product, at one retailer or many, find each other through product keys
// (catalog.ProductKeys): each batch loads the owners of all its items' keys in one query, and an
// item joins the product its most trusted known key names, registering its other keys to it;
// when its GTIN, MPN or group key names another product, the two are one and the younger is
// merged into the oldest (identity.go, identity_merge.go). A product's descriptive fields
// belong to the offer that created it; other offers only fill empty fields, so importing
// retailers in any order rewrites no product; a tracked page never writes a product a listed
// retailer sells (productfields.go).
//
// Trade-off: the spool costs one pass of encoding for feeds past the memory budget, and a
// feed's changes appear only once it has been read whole, not batch by batch as it streams in.
// We did not stage items in a database table: a rerun reads the feed again anyway, so staged
// rows would buy no resumability, while doubling the rows written per import and holding them
// in the shared database (on PostgreSQL, every web node's) for the length of the read.
package ingest
