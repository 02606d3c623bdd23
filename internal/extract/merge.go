package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// merge combines what the sources found: JSON-LD first, microdata filling its gaps or adding the
// products it lacks, loose offers joining the main product, OpenGraph as the last resort, and the
// shown price beside the title winning where the markup disagrees with it or has none.
func (x *extraction) merge(found []*candidate, og *candidate) []Product {
	var products, orphans []*candidate
	for _, c := range found {
		if c.orphan {
			orphans = append(orphans, c)
			continue
		}
		if same := sameProduct(products, c); same != nil {
			fill(same, c)
			continue
		}
		products = append(products, c)
	}
	canonical := x.doc.canonical(x.base)
	slices.SortStableFunc(products, func(a, b *candidate) int { return cmp.Compare(x.score(b, canonical), x.score(a, canonical)) })

	var main *candidate
	if len(products) > 0 {
		main = products[0]
	}
	for _, o := range orphans {
		switch {
		case main == nil:
			main = &candidate{source: o.source, offers: o.offers}
			products = append(products, main)
		case !anyPrice(main.offers):
			main.offers = append(main.offers, o.offers...)
		}
	}
	if og != nil {
		if main == nil {
			main = og
			products = append(products, main)
		} else {
			fill(main, og)
		}
	}

	var names []string
	hint := ""
	if main != nil {
		names = append(names, main.product.Title)
		hint = offersCurrency(main.offers)
	}
	if og != nil {
		names = append(names, og.product.Title)
		if hint == "" {
			hint = offersCurrency(og.offers)
		}
	}
	s := x.visible(names, hint)
	if own := x.pageCurrency(); s.hinted && hint != "" && own != "" && own != hint {
		// The markup's currency does not settle the shown sign ("kr" beside "priceCurrency":
		// "USD", a store view geolocated to another market): the page's own locale may.
		if s2 := x.visible(names, own); s2.price == s.price && !s2.hinted {
			s = s2
		}
	}
	// A page without markup still says what the shopper sees: a price, or that it is sold out.
	if main == nil && s.title != "" && (s.price != "" || s.availability == catalog.OutOfStock) {
		main = &candidate{source: "page", product: Product{Title: s.title, URL: x.doc.canonical(x.base)}}
		products = append(products, main)
	}
	if main != nil {
		reconcile(main, s)
		if main.product.Title == "" {
			main.product.Title = s.title
		}
	}

	out := make([]Product, 0, len(products))
	for _, c := range products {
		if c.product.Title == "" && len(c.offers) == 0 {
			continue
		}
		out = append(out, x.finish(c))
	}
	return out
}

// sameProduct finds an already kept product that c describes too (same SKU or same name).
func sameProduct(kept []*candidate, c *candidate) *candidate {
	for _, k := range kept {
		if k.source == c.source {
			continue
		}
		if (k.product.SKU != "" && k.product.SKU == c.product.SKU) ||
			(k.product.Title != "" && catalog.Fold(k.product.Title) == catalog.Fold(c.product.Title)) {
			return k
		}
	}
	return nil
}

// fill completes dst's empty fields from src; src's offers are taken when dst has no prices.
func fill(dst, src *candidate) {
	p, q := &dst.product, src.product
	for _, f := range []struct {
		to   *string
		from string
	}{
		{&p.Title, q.Title}, {&p.Brand, q.Brand}, {&p.SKU, q.SKU}, {&p.GTIN, q.GTIN}, {&p.MPN, q.MPN},
		{&p.Category, q.Category}, {&p.URL, q.URL}, {&p.Image, q.Image},
	} {
		if *f.to == "" {
			*f.to = f.from
		}
	}
	dst.main = dst.main || src.main
	if !anyPrice(dst.offers) && anyPrice(src.offers) {
		dst.offers = src.offers
		return
	}
	// The same single offer told twice: take what the other source adds.
	if len(dst.offers) == 1 && len(src.offers) == 1 {
		d, s := &dst.offers[0], src.offers[0]
		if d.availability == "" || d.availability == catalog.Unknown {
			d.availability = s.availability
		}
		if d.currency == "" && (s.price == "" || cmpAmount(s.price, d.price) == 0) {
			d.currency = s.currency
		}
		if d.regular == "" && s.price != "" && cmpAmount(s.price, d.price) == 0 {
			d.regular = s.regular
		}
	}
	for i := range dst.offers {
		if dst.offers[i].availability == "" && len(src.offers) == 1 {
			dst.offers[i].availability = src.offers[0].availability
		}
	}
}

// score ranks products for "the page's main product first".
func (x *extraction) score(c *candidate, canonical string) int {
	s := 0
	if c.main {
		s += 100
	}
	if c.listed {
		s -= 50
	}
	if pageOf(c.product.URL, x.base, canonical) || offerOnPage(c.offers, x.base, canonical) {
		s += 40
	}
	if anyPrice(c.offers) {
		s += 20
	}
	if len(c.offers) > 1 {
		s += 5
	}
	if c.product.Title != "" {
		s += 5
	}
	return s
}

// pageOf reports a URL that is the page's own (where it came from or its canonical address).
func pageOf(u, base, canonical string) bool {
	return u != "" && (sameURL(u, base) || sameURL(u, canonical))
}

// offerOnPage reports an offer whose URL is the page's own: shops that give the product no
// URL give it on the offer, and a related product's block names its own page.
func offerOnPage(offers []rawOffer, base, canonical string) bool {
	for _, o := range offers {
		if pageOf(o.url, base, canonical) {
			return true
		}
	}
	return false
}

// sameURL compares two URLs without scheme, query, fragment or trailing slash.
func sameURL(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	norm := func(s string) string {
		s, _, _ = strings.Cut(s, "#")
		s, _, _ = strings.Cut(s, "?")
		s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
		return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
	}
	return norm(a) == norm(b)
}

// offersCurrency is the currency the offers agree on, "" when none or several.
func offersCurrency(offers []rawOffer) string {
	cur := ""
	for _, o := range offers {
		switch {
		case o.currency == "":
		case cur == "":
			cur = o.currency
		case cur != o.currency:
			return ""
		}
	}
	return cur
}

// reconcile lets the shown price win where the markup disagrees with it or has none, and the
// shown availability fill in where the markup says nothing.
func reconcile(c *candidate, s shown) {
	if s.availability != "" {
		for i := range c.offers {
			if c.offers[i].availability == "" || c.offers[i].availability == catalog.Unknown {
				c.offers[i].availability = s.availability
			}
		}
	}
	// A sold-out buy button outweighs markup that says in stock when the markup has one offer
	// and no stock message on the page says in stock: markup is rendered from a cache or the
	// catalogue and goes stale, the button is what the shopper can press. With several offers
	// (sizes) the button speaks for the selected one only.
	// So does the product's own status message ("Sold Out: This product is no longer
	// available.", "Uitverkocht"; not a badge, not a size's, not hidden by a class; see
	// stockShown.ownSoldOut) when no buy control follows the title, enabled or not (a disabled
	// one may wait for a size), and no size can be chosen: nothing lets the shopper buy.
	soldOutButton := s.button == catalog.OutOfStock && s.availability != catalog.InStock
	soldOutStatus := s.ownSoldOut && !s.buyShown && s.button != catalog.InStock && s.button != catalog.Preorder
	if (soldOutButton || soldOutStatus) && len(c.offers) == 1 && c.offers[0].availability == catalog.InStock {
		c.offers[0].availability = catalog.OutOfStock
	}
	// A pre-order buy button ("Pre-order now", a pre-order app's button in place of the
	// add-to-cart it hides) with no add-to-cart button shown and no stock message saying in
	// stock is what the shopper can press: the shop sells ahead of stock and its markup says in
	// stock for every variant that can be ordered (Shopify's "continue selling"), so its offers
	// are pre-orders. Shopify's "Buy it now" and a sticky bar's copy of the button are no
	// add-to-cart of their own (preorderOnly).
	if s.preorderOnly && s.message != catalog.InStock {
		for i := range c.offers {
			if c.offers[i].availability == catalog.InStock {
				c.offers[i].availability = catalog.Preorder
			}
		}
	}
	preorderOverSoldOut(c, s)
	// The other way round, markup that says sold out for its one offer is stale when the page
	// both says in stock in its stock message and offers an enabled buy button.
	if s.message == catalog.InStock && s.button == catalog.InStock && len(c.offers) == 1 && c.offers[0].availability == catalog.OutOfStock {
		c.offers[0].availability = catalog.InStock
	}
	// A lone price labelled regular is the price paid only when the markup has none or agrees:
	// beside a markup price it may be the regular price of a sale shown elsewhere.
	if s.onlyRegular && anyPrice(c.offers) && !hasPrice(c.offers, s.price) {
		return
	}
	if s.price == "" {
		if len(c.offers) == 0 && s.availability != "" {
			c.offers = []rawOffer{{availability: s.availability}}
		}
		return
	}
	apply := func(o *rawOffer) {
		old := o.price
		o.price = s.price
		o.regular = s.regular
		// The markup's price in another currency (a store view geolocated to another one) is no
		// regular price of the shown one.
		otherCurrency := o.currency != "" && s.currency != "" && o.currency != s.currency
		if old != "" && !otherCurrency && cmpAmount(old, s.price) > 0 && (o.regular == "" || cmpAmount(old, o.regular) > 0) {
			o.regular = old
		}
		if s.currency != "" {
			o.currency = s.currency
		}
	}
	if !anyPrice(c.offers) {
		if len(c.offers) == 0 {
			c.offers = []rawOffer{{availability: s.availability}}
		}
		for i := range c.offers {
			apply(&c.offers[i])
		}
		return
	}
	// Consistent: the shown price is one of the offers' prices; add the shown regular price,
	// and the shown currency to offers whose markup names none ("price": "195.00" beside a
	// page that shows £195.00).
	if hasPrice(c.offers, s.price) {
		for i := range c.offers {
			o := &c.offers[i]
			if o.price != "" && cmpAmount(o.price, s.price) == 0 && o.regular == "" && s.regular != "" && cmpAmount(s.regular, o.price) > 0 {
				o.regular = s.regular
			}
			if o.currency == "" && s.currency != "" && o.price != "" && cmpAmount(o.price, s.price) == 0 {
				o.currency = s.currency
			}
		}
		return
	}
	// A sale shown, the regular price in the markup: the offers priced at the shown regular
	// price take the shown price.
	if s.regular != "" && hasPrice(c.offers, s.regular) {
		for i := range c.offers {
			if c.offers[i].price != "" && cmpAmount(c.offers[i].price, s.regular) == 0 {
				apply(&c.offers[i])
			}
		}
		return
	}
	// Otherwise the shown price wins when the markup has one price for everything; variants
	// priced differently leave no way to tell which one is shown.
	if single(c.offers) {
		for i := range c.offers {
			if c.offers[i].price != "" {
				apply(&c.offers[i])
			}
		}
	}
}

func hasPrice(offers []rawOffer, amount string) bool {
	for _, o := range offers {
		if o.price != "" && cmpAmount(o.price, amount) == 0 {
			return true
		}
	}
	return false
}

func single(offers []rawOffer) bool {
	p := ""
	for _, o := range offers {
		switch {
		case o.price == "":
		case p == "":
			p = o.price
		case cmpAmount(p, o.price) != 0:
			return false
		}
	}
	return p != ""
}

// finish turns a candidate into the output product: amounts into minor units of the settled
// currency, duplicates dropped, a regular price kept only when above the price.
func (x *extraction) finish(c *candidate) Product {
	p := c.product
	p.Offers = nil
	fallback := offersCurrency(c.offers)
	seen := map[rawOffer]bool{}
	for _, o := range c.offers {
		if seen[o] {
			continue
		}
		seen[o] = true
		cur := o.currency
		if cur == "" {
			cur = fallback
		}
		out := Offer{SKU: o.sku, Size: o.size, Color: o.color, Currency: cur, Availability: o.availability, URL: o.url}
		if out.Availability == "" {
			out.Availability = catalog.Unknown
		}
		if o.price != "" {
			v, err := catalog.ParseDecimal(o.price, cur)
			if err != nil {
				x.errorf(c.source, 0, "product %q: price %q: %v", p.Title, o.price, err)
			} else {
				out.Price = v
			}
		}
		if o.regular != "" {
			if v, err := catalog.ParseDecimal(o.regular, cur); err == nil && v > out.Price && out.Price > 0 {
				out.RegularPrice = v
			}
		}
		p.Offers = append(p.Offers, out)
	}
	return p
}
