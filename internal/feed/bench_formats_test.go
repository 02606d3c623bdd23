package feed

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// productXMLFeed writes n products of a shop's XML export: attributes, a price with its
// currency as an attribute, nested images and a shipping block.
func productXMLFeed(n int) []byte {
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<products>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<product id=\"P-%d\"><name>Wool Coat No. %d</name><description>Double-faced wool, &amp; a belt.</description>"+
			"<price currency=\"EUR\">%d.00</price><brand>Nordmann</brand><url>https://shop.example.eu/p/%d</url>"+
			"<images><image>https://shop.example.eu/i/%d.jpg</image></images><color>Camel</color><size>M</size><stock>%d</stock>"+
			"<shipping><price>4.90</price><country>DE</country></shipping></product>\n", i, i, 100+i%300, i, i, i%4)
	}
	b.WriteString("</products>\n")
	return b.Bytes()
}

// shopifyAdminFeed writes a Shopify admin export in Shopify's own order: products rows of
// variants (a size option each) under their product's first row.
func shopifyAdminFeed(products, sizes int) []byte {
	var b bytes.Buffer
	b.WriteString("Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Tracker," +
		"Variant Inventory Qty,Variant Inventory Policy,Variant Price,Variant Compare At Price,Image Src,Status\n")
	for p := 0; p < products; p++ {
		for s := 0; s < sizes; s++ {
			if s == 0 {
				fmt.Fprintf(&b, "coat-%d,Coat %d,<p>Wool</p>,Nordmann,Coats,wool,TRUE,Size,S%d,C%d-%d,shopify,%d,deny,%d.00,%d.00,https://cdn.example/%d.jpg,active\n",
					p, p, s, p, s, s%3, 100+p%50, 150+p%50, p)
				continue
			}
			fmt.Fprintf(&b, "coat-%d,,,,,,,,S%d,C%d-%d,shopify,%d,deny,%d.00,%d.00,,\n", p, s, p, s, s%3, 100+p%50, 150+p%50)
		}
	}
	return b.Bytes()
}

// benchRead reads data end to end as format, expecting want items.
func benchRead(b *testing.B, data []byte, format string, want int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r, _, err := OpenWith(bytes.NewReader(data), Options{Format: format, Currency: "EUR"})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != want {
			b.Fatalf("%d items, want %d", n, want)
		}
	}
	b.ReportMetric(float64(want*b.N)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkProductXML reads a product-xml feed of 10,000 products.
func BenchmarkProductXML(b *testing.B) {
	benchRead(b, productXMLFeed(10_000), ProductXML, 10_000)
}

// BenchmarkShopifyCSV reads a Shopify admin export of 2,000 products of 5 sizes.
func BenchmarkShopifyCSV(b *testing.B) {
	benchRead(b, shopifyAdminFeed(2_000, 5), CSV, 10_000)
}
