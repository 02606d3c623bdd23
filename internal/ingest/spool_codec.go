package ingest

import (
	"encoding/binary"
	"errors"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// The spool's record format: each listing is a uvarint length and then its fields in a fixed
// order, integers as varints, strings as a uvarint length and their bytes, times as Unix
// nanoseconds (0 for the zero time). Decoding turns a record into one string and slices every
// field out of it: one allocation per listing instead of one per field. gob, used before, cost
// three times as much CPU per item and wrote type information we do not need.
//
// Every field of listing is written: TestSpoolCodecRoundTrip fills each field by reflection and
// fails when a field added to listing, catalog.Product, catalog.Offer or catalog.KeyParts is
// not carried through.

// appendListing appends l's record to b.
func appendListing(b []byte, l *listing) []byte {
	start := len(b)
	b = append(b, 0, 0, 0, 0, 0) // room for the length, moved if shorter
	b = binary.AppendVarint(b, int64(l.line))
	b = appendStr(b, l.brand)
	b = binary.AppendUvarint(b, uint64(len(l.category)))
	for _, c := range l.category {
		b = appendStr(b, c)
	}
	k := &l.keyParts
	for _, s := range [...]string{k.Brand, k.MPN, k.GroupID, k.Retailer, k.GTIN, k.Title, k.Color} {
		b = appendStr(b, s)
	}
	p := &l.product
	b = binary.AppendVarint(b, p.ID)
	b = binary.AppendVarint(b, p.BrandID)
	b = binary.AppendVarint(b, p.CategoryID)
	for _, s := range [...]string{p.Key, p.Brand, p.Category, p.Title, p.Description, p.Color, p.ColorFamily, p.Material,
		p.Gender, p.ImageURL, p.GTIN, p.MPN} {
		b = appendStr(b, s)
	}
	b = appendTime(b, p.CreatedAt)
	o := &l.offer
	b = binary.AppendVarint(b, o.ID)
	b = binary.AppendVarint(b, o.RetailerID)
	b = binary.AppendVarint(b, o.ProductID)
	b = binary.AppendVarint(b, o.Price)
	b = binary.AppendVarint(b, o.RegularPrice)
	for _, s := range [...]string{o.Retailer, o.ItemID, o.URL, o.Size, o.SizeSystem, o.Color, o.Currency, string(o.Availability)} {
		b = appendStr(b, s)
	}
	b = appendTime(b, o.FirstSeenAt)
	b = appendTime(b, o.LastSeenAt)
	b = appendTime(b, o.UpdatedAt)
	b = binary.LittleEndian.AppendUint64(b, l.hash)

	// Write the body's length in front of it, in as few bytes as it takes.
	body := len(b) - start - 5
	var n [binary.MaxVarintLen64]byte
	w := binary.PutUvarint(n[:], uint64(body))
	copy(b[start+w:], b[start+5:])
	copy(b[start:], n[:w])
	return b[:start+w+body]
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return binary.AppendVarint(b, 0)
	}
	return binary.AppendVarint(b, t.UnixNano())
}

var errBadRecord = errors.New("spool record is corrupt")

// recordDecoder reads the fields of one record, in appendListing's order.
type recordDecoder struct {
	s   string // the record, as one string the fields are sliced from
	i   int
	err error
}

func (d *recordDecoder) int() int64 {
	u := d.uint() // binary.AppendVarint's zig-zag form
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *recordDecoder) uint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.i >= len(d.s) {
			break
		}
		c := d.s[d.i]
		d.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail()
	return 0
}

func (d *recordDecoder) str() string {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.s)-d.i) {
		d.fail()
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

func (d *recordDecoder) time() time.Time {
	if v := d.int(); v != 0 {
		return time.Unix(0, v).UTC()
	}
	return time.Time{}
}

func (d *recordDecoder) fail() {
	if d.err == nil {
		d.err = errBadRecord
	}
	d.i = len(d.s)
}

// decodeListing decodes one record's body (without its length).
func decodeListing(rec string) (listing, error) {
	d := recordDecoder{s: rec}
	var l listing
	l.line = int(d.int())
	l.brand = d.str()
	if n := d.uint(); n > 0 && n <= uint64(len(rec)) {
		l.category = make([]string, n)
		for i := range l.category {
			l.category[i] = d.str()
		}
	} else if n > 0 {
		d.fail()
	}
	k := &l.keyParts
	for _, f := range [...]*string{&k.Brand, &k.MPN, &k.GroupID, &k.Retailer, &k.GTIN, &k.Title, &k.Color} {
		*f = d.str()
	}
	p := &l.product
	p.ID, p.BrandID, p.CategoryID = d.int(), d.int(), d.int()
	for _, f := range [...]*string{&p.Key, &p.Brand, &p.Category, &p.Title, &p.Description, &p.Color, &p.ColorFamily,
		&p.Material, &p.Gender, &p.ImageURL, &p.GTIN, &p.MPN} {
		*f = d.str()
	}
	p.CreatedAt = d.time()
	o := &l.offer
	o.ID, o.RetailerID, o.ProductID, o.Price, o.RegularPrice = d.int(), d.int(), d.int(), d.int(), d.int()
	var avail string
	for _, f := range [...]*string{&o.Retailer, &o.ItemID, &o.URL, &o.Size, &o.SizeSystem, &o.Color, &o.Currency, &avail} {
		*f = d.str()
	}
	o.Availability = catalog.Availability(avail)
	o.FirstSeenAt, o.LastSeenAt, o.UpdatedAt = d.time(), d.time(), d.time()
	if d.err == nil && len(d.s)-d.i == 8 {
		for i := 7; i >= 0; i-- {
			l.hash = l.hash<<8 | uint64(d.s[d.i+i])
		}
		d.i += 8
	} else {
		d.fail()
	}
	return l, d.err
}
