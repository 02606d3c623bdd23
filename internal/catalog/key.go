package catalog

// KeyParts are the identifying fields of a feed item from which its product key is made.
type KeyParts struct {
	Brand    string
	MPN      string // manufacturer part number: the style code, ideally without size
	GroupID  string // the feed's item_group_id (groups sizes and often colours)
	Retailer string // retailer slug, used with GroupID, which is only unique per retailer
	GTIN     string
	Title    string
	Color    string
}

// ProductKey decides which product an offer belongs to, so that the same style in the same
// colour from several retailers (and in every size) collapses into one product. In order of
// trust: brand + MPN, the retailer's item group, the GTIN, brand + title. Colour is part of every
// key except GTIN (which already names one colour): a lime bag and a black bag are two products.
func ProductKey(p KeyParts) string {
	brand, color := Slug(p.Brand), Slug(p.Color)
	switch {
	case p.MPN != "" && brand != "":
		return "mpn:" + brand + ":" + Slug(p.MPN) + ":" + color
	case p.GroupID != "" && p.Retailer != "":
		return "group:" + Slug(p.Retailer) + ":" + Slug(p.GroupID) + ":" + color
	case p.GTIN != "":
		return "gtin:" + p.GTIN
	default:
		return "title:" + brand + ":" + Slug(p.Title) + ":" + color
	}
}
