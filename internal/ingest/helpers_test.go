package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// day0 is the first observation time of the tests' feeds.
var day0 = time.Date(2024, 11, 1, 8, 0, 0, 0, time.UTC)

func day(n int) time.Time { return day0.AddDate(0, 0, n) }

func fixture(name string) string { return filepath.Join("testdata", name) }

func mustImportFile(t testing.TB, im *ingest.Importer, name string, opts ingest.Options) ingest.Report {
	t.Helper()
	rep, err := im.ImportFile(context.Background(), fixture(name), opts)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return rep
}

func mustImport(t testing.TB, im *ingest.Importer, feed []byte, opts ingest.Options) ingest.Report {
	t.Helper()
	rep, err := im.Import(context.Background(), bytes.NewReader(feed), "generated", opts)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return rep
}

func count(t testing.TB, db *store.DB, table string) int {
	t.Helper()
	n, err := db.CountRows(context.Background(), table)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// counts is a report's numbers, for comparing in one go.
type counts struct{ read, new, changed, unchanged, rejected, gone int }

func countsOf(r ingest.Report) counts {
	return counts{r.Read, r.New, r.Changed, r.Unchanged, r.Rejected, r.Gone}
}

// genItem is one item of a generated feed.
type genItem struct {
	id, title, brand, group, color, size string
	price, sale                          int64 // minor units; sale 0 = none
	availability                         string
}

// genFeed writes a GMC RSS feed like the demo generator's.
func genFeed(items []genItem) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
<channel><title>Generated</title><link>https://shop.example.com/</link><description>generated</description>
`)
	for _, it := range items {
		avail := it.availability
		if avail == "" {
			avail = "in stock"
		}
		fmt.Fprintf(&b, `<item>
<g:id>%s</g:id>
<g:title>%s</g:title>
<g:description>%s in %s, size %s.</g:description>
<g:link>/p/%s</g:link>
<g:image_link>/static/demo/%s.svg</g:image_link>
<g:brand>%s</g:brand>
<g:mpn>%s</g:mpn>
<g:price>%d.%02d EUR</g:price>
`, it.id, it.title, it.title, it.color, it.size, it.id, it.group, it.brand, it.group, it.price/100, it.price%100)
		if it.sale > 0 {
			fmt.Fprintf(&b, "<g:sale_price>%d.%02d EUR</g:sale_price>\n", it.sale/100, it.sale%100)
		}
		fmt.Fprintf(&b, `<g:availability>%s</g:availability>
<g:google_product_category>Apparel &amp; Accessories &gt; Clothing &gt; Dresses</g:google_product_category>
<g:product_type>Women &gt; Dresses</g:product_type>
<g:color>%s</g:color>
<g:size>%s</g:size>
<g:size_system>EU</g:size_system>
<g:gender>female</g:gender>
<g:material>Silk</g:material>
<g:item_group_id>%s</g:item_group_id>
</item>
`, avail, it.color, it.size, it.group)
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.Bytes()
}

// catalogue makes n items: styles of five sizes each across a few brands.
func catalogue(n int) []genItem {
	brands := []string{"Ganni", "Totême", "Acne Studios", "Jacquemus", "Nanushka", "Staud", "Khaite"}
	sizes := []string{"34", "36", "38", "40", "42"}
	items := make([]genItem, n)
	for i := range items {
		style := i / len(sizes)
		items[i] = genItem{
			id:    fmt.Sprintf("D-%05d-%s", style, sizes[i%len(sizes)]),
			title: fmt.Sprintf("Silk Dress No. %d", style), brand: brands[style%len(brands)],
			group: fmt.Sprintf("D-%05d", style), color: []string{"Black", "Ivory", "Sage"}[style%3],
			size: sizes[i%len(sizes)], price: int64(15000 + 500*(style%40)),
		}
	}
	return items
}
