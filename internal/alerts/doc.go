// Package alerts is tagdrop's match engine: it finds the sale items one shopper's standing
// request asks for and ranks them for a digest.
//
// A request is "sale items of brands B, in my sizes S for each size kind, in categories C, at
// most price P, at least discount D, not sent before". Match evaluates it as set algebra over
// the index's roaring bitmaps (brand → products → offers, AND on sale, AND the union of the
// shopper's sizes in stock with one-size offers, AND NOT questionable when hidden), then checks
// only the few survivors one by one (price limit, discount, sent history) against the offer
// details the index holds (Index.OfferDetail), and ranks them (see Score). No SQL runs per shopper or per item.
package alerts
