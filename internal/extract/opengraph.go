package extract

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// openGraph reads OpenGraph and Facebook product tags (og:*, product:*), the last resort when a
// page has no schema.org product. It returns nil when the tags do not describe a product.
func (x *extraction) openGraph() *candidate {
	tags := map[string]string{}
	for _, n := range x.doc.elems {
		if n.DataAtom != atom.Meta {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(attr(n, "property")))
		if key == "" {
			key = strings.ToLower(strings.TrimSpace(attr(n, "name")))
		}
		if !strings.HasPrefix(key, "og:") && !strings.HasPrefix(key, "product:") {
			continue
		}
		if _, seen := tags[key]; !seen {
			tags[key] = strings.TrimSpace(attr(n, "content"))
		}
	}
	isProduct := strings.Contains(strings.ToLower(tags["og:type"]), "product")
	price := firstOf(tags, "product:sale_price:amount", "product:price:amount", "og:price:amount")
	if !isProduct && price == "" {
		return nil
	}
	c := &candidate{source: "opengraph", product: Product{
		Title: collapse(tags["og:title"]),
		Brand: collapse(firstOf(tags, "product:brand", "og:brand")),
		SKU:   collapse(firstOf(tags, "product:retailer_item_id", "product:sku")),
		GTIN:  gtinOf(firstOf(tags, "product:gtin", "product:ean", "product:upc", "product:isbn")),
		MPN:   collapse(tags["product:mfr_part_no"]),
		URL:   absoluteHTTP(resolve(x.base, tags["og:url"])),
		Image: resolve(x.base, firstOf(tags, "og:image:secure_url", "og:image", "og:image:url")),
	}, order: 0}
	if cat := tags["product:category"]; cat != "" {
		c.product.Category = collapse(cat)
	}
	currency := currencyCode(firstOf(tags, "product:sale_price:currency", "product:price:currency", "og:price:currency"))
	o := rawOffer{sku: c.product.SKU, currency: currency, availability: schemaAvailability(firstOf(tags, "product:availability", "og:availability"))}
	r := schemaReader{x: x}
	o.price, o.currency = r.amount(price, currency)
	if tags["product:sale_price:amount"] != "" {
		o.regular, _ = r.amount(firstOf(tags, "product:original_price:amount", "product:price:amount"), o.currency)
		if o.regular == o.price {
			o.regular = ""
		}
	}
	if o.price != "" || o.availability != "" {
		c.offers = []rawOffer{o}
	}
	return c
}

func firstOf(tags map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := tags[k]; v != "" {
			return v
		}
	}
	return ""
}
