package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzPage feeds arbitrary pages to Page: it must never panic, and every product it returns
// must hold only the contract's availability values and non-negative prices.
func FuzzPage(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.html")
	evals, _ := filepath.Glob("testdata/eval/*.html")
	for _, p := range append(files, evals...) {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(string(b))
		}
	}
	f.Add(`<script type="application/ld+json">{"@graph":[{"@id":"a","x":{"@id":"b"}},{"@id":"b","y":{"@id":"a"}}]}</script>`)
	f.Add(`<div itemscope itemtype="Product"><span itemprop="offers" itemscope><span itemprop="price">1e309</span></span></div>`)
	f.Fuzz(func(t *testing.T, page string) {
		res, err := Page(strings.NewReader(page), "https://example.com/p")
		if err != nil {
			return
		}
		for _, p := range res.Products {
			for _, o := range p.Offers {
				switch o.Availability {
				case "in_stock", "out_of_stock", "preorder", "unknown":
				default:
					t.Fatalf("availability %q", o.Availability)
				}
				if o.Price < 0 || o.RegularPrice < 0 || (o.RegularPrice > 0 && o.RegularPrice <= o.Price) {
					t.Fatalf("prices %d / %d", o.Price, o.RegularPrice)
				}
			}
		}
	})
}

// BenchmarkPage measures one real-sized product page (about 900 KB, when the shared samples are
// there) and a small one written for the tests.
func BenchmarkPage(b *testing.B) {
	pages := map[string]string{"small": "testdata/sale_markup_regular.html"}
	if p := filepath.Join("..", "..", "..", "shared", "data", "product-pages", "extruct", "opengraph_ns_product_test.html"); fileExists(p) {
		pages["900KB"] = p
	}
	for name, path := range pages {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Page(strings.NewReader(string(data)), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
