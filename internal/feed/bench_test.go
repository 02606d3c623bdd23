package feed

import (
	"bytes"
	"fmt"
	"testing"
)

// awinFeed writes n rows of an Awin-style CSV: quoted descriptions with commas and line
// breaks, prices with an RRP on every third row.
func awinFeed(n int) []byte {
	var b bytes.Buffer
	b.WriteString("aw_deep_link,product_name,aw_product_id,merchant_image_url,description,merchant_category,search_price,currency,brand_name,colour,rrp_price,in_stock,ean,Fashion:size,parent_product_id\n")
	brands := []string{"Ganni", "Totême", "Acne Studios", "Jacquemus", "Nanushka"}
	sizes := []string{"XS", "S", "M", "L", "XL"}
	for i := 0; i < n; i++ {
		style := i / len(sizes)
		rrp := ""
		if style%3 == 0 {
			rrp = fmt.Sprintf("%d.00", 150+style%200)
		}
		fmt.Fprintf(&b, "https://www.awin1.com/pclick.php?p=%d&a=123&m=4411,%s Silk Dress No. %d,%d,https://img.example.com/%d.jpg,"+
			"\"Bias-cut silk dress, \"\"fluid\"\" drape.\nDry clean only.\",Women > Dresses,%d.00,GBP,%s,Black,%s,1,50%011d,%s,S-%d\n",
			9000000+i, brands[style%len(brands)], style, 9000000+i, style, 99+style%200, brands[style%len(brands)], rrp, i, sizes[i%len(sizes)], style)
	}
	return b.Bytes()
}

// BenchmarkCSV reads an Awin-style CSV of 10,000 rows end to end.
func BenchmarkCSV(b *testing.B) {
	benchRead(b, awinFeed(10_000), "auto", 10_000)
}
