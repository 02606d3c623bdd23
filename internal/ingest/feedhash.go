package ingest

import (
	"encoding/binary"
	"hash/crc32"
	"slices"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// An import of a complete feed skips the records it has already applied. Each offer keeps the
// hash of the record it was last applied from (offers.feed_hash); an item of the feed whose
// record hashes the same, on an offer that is not gone, is left alone: it is neither
// normalised nor spooled nor compared with the stored state nor written (the run's mark on the
// retailer says it was seen). Anything else is applied as
// before, and its hash stored with it in the batch's transaction, so a run that fails or is
// suppressed leaves the old hashes, and a rerun re-applies exactly what did not commit.
//
// The hash covers everything normalising the item depends on, so that "same hash" means "same
// listing": every field the reader read (the record as far as tagdrop can see it), the price
// it gives at the time the feed was seen (a sale window may open with the record unchanged),
// and the run's salt: normaliserVersion, the import's options that normalising reads
// (currency, base URL, column map) and a fingerprint of the taxonomy.

// normaliserVersion names the rules normalise applies (normalise.go, the memo, and the tables
// in catalog: brands, taxonomy, sizes, colours; the price parser in pricing). Change it whenever they change what a
// listing holds: every stored feed hash then stops matching and the next import of each
// retailer re-normalises all its items. TestNormaliserVersion fails when the listings of a
// fixed set of items change without it.
const normaliserVersion = 31

// feedHasher hashes feed items for one run. Not safe for concurrent use.
type feedHasher struct {
	salt []byte // the run's salt, written first
	buf  []byte
}

func newFeedHasher(version int, opts Options, tb tables, retailerSlug string) *feedHasher {
	salt := strconv.AppendInt(nil, int64(version), 10)
	salt = appendField(salt, retailerSlug)
	salt = appendField(salt, opts.Currency)
	salt = appendField(salt, opts.BaseURL)
	cols := make([]string, 0, len(opts.ColumnMap))
	for k := range opts.ColumnMap {
		cols = append(cols, k)
	}
	slices.Sort(cols)
	for _, k := range cols {
		salt = appendField(appendField(salt, k), opts.ColumnMap[k])
	}
	salt = binary.LittleEndian.AppendUint64(salt, taxonomyFingerprint(tb.taxonomy))
	salt = binary.LittleEndian.AppendUint64(salt, uint64(tb.brands.Len()))
	return &feedHasher{salt: salt}
}

// hash is the 64-bit hash of item it as seen at time at (never 0, which means "no hash"):
// CRC-32C and CRC-32 (IEEE) of the same bytes side by side. Both are hardware-assisted on
// common CPUs (~8 GB/s together), and as two distinct degree-32 polynomials they miss a change
// only when its error polynomial is a multiple of both: about one change in 2^64.
func (h *feedHasher) hash(it feed.Item, at time.Time) uint64 {
	b := append(h.buf[:0], h.salt...)
	for _, s := range [...]string{it.ID, it.Title, it.Description, it.Link, it.ImageLink, it.Brand, it.GTIN, it.MPN,
		it.Price, it.SalePrice, it.SalePriceEffectiveDate, it.Availability, it.GoogleProductCategory, it.ProductType,
		it.Color, it.Size, it.SizeType, it.SizeSystem, it.Gender, it.AgeGroup, it.Material, it.Pattern, it.ItemGroupID,
		it.Condition, it.Currency} {
		b = appendField(b, s)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(it.AdditionalImageLinks)))
	for _, s := range it.AdditionalImageLinks {
		b = appendField(b, s)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(it.RegularPrice))
	b = binary.LittleEndian.AppendUint64(b, uint64(it.SaleAmount))
	b = binary.LittleEndian.AppendUint64(b, uint64(it.PriceAt(at)))
	h.buf = b
	v := uint64(crc32.Checksum(b, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(b))
	if v == 0 {
		v = 1
	}
	return v
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// appendField appends s with its length, so that fields cannot run into each other.
func appendField(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

// taxonomyFingerprint hashes a taxonomy's nodes: an import with another taxonomy file places
// items differently, so its items must not match hashes stored under the old one.
func taxonomyFingerprint(t *catalog.Taxonomy) uint64 {
	var b []byte
	for _, n := range t.Nodes() {
		b = binary.LittleEndian.AppendUint64(b, uint64(n.ID))
		b = appendField(b, n.Path)
		b = appendField(b, n.SizeKind)
	}
	return uint64(crc32.Checksum(b, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(b))
}
