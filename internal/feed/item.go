package feed

import (
	"time"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// Item is one product variant as a feed gives it. The string fields are the feed's values,
// trimmed but otherwise untouched (normalising them is the ingest package's work); the fields
// after them are parsed and checked by the reader.
type Item struct {
	// Line is the line of the file on which the item starts.
	Line int

	ID                     string
	Title                  string
	Description            string
	Link                   string
	ImageLink              string
	AdditionalImageLinks   []string
	Brand                  string
	GTIN                   string
	MPN                    string
	Price                  string // "1299.00 EUR"
	SalePrice              string
	SalePriceEffectiveDate string // "2021-02-24T11:07+0100/2021-02-29T23:07+0100"
	Availability           string
	GoogleProductCategory  string // a numeric taxonomy id or a "A > B > C" text path
	ProductType            string // the retailer's own "A > B > C" path
	Color                  string
	Size                   string
	SizeType               string
	SizeSystem             string
	Gender                 string
	AgeGroup               string
	Material               string
	Pattern                string
	ItemGroupID            string
	Condition              string

	// Currency is the ISO 4217 code of Price (and SalePrice, which must match it).
	Currency string
	// RegularPrice is Price in minor units of Currency.
	RegularPrice int64
	// SaleAmount is SalePrice in minor units; 0 when the item has no sale price.
	SaleAmount int64
	// SaleWindow is when SaleAmount applies (open on both sides when the feed gives no dates).
	SaleWindow pricing.Window
}

// PriceAt is what a shopper pays at the given time: the sale price when one applies (inside its
// window and below the regular price), the regular price otherwise.
func (it Item) PriceAt(at time.Time) int64 {
	if it.SaleAmount > 0 && it.SaleAmount < it.RegularPrice && it.SaleWindow.Applies(at) {
		return it.SaleAmount
	}
	return it.RegularPrice
}
