package feed

import "testing"

// TestProductXMLVariantOwnPair: a variant giving its id beside one name/value pair
// (<variant><id>…</id><name>Size</name><value>S</value>, or <variant id=…><name>Colour…) is
// a variant of its own with that property, not a property of its product.
func TestProductXMLVariantOwnPair(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<products>
<product><id>WC-900</id><title>Wool Coat</title><price>199.00 EUR</price>
<variants><variant><id>WC-900-S</id><name>Size</name><value>S</value><stock>2</stock></variant>
<variant><id>WC-900-M</id><name>Size</name><value>M</value><stock>0</stock></variant></variants></product>
<product><id>SC-910</id><title>Scarf</title><price>29.00 EUR</price>
<variant id="SC-910-R"><name>Colour</name><value>Red</value></variant>
<variant id="SC-910-B"><name>Colour</name><value>Blue</value></variant></product>
</products>`
	checkXMLItems(t, doc, Options{}, 0, []xmlItemWant{
		{id: "WC-900-S", title: "Wool Coat", size: "S", group: "WC-900", currency: "EUR", avail: "2", price: 19900},
		{id: "WC-900-M", title: "Wool Coat", size: "M", group: "WC-900", currency: "EUR", avail: "out of stock", price: 19900},
		{id: "SC-910-R", title: "Scarf", color: "Red", group: "SC-910", currency: "EUR", price: 2900},
		{id: "SC-910-B", title: "Scarf", color: "Blue", group: "SC-910", currency: "EUR", price: 2900},
	})
}
