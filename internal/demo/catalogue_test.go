package demo

import (
	"bytes"
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var testToday = time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)

// TestDeterministic writes the same catalogue twice and compares every byte.
func TestDeterministic(t *testing.T) {
	opts := Options{Seed: 7, Today: testToday, Users: 20}
	a, b := t.TempDir(), t.TempDir()
	if _, err := WriteFeeds(a, Generate(opts)); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFeeds(b, Generate(opts)); err != nil {
		t.Fatal(err)
	}
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) || len(fa) < 30 {
		t.Fatalf("runs wrote %d and %d files", len(fa), len(fb))
	}
	for name, body := range fa {
		if !bytes.Equal(body, fb[name]) {
			t.Errorf("%s differs between runs with the same seed", name)
		}
	}
	// A different seed must give a different catalogue, or the seed does nothing.
	c := t.TempDir()
	if _, err := WriteFeeds(c, Generate(Options{Seed: 8, Today: testToday})); err != nil {
		t.Fatal(err)
	}
	fc := readTree(t, c)
	name := "feeds/2025-03-14/atelier-row.xml"
	if bytes.Equal(fa[name], fc[name]) {
		t.Errorf("%s is the same for seeds 7 and 8", name)
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCounts(t *testing.T) {
	c := Generate(Options{Seed: DefaultSeed, Today: testToday})
	if n := c.OfferCount(); n < 2000 || n > 3200 {
		t.Errorf("offers = %d, want about 2,500 (at least 2,000)", n)
	}
	if len(c.Snapshots) != 30 {
		t.Errorf("snapshots = %d, want 30 (90 days every 3)", len(c.Snapshots))
	}
	if !c.Snapshots[len(c.Snapshots)-1].Equal(testToday) || !c.Snapshots[0].Equal(testToday.AddDate(0, 0, -87)) {
		t.Errorf("snapshots run %s..%s", c.Snapshots[0], c.Snapshots[len(c.Snapshots)-1])
	}
	shops, brandSet, depts := map[string]bool{}, map[string]bool{}, map[string]int{}
	keys := map[string]bool{}
	for _, p := range c.Products {
		brandSet[p.Brand] = true
		depts[p.Dept]++
		if keys[p.Key()] {
			t.Errorf("two products share the key %s", p.Key())
		}
		keys[p.Key()] = true
		for _, l := range p.Listings {
			shops[l.Retailer] = true
		}
	}
	if len(shops) < 5 {
		t.Errorf("retailers = %d, want at least 5", len(shops))
	}
	if len(brandSet) < 100 {
		t.Errorf("brands = %d, want at least 100", len(brandSet))
	}
	for _, d := range []string{"bags", "shoes", "clothing"} {
		if depts[d] < 30 {
			t.Errorf("%s: %d products, want at least 30", d, depts[d])
		}
	}
	want := map[string]int{"Manu Atelier": 1, "By Far": 1, "Jacquemus": 1, "Melie Bianco": 1, "See by Chloé": 2}
	got := map[string]int{}
	for _, p := range c.Products {
		if p.Collection {
			got[p.Brand]++
			if p.Type != "micro-bag" || len(p.Listings) == 0 {
				t.Errorf("collection bag %s %s: type %s, %d listings", p.Brand, p.Title, p.Type, len(p.Listings))
			}
		}
	}
	for b, n := range want {
		if got[b] != n {
			t.Errorf("collection bags by %s = %d, want %d", b, got[b], n)
		}
	}
	f := c.Final()
	if f.ProductsOnSale*5 < f.Products {
		t.Errorf("on sale at the end: %d of %d products, want at least 20%%", f.ProductsOnSale, f.Products)
	}
}

// TestHistory checks the stories the demo has to tell are all in the data.
func TestHistory(t *testing.T) {
	c := Generate(Options{Seed: DefaultSeed, Today: testToday})
	var onSale, dropped, restocked, ended, late, raised int
	for _, p := range c.Products {
		for _, l := range p.Listings {
			first, firstSale := -1, int64(0)
			for k, pt := range l.Points {
				if !pt.Listed {
					continue
				}
				if first < 0 {
					first = k
				}
				if k == 0 {
					continue
				}
				prev := l.Points[k-1]
				if !prev.Listed {
					continue
				}
				switch {
				case pt.OnSale() && !prev.OnSale():
					onSale++
					firstSale = pt.Price
				case pt.OnSale() && prev.OnSale() && pt.Price < prev.Price && pt.Price < firstSale:
					dropped++
				case !pt.OnSale() && prev.OnSale():
					ended++
				}
				if pt.Regular > prev.Regular {
					raised++
				}
				for i := range pt.InStock {
					if pt.InStock[i] && !prev.InStock[i] {
						restocked++
					}
				}
			}
			if first > 0 {
				late++
			}
		}
	}
	for _, x := range []struct {
		name    string
		got, lo int
	}{{"sales started", onSale, 50}, {"further drops", dropped, 15}, {"back in stock", restocked, 20},
		{"sales ended", ended, 5}, {"new arrivals", late, 5}, {"regular prices raised", raised, 3}} {
		if x.got < x.lo {
			t.Errorf("%s = %d, want at least %d", x.name, x.got, x.lo)
		}
	}
	// The collection's scripted stories.
	last := len(c.Snapshots) - 1
	for _, p := range c.Products[:6] {
		sale := false
		for _, l := range p.Listings {
			sale = sale || l.Points[last].OnSale()
		}
		if wantSale := p.Brand != "Jacquemus"; sale != wantSale {
			t.Errorf("%s %s on sale today = %t, want %t", p.Brand, p.Title, sale, wantSale)
		}
	}
	ma := c.Products[0].Listings[0].Points
	if !(ma[last].Price < ma[int(0.7*float64(len(ma)))].Price && ma[int(0.7*float64(len(ma)))].OnSale()) {
		t.Errorf("Manu Atelier bag did not drop further: %+v", ma[last])
	}
}

type rss struct {
	XMLName xml.Name `xml:"rss"`
	Items   []struct {
		ID           string `xml:"http://base.google.com/ns/1.0 id"`
		MPN          string `xml:"http://base.google.com/ns/1.0 mpn"`
		Brand        string `xml:"http://base.google.com/ns/1.0 brand"`
		Price        string `xml:"http://base.google.com/ns/1.0 price"`
		SalePrice    string `xml:"http://base.google.com/ns/1.0 sale_price"`
		Availability string `xml:"http://base.google.com/ns/1.0 availability"`
		Link         string `xml:"http://base.google.com/ns/1.0 link"`
		Image        string `xml:"http://base.google.com/ns/1.0 image_link"`
		Category     string `xml:"http://base.google.com/ns/1.0 google_product_category"`
		Size         string `xml:"http://base.google.com/ns/1.0 size"`
		Color        string `xml:"http://base.google.com/ns/1.0 color"`
	} `xml:"channel>item"`
}

// TestFeedsParse reads every written feed back with encoding/xml.
func TestFeedsParse(t *testing.T) {
	dir := t.TempDir()
	m, err := WriteFeeds(dir, Generate(Options{Seed: DefaultSeed, Today: testToday, Products: 120, Days: 30, Step: 5}))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Snapshots) != 6 || m.Snapshots[5].Date != "2025-03-14" {
		t.Fatalf("manifest snapshots = %+v", m.Snapshots)
	}
	back, err := ReadManifest(dir)
	if err != nil || back.Offers != m.Offers {
		t.Fatalf("manifest read back: %+v, %v", back.Offers, err)
	}
	for _, s := range m.Snapshots {
		for _, f := range s.Files {
			b, err := os.ReadFile(filepath.Join(dir, f.Path))
			if err != nil {
				t.Fatal(err)
			}
			var feed rss
			if err := xml.Unmarshal(b, &feed); err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			if len(feed.Items) != f.Items {
				t.Errorf("%s: %d items, manifest says %d", f.Path, len(feed.Items), f.Items)
			}
			ids := map[string]bool{}
			for _, it := range feed.Items {
				if ids[it.ID] {
					t.Errorf("%s: duplicate g:id %s", f.Path, it.ID)
				}
				ids[it.ID] = true
				if it.MPN == "" || it.Brand == "" || it.Size == "" || it.Color == "" || !strings.HasPrefix(it.Category, "Apparel & Accessories") {
					t.Errorf("%s: item %s lacks fields: %+v", f.Path, it.ID, it)
				}
				if !strings.HasPrefix(it.Link, "https://") || !strings.Contains(it.Link, ".example/p/") {
					t.Errorf("%s: item %s link %q", f.Path, it.ID, it.Link)
				}
				if !strings.HasPrefix(it.Image, "/static/demo/img/") {
					t.Errorf("%s: item %s image %q", f.Path, it.ID, it.Image)
				}
				if it.Availability != "in stock" && it.Availability != "out of stock" {
					t.Errorf("%s: item %s availability %q", f.Path, it.ID, it.Availability)
				}
				if !priceRE(it.Price) || (it.SalePrice != "" && !priceRE(it.SalePrice)) {
					t.Errorf("%s: item %s prices %q / %q", f.Path, it.ID, it.Price, it.SalePrice)
				}
			}
		}
	}
}

func priceRE(s string) bool {
	amount, cur, ok := strings.Cut(s, " ")
	whole, frac, ok2 := strings.Cut(amount, ".")
	return ok && ok2 && len(frac) == 2 && whole != "" && (cur == "EUR" || cur == "GBP" || cur == "USD")
}
