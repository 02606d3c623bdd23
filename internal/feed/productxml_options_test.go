package feed

import "testing"

// TestProductXMLWooAttributeOption: WooCommerce's REST API writes a variation's attribute as
// its name and its option (with its id), and a product's as its name and a list of options.
func TestProductXMLWooAttributeOption(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<products><product><id>300</id><name>Wrap Skirt</name><regular_price>49.00</regular_price>
<attributes><attribute><id>2</id><name>Colour</name><position>0</position><visible>true</visible><variation>false</variation>
<options><option>Olive</option></options></attribute></attributes>
<variations>
<variation><id>301</id><regular_price>49.00</regular_price><sale_price>39.00</sale_price>
<attributes><attribute><id>1</id><name>Size</name><option>S</option></attribute></attributes></variation>
<variation><id>302</id><regular_price>49.00</regular_price>
<attributes><attribute><name>Size</name><options><option>M</option></options></attribute></attributes></variation>
</variations></product></products>`
	checkXMLItems(t, doc, Options{Currency: "EUR"}, 0, []xmlItemWant{
		{id: "301", title: "Wrap Skirt", color: "Olive", size: "S", group: "300", currency: "EUR", price: 4900, sale: 3900},
		{id: "302", title: "Wrap Skirt", color: "Olive", size: "M", group: "300", currency: "EUR", price: 4900},
	})
}

// TestProductXMLShopifyAdmin: Shopify's admin products.xml gives each variant its price,
// compare-at price, option values (named by the product's options, by position) and inventory;
// an untracked variant, or one sold on when none is left, is in stock.
func TestProductXMLShopifyAdmin(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<products type="array">
  <product>
    <body-html>&lt;p&gt;Soft&lt;/p&gt;</body-html>
    <handle>field-jacket</handle>
    <id type="integer">5001</id>
    <product-type>Jackets</product-type>
    <title>Field Jacket</title>
    <vendor>Northway</vendor>
    <variants type="array">
      <variant>
        <barcode>0012345000011</barcode>
        <compare-at-price type="decimal">180.00</compare-at-price>
        <id type="integer">7001</id>
        <inventory-management>shopify</inventory-management>
        <inventory-policy>deny</inventory-policy>
        <option1>Khaki</option1>
        <option2>M</option2>
        <option3 nil="true"/>
        <price type="decimal">135.00</price>
        <product-id type="integer">5001</product-id>
        <sku>FJ-K-M</sku>
        <title>Khaki / M</title>
        <inventory-quantity type="integer">0</inventory-quantity>
      </variant>
      <variant>
        <compare-at-price type="decimal" nil="true"/>
        <id type="integer">7002</id>
        <inventory-management nil="true"/>
        <inventory-policy>deny</inventory-policy>
        <option1>Khaki</option1>
        <option2>L</option2>
        <price type="decimal">180.00</price>
        <product-id type="integer">5001</product-id>
        <title>Khaki / L</title>
        <inventory-quantity type="integer">0</inventory-quantity>
      </variant>
      <variant>
        <id type="integer">7003</id>
        <inventory-management>shopify</inventory-management>
        <inventory-policy>continue</inventory-policy>
        <option1>Navy</option1>
        <option2>L</option2>
        <price type="decimal">180.00</price>
        <title>Navy / L</title>
        <inventory-quantity type="integer">-2</inventory-quantity>
      </variant>
    </variants>
    <options type="array">
      <option><id type="integer">1</id><name>Color</name><position type="integer">1</position><product-id type="integer">5001</product-id></option>
      <option><id type="integer">2</id><name>Size</name><position type="integer">2</position><product-id type="integer">5001</product-id></option>
    </options>
  </product>
</products>`
	checkXMLItems(t, doc, Options{Currency: "USD"}, 0, []xmlItemWant{
		{id: "7001", title: "Field Jacket", color: "Khaki", size: "M", group: "5001", currency: "USD", avail: "out of stock", price: 18000, sale: 13500},
		{id: "7002", title: "Field Jacket", color: "Khaki", size: "L", group: "5001", currency: "USD", avail: "in stock", price: 18000},
		{id: "7003", title: "Field Jacket", color: "Navy", size: "L", group: "5001", currency: "USD", avail: "in stock", price: 18000},
	})
}
