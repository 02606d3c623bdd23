// Package index is tagdrop's in-memory search index: full text, filters, facets and sorts over
// products and their offers, built from the store at start and kept current with Upsert and
// Delete as imports land. It holds no SQL: a Loader feeds it.
//
// Posting lists are roaring bitmaps keyed by dense uint32 ids, one id space for products and
// one for offers, so the same sets serve the per-shopper matcher (Brands, SizeInStock, OnSale,
// …) as plain set algebra.
//
// # Semantics
//
// A product matches a query when its own fields pass the product filters (text, brand,
// category with its descendants, colour family, material, gender) and at least one of its
// offers passes every offer filter at once (size in stock, retailer, price range, minimum
// discount, on sale, questionable hidden, new since). Out-of-stock offers never match: an
// offer is available unless its availability is out_of_stock (in stock, preorder and unknown
// count). The best offer of a hit is its cheapest matching offer (by price in the base
// currency, then offer id).
//
// Facets are multi-select: the counts of one facet apply every selection except that facet's
// own, and count products, each once per value.
//
// Sorts order products by: relevance (text score, then newest); biggest discount (the largest
// discount among matching offers); price low or high (the best offer's price); newest (the
// latest first-seen time among matching offers); biggest recent drop (the largest price drop
// among matching offers within Query.DropWindow of Query.Now). Ties always break on product id,
// ascending, so paging is stable.
package index
