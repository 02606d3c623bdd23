package feed

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// Options tune how a feed is read. The zero value reads any supported format with the default
// column names, the default price parser and no default currency.
type Options struct {
	// Format is a format name or "auto" (also ""), which detects it from the content.
	Format string
	// ColumnMap says which column of a CSV/TSV feed holds which tagdrop field: field name (see
	// Fields) → the feed's header as written. It overrides the default column names for the
	// fields it names; an empty header ("link": "") stops a field from being read at all.
	// Only the delimited formats (csv, gmc-tsv) use it.
	ColumnMap map[string]string
	// Currency is the ISO 4217 code of prices that do not say theirs: a CSV without a currency
	// column, a Merchant Center XML feed whose prices are bare numbers, or a Shopify store
	// (products.json never names its currency).
	Currency string
	// BaseURL is the store's address (https://shop.example.com), from which Shopify product
	// links are made; without it Shopify items have no link.
	BaseURL string
	// ParsePrice reads a price string into minor units and an ISO 4217 code, using
	// defaultCurrency when the string carries none. Nil means DefaultParsePrice.
	ParsePrice func(s, defaultCurrency string) (minor int64, currency string, err error)
	// MaxRecordBytes bounds one record of a delimited feed (nil: DefaultMaxRecordBytes). A longer
	// record is rejected as one row and reading resumes at the next line.
	MaxRecordBytes int
}

// DefaultMaxRecordBytes is the longest CSV/TSV record read: far above any real product row,
// far below what would strain memory.
const DefaultMaxRecordBytes = 1 << 20

// DefaultParsePrice reads a price the way pricing.Parse does ("1299.00 EUR", "£1,299.00",
// "1.299,00 €", a bare "1299.00" in defaultCurrency), and refuses what is not one definite
// price: no currency from the string or the feed, a range, a "from" price. A sign shared by
// several currencies takes the one defaultCurrency picks ("$" in a CAD feed), else its usual
// meaning ("$" USD, "£" GBP): affiliate feeds nearly always have a currency column, and a
// sign alone in a feed means what a shopper reading it would take it to mean. A cell holding
// two unlabelled prices, the second lower ("$59.99 $44.99", a page's regular and sale price
// copied together), gives the second (pricing.ParseOptions.SalePair).
func DefaultParsePrice(s, defaultCurrency string) (int64, string, error) {
	p, err := pricing.Parse(s, pricing.ParseOptions{Currency: defaultCurrency, SalePair: true})
	switch {
	case err != nil:
		return 0, "", err
	case p.Currency == "":
		return 0, "", fmt.Errorf("price %q names no currency and the feed gives none (name one, e.g. --currency EUR)", s)
	case p.Flags&pricing.FlagRange != 0:
		return 0, "", fmt.Errorf("price %q is a range, not one price", s)
	case p.Flags&pricing.FlagFrom != 0:
		return 0, "", fmt.Errorf("price %q is a lower bound (\"from\"), not a price", s)
	}
	return p.Amount, p.Currency, nil
}

// Tagdrop field names a column map may use: Merchant Center's attribute names plus three that
// affiliate feeds need.
const (
	// FieldCurrency is a column holding the ISO 4217 code of the row's prices.
	FieldCurrency = "currency"
	// FieldRegularPrice is a "was" price (RRP, original price): when it is above price, price
	// is a sale price and this is the regular one.
	FieldRegularPrice = "regular_price"
	// FieldInStock is a yes/no stock flag (1/0, true/false, yes/no, y/n) or a stock quantity,
	// read when the row has no availability text.
	FieldInStock = "in_stock"
	// FieldAttributes is a column of name:value or name=value pairs (Tradedoubler's fields,
	// Magento's additional_attributes) whose colour, size, brand, gender, material, pattern and
	// age group fill those fields when their own columns are absent or empty.
	FieldAttributes = "attributes"
	// FieldSaleStart is the first day (or time) of the sale price, for feeds that date a sale
	// in two columns rather than in sale_price_effective_date; empty is open.
	FieldSaleStart = "sale_price_start"
	// FieldSaleEnd is the last day (or time) of the sale price; a date alone includes that day.
	FieldSaleEnd = "sale_price_end"
)

// fieldSetters fill an Item's string field from a column's value, by tagdrop field name.
var fieldSetters = map[string]func(*Item, string){
	"id":                        func(it *Item, v string) { it.ID = v },
	"title":                     func(it *Item, v string) { it.Title = v },
	"description":               func(it *Item, v string) { it.Description = v },
	"link":                      func(it *Item, v string) { it.Link = v },
	"image_link":                setImage,
	"additional_image_link":     addImages,
	"brand":                     func(it *Item, v string) { it.Brand = v },
	"gtin":                      func(it *Item, v string) { it.GTIN = v },
	"mpn":                       func(it *Item, v string) { it.MPN = v },
	"price":                     func(it *Item, v string) { it.Price = v },
	"sale_price":                func(it *Item, v string) { it.SalePrice = v },
	"sale_price_effective_date": func(it *Item, v string) { it.SalePriceEffectiveDate = v },
	"availability":              func(it *Item, v string) { it.Availability = v },
	"google_product_category":   func(it *Item, v string) { it.GoogleProductCategory = v },
	"product_type":              func(it *Item, v string) { it.ProductType = v },
	"color":                     func(it *Item, v string) { it.Color = v },
	"size":                      func(it *Item, v string) { it.Size = v },
	"size_type":                 func(it *Item, v string) { it.SizeType = v },
	"size_system":               func(it *Item, v string) { it.SizeSystem = v },
	"gender":                    func(it *Item, v string) { it.Gender = v },
	"age_group":                 func(it *Item, v string) { it.AgeGroup = v },
	"material":                  func(it *Item, v string) { it.Material = v },
	"pattern":                   func(it *Item, v string) { it.Pattern = v },
	"item_group_id":             func(it *Item, v string) { it.ItemGroupID = v },
	"condition":                 func(it *Item, v string) { it.Condition = v },
	FieldCurrency:               nil, // read into the row's price context, not the Item
	FieldRegularPrice:           nil,
	FieldInStock:                nil,
	FieldAttributes:             nil,
	FieldSaleStart:              nil,
	FieldSaleEnd:                nil,
}

// setImage sets the item's image; a cell that lists several addresses (idealo's imageUrls,
// "https://…/1.jpg;https://…/2.jpg") gives the first as the image and the rest as additional
// images.
func setImage(it *Item, v string) {
	if !strings.ContainsAny(v, ",;|") {
		it.ImageLink = v
		return
	}
	links := appendImageLinks(nil, v)
	if len(links) == 0 {
		it.ImageLink = v
		return
	}
	it.ImageLink = links[0]
	it.AdditionalImageLinks = append(it.AdditionalImageLinks, links[1:]...)
}

// addImages appends a cell of one or more image URLs (Merchant Center TSV separates several
// with commas; see appendImageLinks). The common cell of one address without a comma is
// appended as it is, with no work beyond trimming.
func addImages(it *Item, v string) {
	if !strings.ContainsAny(v, ",;|") {
		if v = strings.TrimSpace(v); v != "" {
			it.AdditionalImageLinks = append(it.AdditionalImageLinks, v)
		}
		return
	}
	it.AdditionalImageLinks = appendImageLinks(it.AdditionalImageLinks, v)
}

// Fields lists the tagdrop field names a column map may use, sorted.
func Fields() []string {
	out := make([]string, 0, len(fieldSetters))
	for f := range fieldSetters {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// CheckColumnMap reports the first key of m (in sorted order) that is not a tagdrop field.
func CheckColumnMap(m map[string]string) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, ok := fieldSetters[k]; !ok {
			return fmt.Errorf("column map key %q is not a tagdrop field (fields: %s)", k, strings.Join(Fields(), ", "))
		}
	}
	return nil
}
