package extract

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// statePrices is what a state blob's product object says it costs.
type statePrices struct {
	price, currency string
	current         bool // price came from a key marked current ("current", "sale", "now")
	exact           bool // price came from an exact price key (stateExactKeys)
	regular         string
	// priceWhole and regularWhole flag amounts read from whole numbers, which may be minor units
	// (Shopify's "price":4500 is $45.00): settle drops them.
	priceWhole, regularWhole bool
}

// stateIgnored are key words of amounts that are not the product's price: unit prices,
// instalments, discounts and savings, price history, ranges' ends and "from" prices, base
// (unit) prices, tax, shipping. A price "with discount" or "after discount" is not ignored
// (stateDiscounted).
var stateIgnored = []string{"unit", "per", "installment", "installments", "instalment", "instalments", "discount",
	"from", "min", "starting", "base",
	"saving", "savings", "save", "saved", "percentage", "percent", "max", "range", "tax", "vat", "shipping",
	"delivery", "points", "history", "lowest", "omnibus", "member", "loyalty", "monthly", "subscription",
	// Keys about a price that are not one: "priceValidUntil", "priceId", "priceTier", "priceType".
	"valid", "until", "date", "id", "tier", "type", "label", "code"}

// stateExactKeys are the keys that name the price itself, preferred over other keys' amounts of
// the same role ("fromPrice", "displayPrice").
var stateExactKeys = []string{"price", "salePrice", "finalPrice", "currentPrice"}

// stateDiscounted reports key words naming the price paid after a discount: "priceWithDiscount",
// "priceAfterDiscount".
func stateDiscounted(kw []string) bool {
	for i := 1; i < len(kw); i++ {
		if kw[i] == "discount" && (kw[i-1] == "with" || kw[i-1] == "after") {
			return true
		}
	}
	return false
}

// stateLeafText and stateLeafNumber are the keys of an amount object: its shown text, its number.
var (
	stateLeafText   = []string{"formatted", "formattedValue", "formattedPrice", "text", "display", "displayValue", "label"}
	stateLeafNumber = []string{"value", "amount"}
	stateCents      = []string{"centAmount", "cents", "amountInCents", "valueInCents", "priceInCents"}
)

// readStatePrices reads the amounts under m's price keys ("price", "displayPrice", "prices"),
// each current or regular by its key's words ("current", "previous", "originalPrice"), down to
// three levels. exact says m is under an exact price key (stateExactKeys).
func (x *extraction) readStatePrices(m map[string]any, r role, exact bool, sp *statePrices, depth int) {
	if depth > 3 {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		kw := splitWords(k, nil)
		if code := currencyCode(stateString(m, k)); code != "" && hasWord(kw, "currency") {
			if sp.currency == "" {
				sp.currency = code
			}
			continue
		}
		if hasWord(kw, stateIgnored...) && !stateDiscounted(kw) || depth == 0 && !hasWord(kw, "price", "prices", "pricing") {
			continue
		}
		kr := keyRole(kw, r)
		ex := exact || slices.Contains(stateExactKeys, k)
		switch v := m[k].(type) {
		case map[string]any:
			if amt, cur, whole, ok := x.stateLeaf(v); ok {
				sp.add(amt, cur, kr, whole, ex)
			} else {
				x.readStatePrices(v, kr, ex, sp, depth+1)
			}
		case string, jsonNumber:
			if amt, cur, ok := x.stateAmount(v); ok && (depth == 0 || hasWord(kw, "price", "value", "amount", "current", "sale", "now", "was", "previous", "original", "regular", "formatted")) {
				sp.add(amt, cur, kr, isWhole(v), ex)
			}
		}
	}
}

// keyRole is the role a key's words give the amounts under it; r when they give none.
func keyRole(kw []string, r role) role {
	switch {
	case hasWord(kw, strongRegularWords...) || hasWord(kw, weakRegularWords...) || hasWord(kw, "full", "rrp", "msrp"):
		return strongRegular
	case hasWord(kw, currentWords...) || hasWord(kw, "current", "now", "final", "selling"):
		return current
	}
	return r
}

// add records one amount: the price is the first of the highest rank (priceRank: current over
// plain, then an exact key over others), the regular price the highest regular one.
func (sp *statePrices) add(amount, currency string, r role, whole, exact bool) {
	if r == strongRegular || r == weakRegular {
		if sp.regular == "" || cmpAmount(amount, sp.regular) > 0 {
			sp.regular, sp.regularWhole = amount, whole
		}
	} else if sp.price == "" || priceRank(r == current, exact) > priceRank(sp.current, sp.exact) {
		sp.price, sp.current, sp.exact, sp.priceWhole = amount, r == current, exact, whole
	}
	if sp.currency == "" {
		sp.currency = currency
	}
}

// priceRank orders a state price's keys: current ones first, and of the same kind an exact key's.
func priceRank(current, exact bool) int {
	rank := 0
	if current {
		rank = 2
	}
	if exact {
		rank++
	}
	return rank
}

// stateLeaf reads an amount object: {"text":"£22.50","value":22.5}, {"centAmount":4499,
// "fractionDigits":2}; its shown text first.
func (x *extraction) stateLeaf(m map[string]any) (amount, currency string, whole, ok bool) {
	cur := currencyCode(cmp.Or(stateString(m, "currency"), stateString(m, "currencyCode")))
	for _, k := range stateLeafText {
		if s, ok := m[k].(string); ok {
			if amt, c, ok := x.stateAmount(s); ok {
				return amt, cmp.Or(c, cur), false, true
			}
		}
	}
	for _, k := range stateLeafNumber {
		if n, ok := m[k].(jsonNumber); ok {
			if amt, ok := plainDecimal(string(n)); ok {
				return amt, cur, isWhole(n), true
			}
		}
	}
	for _, k := range stateCents {
		n, ok := m[k].(jsonNumber)
		if !ok {
			continue
		}
		if minor, err := strconv.ParseInt(string(n), 10, 64); err == nil && minor > 0 {
			digits := 2
			if f, ok := m["fractionDigits"].(jsonNumber); ok && len(f) == 1 && allDigits(string(f)) {
				digits = int(f[0] - '0')
			}
			return minorToDecimal(minor, digits), cur, false, true
		}
	}
	return "", "", false, false
}

// isWhole reports a bare JSON number without a decimal point, or a string of digits alone ("4500").
func isWhole(v any) bool {
	switch v := v.(type) {
	case jsonNumber:
		return !strings.ContainsAny(string(v), ".eE")
	case string:
		t := strings.TrimSpace(v)
		return t != "" && allDigits(t)
	}
	return false
}

// settle drops amounts read from whole numbers: 4500 may be 45.00 in minor units, and Shopify's
// blobs write minor units even for the yen, so no currency makes them safe.
func (sp *statePrices) settle() {
	if sp.regularWhole {
		sp.regular = ""
	}
	if sp.priceWhole {
		sp.price, sp.regular = "", ""
	}
}

// stateAmount reads a shown price text or a plain number.
func (x *extraction) stateAmount(v any) (string, string, bool) {
	switch v := v.(type) {
	case jsonNumber:
		amt, ok := plainDecimal(string(v))
		return amt, "", ok
	case string:
		if !hasDigit(v) || len(v) > 40 || !priceLike(v) {
			return "", "", false
		}
		return x.opts.ParsePrice(v, "")
	}
	return "", "", false
}

// decimalEnd ends an amount with its minor units: "49.00", "44,99".
var decimalEnd = regexp.MustCompile(`\d[.,]\d{1,2}$`)

// priceLike reports a state string that is one amount and nothing else, with a currency sign or
// code or with decimals ("$49.00", "44,99 €", "49.00"), or digits alone ("4500", whole, see
// isWhole); never a date ("2026-12-31") or an id ("p_2931").
func priceLike(s string) bool {
	t := strings.TrimSpace(s)
	if allDigits(t) {
		return true
	}
	ps := findPrices(t, "")
	if len(ps) != 1 || strings.TrimSpace(t[:ps[0].start]) != "" || strings.TrimSpace(t[ps[0].end:]) != "" {
		return false
	}
	return ps[0].marked || decimalEnd.MatchString(strings.TrimRightFunc(t[:ps[0].end], func(r rune) bool { return r < '0' || r > '9' }))
}

// stateString is m[k] when it is a string, else "".
func stateString(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// stateAvailability reads an object's stock flags ("isInStock": true, "soldOut": false) or
// status ("availability": "OUT_OF_STOCK"); "" when it has none. Stock flags come first, then a
// status, then the weaker "available" or "purchasable" flags, which may say only that the product
// is listed ({"available":true,"inStock":false} is out of stock).
func stateAvailability(m map[string]any) catalog.Availability {
	keys := slices.Sorted(maps.Keys(m))
	for _, k := range keys {
		if v, ok := m[k].(bool); ok {
			switch strings.ToLower(k) {
			case "isinstock", "instock":
				return map[bool]catalog.Availability{true: catalog.InStock, false: catalog.OutOfStock}[v]
			case "soldout", "issoldout", "outofstock", "isoutofstock":
				return map[bool]catalog.Availability{true: catalog.OutOfStock, false: catalog.InStock}[v]
			}
		}
	}
	for _, k := range keys {
		if v, ok := m[k].(string); ok {
			switch strings.ToLower(k) {
			case "availability", "stockstatus", "stock_status", "availabilitystatus", "inventorystatus", "stockstate":
				if a := schemaAvailability(strings.NewReplacer("_", " ", "-", " ").Replace(v)); a != catalog.Unknown && a != "" {
					return a
				}
			}
		}
	}
	for _, k := range keys {
		if v, ok := m[k].(bool); ok {
			switch strings.ToLower(k) {
			case "available", "isavailable", "purchasable", "ispurchasable", "orderable", "isorderable", "buyable", "isbuyable",
				"availableforsale":
				return map[bool]catalog.Availability{true: catalog.InStock, false: catalog.OutOfStock}[v]
			}
		}
	}
	// A stock object of its own: "stock": {"status": "IN_STOCK", "quantity": 14}.
	for _, k := range keys {
		sub, ok := m[k].(map[string]any)
		if !ok || !slices.Contains(stateStockKeys, strings.ToLower(k)) {
			continue
		}
		for _, sk := range []string{"status", "state", "code"} {
			if v, ok := sub[sk].(string); ok {
				if a := schemaAvailability(strings.NewReplacer("_", " ", "-", " ").Replace(v)); a != catalog.Unknown && a != "" {
					return a
				}
			}
		}
		for _, sk := range []string{"inStock", "isInStock", "available", "isAvailable"} {
			if v, ok := sub[sk].(bool); ok {
				return map[bool]catalog.Availability{true: catalog.InStock, false: catalog.OutOfStock}[v]
			}
		}
	}
	return ""
}

// stateStockKeys name an object that holds a product's stock status.
var stateStockKeys = []string{"stock", "availability", "inventory", "stockinfo", "stockstatus", "stocklevel"}
