package extract

import (
	"encoding/json"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Result is what one product page yields: its products, the main one first, and the problems met
// on the way (a broken JSON-LD block, an array cut short), each of which cost only its own block.
type Result struct {
	// URL is the page's address: the one it was fetched from, else its canonical URL.
	URL string `json:"url"`
	// Products holds the page's products, the main product first.
	Products []Product `json:"products"`
	// Errors lists per-block problems; extraction went on past each of them.
	Errors []*BlockError `json:"-"`
}

// Product is one product found on a page. Empty fields were not on the page.
type Product struct {
	Title    string  `json:"title,omitempty"`
	Brand    string  `json:"brand,omitempty"`
	SKU      string  `json:"sku,omitempty"`
	GTIN     string  `json:"gtin,omitempty"`
	MPN      string  `json:"mpn,omitempty"`
	Category string  `json:"category,omitempty"`
	URL      string  `json:"url,omitempty"`
	Image    string  `json:"image,omitempty"`
	Offers   []Offer `json:"offers"`
}

// Offer is one purchasable form of a product (a size, a colour, a seller). Prices are minor units
// of Currency; zero means the page did not say.
type Offer struct {
	SKU          string
	Size         string
	Color        string
	Price        int64
	RegularPrice int64
	Currency     string
	Availability catalog.Availability
	URL          string
}

// offerJSON is the contract's shape of an offer: prices as decimal strings, unknown fields omitted.
type offerJSON struct {
	SKU          string `json:"sku,omitempty"`
	Size         string `json:"size,omitempty"`
	Color        string `json:"color,omitempty"`
	Price        string `json:"price,omitempty"`
	RegularPrice string `json:"regular_price,omitempty"`
	Currency     string `json:"currency,omitempty"`
	Availability string `json:"availability"`
	URL          string `json:"url,omitempty"`
}

// MarshalJSON writes the offer in the `tagdrop extract --json` contract: prices as decimal strings
// in the currency's precision ("1299.00"), availability always one of the four values.
func (o Offer) MarshalJSON() ([]byte, error) {
	j := offerJSON{SKU: o.SKU, Size: o.Size, Color: o.Color, Currency: o.Currency, URL: o.URL, Availability: string(o.Availability)}
	if o.Price > 0 {
		j.Price = catalog.FormatDecimal(o.Price, o.Currency)
	}
	if o.RegularPrice > 0 {
		j.RegularPrice = catalog.FormatDecimal(o.RegularPrice, o.Currency)
	}
	if j.Availability == "" {
		j.Availability = string(catalog.Unknown)
	}
	return json.Marshal(j)
}

// MarshalJSON keeps "products" and "offers" arrays present (never null) for scripts.
func (r Result) MarshalJSON() ([]byte, error) {
	type plain Result
	p := plain(r)
	p.Products = append([]Product{}, r.Products...) // a copy: the caller's slice stays as it was
	for i := range p.Products {
		if p.Products[i].Offers == nil {
			p.Products[i].Offers = []Offer{}
		}
	}
	return json.Marshal(p)
}
