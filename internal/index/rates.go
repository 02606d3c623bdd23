package index

import (
	"fmt"
	"math"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Rates is a currency rate table: PerBase[C] is how many units of currency C one unit of Base
// buys (Base itself is 1 and need not be listed). Prices are compared in Base: an offer's
// price is converted once, when it is indexed, and a shopper's price bounds once per query.
type Rates struct {
	Base    string
	PerBase map[string]float64
}

// DefaultRates are fixed, rounded rates for the currencies tagdrop's retailers use, with EUR as
// base. Deployments replace them with a current table (Options.Rates).
func DefaultRates() Rates {
	return Rates{Base: "EUR", PerBase: map[string]float64{
		"EUR": 1, "USD": 1.08, "GBP": 0.85, "CHF": 0.95, "SEK": 11.3, "DKK": 7.46, "NOK": 11.6,
		"PLN": 4.3, "CZK": 25.2, "JPY": 162, "AUD": 1.65, "CAD": 1.47, "HKD": 8.4, "CNY": 7.8,
		"KRW": 1450, "SGD": 1.45,
	}}
}

// Validate reports a table that cannot convert: no base, or a rate that is not positive.
func (r Rates) Validate() error {
	if r.Base == "" {
		return fmt.Errorf("rates: no base currency")
	}
	for c, v := range r.PerBase {
		if !(v > 0) || math.IsInf(v, 0) {
			return fmt.Errorf("rates: rate for %s is %v, want a positive number", c, v)
		}
	}
	return nil
}

// rate is units of currency per unit of base; false for a currency the table lacks.
func (r Rates) rate(currency string) (float64, bool) {
	currency = strings.ToUpper(currency)
	if currency == strings.ToUpper(r.Base) {
		return 1, true
	}
	v, ok := r.PerBase[currency]
	return v, ok && v > 0
}

// Convert converts amount (minor units of from) into minor units of to, rounded to the nearest
// unit; false when either currency is not in the table.
func (r Rates) Convert(amount int64, from, to string) (int64, bool) {
	if strings.EqualFold(from, to) {
		return amount, true
	}
	rf, ok1 := r.rate(from)
	rt, ok2 := r.rate(to)
	if !ok1 || !ok2 {
		return 0, false
	}
	major := float64(amount) / math.Pow10(catalog.MinorDigits(strings.ToUpper(from))) / rf * rt
	return int64(math.Round(major * math.Pow10(catalog.MinorDigits(strings.ToUpper(to))))), true
}

// ToBase converts amount of currency into minor units of the base currency.
func (r Rates) ToBase(amount int64, currency string) (int64, bool) {
	return r.Convert(amount, currency, r.Base)
}
