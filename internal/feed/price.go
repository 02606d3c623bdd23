package feed

import (
	"fmt"
	"github.com/tagdrop/tagdrop/internal/pricing"
)

// parsePrices reads the price strings of an item that came from a delimited feed or a store
// API, where prices may lack a currency (defaultCurrency applies) and a sale may be given either
// Merchant Center's way (price and a lower sale_price) or the affiliate way (price is what the
// shopper pays and regular, the RRP or "was" price, is higher). A sale or regular price that is
// empty or zero means none. It returns why the item cannot be used, or "".
func parsePrices(it *Item, parse func(string, string) (int64, string, error), defaultCurrency, regular string) string {
	var err error
	if it.RegularPrice, it.Currency, err = parse(it.Price, defaultCurrency); err != nil {
		return err.Error()
	}
	if it.RegularPrice <= 0 {
		return fmt.Sprintf("price %q is not above zero", it.Price)
	}
	if placeholderPrice(it.RegularPrice, it.Currency) {
		return fmt.Sprintf("price %q is a placeholder (price on request), not a price", it.Price)
	}
	if it.SalePrice != "" && !isZeroAmount(it.SalePrice) {
		sale, cur, err := parse(it.SalePrice, it.Currency)
		if err != nil {
			return "sale_price: " + err.Error()
		}
		if cur != it.Currency {
			return fmt.Sprintf("sale_price currency %s differs from price currency %s", cur, it.Currency)
		}
		it.SaleAmount = sale
		dropNonSale(it)
	} else {
		it.SalePrice = ""
	}
	if regular != "" && !isZeroAmount(regular) && it.SaleAmount == 0 {
		reg, cur, err := parse(regular, it.Currency)
		if err != nil {
			return "regular_price: " + err.Error()
		}
		if cur != it.Currency {
			return fmt.Sprintf("regular_price currency %s differs from price currency %s", cur, it.Currency)
		}
		if reg > it.RegularPrice {
			it.SalePrice, it.Price = it.Price, regular
			it.SaleAmount, it.RegularPrice = it.RegularPrice, reg
		}
	}
	if it.SaleAmount > 0 {
		setSaleWindow(it)
	}
	return ""
}

// dropNonSale drops a sale price that is not below the regular price: Rakuten's Sale Price
// repeats its Retail Price when nothing is on sale, and shop plugins write the price itself as
// sale_price. Such a price is no sale (Merchant Center refuses it as one).
func dropNonSale(it *Item) {
	if it.SaleAmount >= it.RegularPrice {
		it.SaleAmount, it.SalePrice = 0, ""
	}
}

// setSaleWindow reads the item's sale_price_effective_date into SaleWindow. A window that
// cannot be read does not cost the item (Merchant Center keeps such items too), but it does
// cost the sale: a sale that cannot be dated is never shown, so the item stays at its regular
// price. Item has no place for a warning; the unread date stays in SalePriceEffectiveDate.
func setSaleWindow(it *Item) {
	w, err := pricing.ParseWindow(it.SalePriceEffectiveDate)
	if err != nil {
		it.SaleAmount, it.SalePrice, it.SaleWindow = 0, "", pricing.Window{}
		return
	}
	it.SaleWindow = w
}

// isZeroAmount says whether a price string's digits are all zeros ("0", "0.00", "£0.00"):
// affiliate feeds write that for "no such price".
func isZeroAmount(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r == '0':
			digits++
		case r >= '1' && r <= '9':
			return false
		}
	}
	return digits > 0
}

// placeholderPrice reports a price made of nines only, with at least six before the decimal
// point ("999999.00"), in a currency where that is far beyond any garment's price: what shops
// enter for a "price on request" item their software will not list without a price. In yen,
// won, rupiah or forint such a figure is an ordinary price.
func placeholderPrice(minor int64, currency string) bool {
	if !strongCurrencies[currency] {
		return false
	}
	whole := minor
	for range pricing.MinorDigits(currency) {
		if whole%10 != 0 && whole%10 != 9 {
			return false
		}
		whole /= 10
	}
	if whole < 999999 {
		return false
	}
	for ; whole > 0; whole /= 10 {
		if whole%10 != 9 {
			return false
		}
	}
	return true
}

// strongCurrencies are those in which 999,999 is no garment's price.
var strongCurrencies = map[string]bool{"USD": true, "EUR": true, "GBP": true, "CHF": true, "CAD": true, "AUD": true,
	"NZD": true, "SGD": true, "DKK": true, "NOK": true, "SEK": true, "PLN": true, "AED": true, "SAR": true, "ILS": true}
