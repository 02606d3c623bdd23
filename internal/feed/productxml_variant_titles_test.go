package feed

import "testing"

// TestProductXMLVariantTitles: a variant's own name ("Grey / M", Shopify's variant title, a
// WooCommerce attribute's "Size") is no item title: the product's title stays the items'.
func TestProductXMLVariantTitles(t *testing.T) {
	doc := `<?xml version="1.0"?><catalog><product><id>HD-3</id><name>Zip Hoodie</name><price currency="EUR">69.00</price>
<variants><variant><name>Grey / M</name><sku>HD-3-GM</sku><price currency="EUR">69.00</price><stock>5</stock></variant>
<variant><title>Grey / L</title><sku>HD-3-GL</sku><price currency="EUR">59.00</price><stock>0</stock></variant></variants></product></catalog>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{"HD-3-GM", "Zip Hoodie", "", "", "", "", "", "HD-3", "EUR", "5", 6900, 0},
		{"HD-3-GL", "Zip Hoodie", "", "", "", "", "", "HD-3", "EUR", "out of stock", 5900, 0},
	})
}

// TestProductXMLVariantOptionDefinition: a <variant> that names an option and lists its values
// (<name>Colour</name><options>Black, Grey</options>) holds no variant's field: the product is
// one item, under its own id and title.
func TestProductXMLVariantOptionDefinition(t *testing.T) {
	doc := `<?xml version="1.0"?><catalog><product><id>OP-4</id><name>Beanie</name><price currency="EUR">24.00</price>
<variants><variant><name>Colour</name><options>Black, Grey, Red</options></variant></variants></product></catalog>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{"OP-4", "Beanie", "", "", "", "", "", "", "EUR", "", 2400, 0},
	})
}

// TestProductXMLLoneVariantKeepsID: a product's one variant without an id of its own
// (<variant><colour>Navy</colour></variant>) is the product itself: its item keeps the
// product's id, which earlier imports stored, rather than one made up from its colour.
func TestProductXMLLoneVariantKeepsID(t *testing.T) {
	doc := `<?xml version="1.0"?><products>
<product><id>SV-1</id><title>Chore Jacket</title><price currency="EUR">119.00</price><variant><colour>Navy</colour></variant></product>
<product><id>SV-2</id><title>Overshirt</title><price currency="EUR">89.00</price>
<variants><variant><colour>Olive</colour><stock>0</stock></variant></variants></product></products>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{"SV-1", "Chore Jacket", "", "Navy", "", "", "", "", "EUR", "", 11900, 0},
		{"SV-2", "Overshirt", "", "Olive", "", "", "", "", "EUR", "out of stock", 8900, 0},
	})
}

// TestProductXMLPriceTiersNoVariants: <variant> elements giving a price for a quantity alone
// (bulk prices) tell no variants apart: the product is one item at its own price.
func TestProductXMLPriceTiersNoVariants(t *testing.T) {
	doc := `<?xml version="1.0"?><products><product><id>BK-1</id><title>Tube Socks</title><price currency="EUR">9.50</price>
<variants><variant><quantity>10</quantity><price currency="EUR">8.00</price></variant>
<variant><quantity>50</quantity><price currency="EUR">7.00</price></variant></variants></product>
<product><id>BK-2</id><title>Gloves</title><price currency="EUR">19.00</price>
<variants><variant id="BK-2-S"><price currency="EUR">19.00</price></variant><variant id="BK-2-M"><price currency="EUR">21.00</price></variant></variants></product></products>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{"BK-1", "Tube Socks", "", "", "", "", "", "", "EUR", "", 950, 0},
		{"BK-2-S", "Gloves", "", "", "", "", "", "BK-2", "EUR", "", 1900, 0},
		{"BK-2-M", "Gloves", "", "", "", "", "", "BK-2", "EUR", "", 2100, 0},
	})
}

// TestProductXMLSizePropertyWords: a size property in words that name no size ("see size
// chart") fills no size; one with a number ("40R", socks' "39-42") does.
func TestProductXMLSizePropertyWords(t *testing.T) {
	doc := `<?xml version="1.0"?><products>
<product><id>SG-2</id><title>Denim Skirt</title><price currency="EUR">55.00</price><specifications>
<specification><name>Size</name><value>see size chart</value></specification><specification><name>Colour</name><value>Mid blue</value></specification></specifications></product>
<product><id>SG-3</id><title>Suit Jacket</title><price currency="EUR">255.00</price>
<specifications><specification><name>Size</name><value>40R</value></specification></specifications></product></products>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{"SG-2", "Denim Skirt", "", "Mid blue", "", "", "", "", "EUR", "", 5500, 0},
		{"SG-3", "Suit Jacket", "", "", "40R", "", "", "", "EUR", "", 25500, 0},
	})
}
