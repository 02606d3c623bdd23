package feed

import "strings"

// isRakutenHDR recognises the header record of Rakuten's pipe-delimited product files,
// HDR|MID|advertiser name|time stamp, which stands where column names would.
func isRakutenHDR(header []string) bool {
	return len(header) == 4 && strings.TrimSpace(header[0]) == "HDR" && isDigits(strings.TrimSpace(header[1]))
}

// isDigits says whether s is one or more ASCII digits.
func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// isRakutenTRL recognises the trailer record that ends Rakuten's product files, TRL|row count
// (empty cells after it allowed).
func isRakutenTRL(rec []string) bool {
	return len(rec) >= 2 && strings.TrimSpace(rec[0]) == "TRL" && isDigits(strings.TrimSpace(rec[1])) && blank(rec[2:])
}

// rakutenLayout names the columns of Rakuten's product files, which come without column names:
// the 38 fields of the network's product feed specification, in order, named so that the
// default column names find them (its Attribute 3 to 8 are size, material, colour, gender,
// style and age group).
var rakutenLayout = []string{
	"Product ID", "Product Name", "SKU Number", "Primary Category", "Secondary Category", "Product URL",
	"Product Image URL", "Buy URL", "Short Description", "Long Description", "Discount", "Discount Type",
	"Sale Price", "Retail Price", "Begin Date", "End Date", "Brand", "Shipping", "Keywords",
	"Manufacturer Part #", "Manufacturer Name", "Shipping Information", "Availability",
	"Universal Product Code", "Class ID", "Currency", "M1", "Pixel", "Attribute 1 (Miscellaneous)",
	"Attribute 2 (Product Type)", "Size", "Material", "Color", "Gender", "Style", "Age Group",
	"Attribute 9", "Attribute 10",
}

// rakutenRow reports a row that fits rakutenLayout: about its 38 fields (the last ones may be
// left off) with the Product URL or Buy URL where the layout puts them. A file that starts with
// some other "HDR" line and data under it is refused as headerless, not read in Rakuten's order.
func rakutenRow(rec []string) bool {
	if len(rec) < len(rakutenLayout)-8 || len(rec) > len(rakutenLayout)+2 {
		return false
	}
	isURL := func(s string) bool {
		s = strings.TrimSpace(s)
		return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
	}
	return isURL(rec[5]) || isURL(rec[7])
}
