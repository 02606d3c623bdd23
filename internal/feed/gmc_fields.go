package feed

import "strings"

// Which element of a Merchant feed fills which field of an Item: Google's g: attributes, and
// the plain elements of feeds written without the namespace.

// isGoogleNamespace reports whether a namespace name is Google's as feeds write it: exactly, or
// with https, www. or a trailing slash, which no other namespace uses and whose items are
// Merchant items all the same (read as another namespace, every one would lack its id).
func isGoogleNamespace(uri string) bool {
	if uri == gNamespace {
		return true
	}
	s, ok := strings.CutPrefix(uri, "https://")
	if !ok {
		if s, ok = strings.CutPrefix(uri, "http://"); !ok {
			return false
		}
	}
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimSuffix(s, "/") == gNamespaceBody
}

// setPlainField fills a field from an element outside the Google namespace only when no g:
// element has: RSS's and Atom's own <title>, <link>, <description>, and, when merchant is set,
// the Merchant Center attributes of feeds written without the namespace (<id>, <price> in plain
// RSS items, or a "g:" prefix the feed never declares), which read as their g: twins. merchant
// is set only for elements without a prefix and for the undeclared "g:" one: an element of
// another declared namespace (a shipping extension's <shp:sale_price>, Atom's <atom:id>) means
// that namespace's thing, not Google's.
func setPlainField(it *Item, name, v string, merchant bool) {
	var dst *string
	switch name {
	case "title":
		dst = &it.Title
	case "description", "summary":
		dst = &it.Description
	case "link":
		dst = &it.Link
	case "additional_image_link":
		if merchant && len(it.AdditionalImageLinks) == 0 {
			addImages(it, v)
		}
		return
	default:
		if p := merchantField(it, name); merchant && p != nil && *p == "" {
			setGField(it, name, v)
		}
		return
	}
	if *dst == "" {
		*dst = v
	}
}

// plainMerchantSpace reports whether encoding/xml's namespace of an element outside Google's
// may stand for a Merchant attribute (see setPlainField): none, the default namespace in
// effect around the item (that of an unprefixed element: Atom's in an Atom feed), or the
// undeclared "g" prefix, which encoding/xml leaves as the name's space.
func (r *gmcReader) plainMerchantSpace(space string) bool {
	return space == "" || space == "g" || space == r.defaultNS
}

// merchantField is the item's field that a Merchant Center attribute other than title, link,
// description and additional_image_link fills, or nil for any other name.
func merchantField(it *Item, name string) *string {
	switch name {
	case "id":
		return &it.ID
	case "image_link":
		return &it.ImageLink
	case "brand":
		return &it.Brand
	case "gtin":
		return &it.GTIN
	case "mpn":
		return &it.MPN
	case "price":
		return &it.Price
	case "sale_price":
		return &it.SalePrice
	case "sale_price_effective_date":
		return &it.SalePriceEffectiveDate
	case "availability":
		return &it.Availability
	case "google_product_category":
		return &it.GoogleProductCategory
	case "product_type":
		return &it.ProductType
	case "color":
		return &it.Color
	case "size":
		return &it.Size
	case "size_type":
		return &it.SizeType
	case "size_system":
		return &it.SizeSystem
	case "gender":
		return &it.Gender
	case "age_group":
		return &it.AgeGroup
	case "material":
		return &it.Material
	case "pattern":
		return &it.Pattern
	case "item_group_id":
		return &it.ItemGroupID
	case "condition":
		return &it.Condition
	}
	return nil
}

func setGField(it *Item, name, v string) {
	switch name {
	case "id":
		it.ID = v
	case "title":
		it.Title = v
	case "description":
		it.Description = v
	case "link":
		it.Link = v
	case "image_link":
		it.ImageLink = v
	case "additional_image_link":
		addImages(it, v)
	case "brand":
		it.Brand = v
	case "gtin":
		it.GTIN = v
	case "mpn":
		it.MPN = v
	case "price":
		it.Price = v
	case "sale_price":
		it.SalePrice = v
	case "sale_price_effective_date":
		it.SalePriceEffectiveDate = v
	case "availability":
		it.Availability = v
	case "google_product_category":
		it.GoogleProductCategory = v
	case "product_type":
		if it.ProductType == "" { // GMC allows several; the first is the main one
			it.ProductType = v
		}
	case "color":
		it.Color = v
	case "size":
		it.Size = addSize(it.Size, v)
	case "size_type":
		it.SizeType = v
	case "size_system":
		it.SizeSystem = v
	case "gender":
		it.Gender = v
	case "age_group":
		it.AgeGroup = v
	case "material":
		it.Material = v
	case "pattern":
		it.Pattern = v
	case "item_group_id":
		it.ItemGroupID = v
	case "condition":
		it.Condition = v
	}
}
