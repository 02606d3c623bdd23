package extract

import "slices"

// Blocks whose prices are not the product's, named by the words of their classes.

// excludedBlock reports class words of a block whose prices are not the product's
// (excludedWords, or a list of other sellers' offers: otherSellersBlock). "unit" names a unit price unless the same words give the price a role
// ("price-unit--original", "price-unit--sale": a price component's parts), or says the unit is
// the one sold (Tesco's "price-per-sellable-unit": the price of one item, its unit price beside it).
func excludedBlock(ws []string) bool {
	if otherSellersBlock(ws) {
		return true
	}
	if !hasWord(ws, excludedWords...) {
		return false
	}
	if !hasWord(ws, "unit") || hasWord(withoutWords(ws, "unit"), excludedWords...) {
		return true
	}
	return !hasWord(ws, unitRoleWords...)
}

// otherSellersBlock reports the class words of a marketplace's list of other sellers' offers:
// "more-sellers", "other-sellers", "otherOffers", "offer-listing". The buy box names its one
// seller ("buybox__seller") and is no such block.
func otherSellersBlock(ws []string) bool {
	return hasWord(ws, "sellers", "otheroffers", "moreoffers", "alloffers") ||
		wordPair(ws, "other", "offers") || wordPair(ws, "more", "offers") || wordPair(ws, "all", "offers") || wordPair(ws, "offer", "listing")
}

// unitRoleWords give a "unit" class a price's role.
var unitRoleWords = slices.Concat(strongRegularWords, []string{"original", "sale", "now", "current", "final", "special", "reduced", "discounted", "sellable"})

// excludedWords in class, id or data attributes mark blocks whose prices are not the product's.
var excludedWords = []string{
	"related", "recommend", "recommendation", "recommendations", "recommended", "upsell", "upsells", "crosssell",
	"cross", "recently", "viewed", "similar", "carousel", "slider", "minicart", "cart", "drawer", "basket",
	"installment", "installments", "instalment", "instalments", "afterpay", "klarna", "affirm", "sezzle",
	"clearpay", "paypal", "shipping", "delivery", "loyalty", "reward", "rewards", "points", "unit", "unitprice",
	"baseprice", "grundpreis", "breadcrumb", "breadcrumbs", "menu", "newsletter", "review", "reviews",
	"rating", "cookie", "cookies", "save", "saving", "savings", "bundle", "megamenu",
}

// cartWords are excluded for prices (a cart's totals) but not for availability (its button).
var cartWords = []string{"minicart", "cart", "drawer", "basket", "save", "saving", "savings", "unit", "unitprice", "baseprice", "grundpreis", "installment", "installments", "instalment", "instalments", "afterpay", "klarna", "affirm", "sezzle", "clearpay", "paypal", "points"}

// deliveryStockWords name stock, not a delivery option's availability ("delivery-availability").
var deliveryStockWords = []string{"stock", "soldout", "sold", "outofstock", "instock", "oos", "inventory", "backorder", "preorder", "restock"}

// deliveryStock reports the class words of an element of a delivery block that is the stock
// message, as the element's own classes say: Shopware's "delivery-information delivery-soldout",
// a "stock out-of-stock" line inside "product-delivery". Other elements of shipping and delivery
// blocks ("Click & Collect: Not available") are skipped for stock.
func deliveryStock(ws []string) bool {
	return hasWord(ws, deliveryStockWords...)
}
