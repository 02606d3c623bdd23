package feed

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tagdrop/tagdrop/internal/sampledata"
)

func TestReadRealSamples(t *testing.T) {
	tests := []struct {
		dir, file string
		items     int
		currency  string
		// minPrice and maxPrice bound every parsed regular price, in minor units.
		minPrice, maxPrice int64
		firstID            string
		firstPrice         int64
	}{
		{dir: "feeds/google-merchant/xml", file: "hardlife_apparel_feed.xml", items: 317, currency: "USD",
			minPrice: 100, maxPrice: 50000, firstID: "hoodie-001-s", firstPrice: 7500},
		{dir: "feeds/google-merchant/xml", file: "huenox_apparel_feed.xml", items: 123, currency: "INR",
			minPrice: 10000, maxPrice: 1000000, firstID: "CMB7Yek1", firstPrice: 79900},
		{dir: "feeds/google-merchant/xml", file: "celebird_variants_apparel_upi.xml", items: 2, currency: "USD",
			minPrice: 10529, maxPrice: 10529, firstID: "celebird-eg-variants-apparel-upi-001", firstPrice: 10529},
		{dir: "feeds/google-merchant/atom", file: "facebook_dpa_sample_feed_atom.xml", items: 1, currency: "GBP",
			minPrice: 999, maxPrice: 999, firstID: "DB_1", firstPrice: 999},
		{dir: "feeds/facebook-catalog", file: "facebook_dpa_sample_feed_rss.xml", items: 1, currency: "GBP",
			minPrice: 999, maxPrice: 999, firstID: "DB_1", firstPrice: 999},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(sampledata.Path(t, tt.dir), tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			items, rows, format, err := readAll(t, f)
			if err != nil {
				t.Fatal(err)
			}
			if format != GMCXML {
				t.Fatalf("format = %q", format)
			}
			if len(rows) > 0 {
				t.Fatalf("row errors in a good feed: %+v", rows[0])
			}
			if len(items) != tt.items {
				t.Fatalf("%d items, want %d", len(items), tt.items)
			}
			if items[0].ID != tt.firstID || items[0].RegularPrice != tt.firstPrice {
				t.Fatalf("first item %s at %d, want %s at %d", items[0].ID, items[0].RegularPrice, tt.firstID, tt.firstPrice)
			}
			for _, it := range items {
				if it.Currency != tt.currency || it.RegularPrice < tt.minPrice || it.RegularPrice > tt.maxPrice {
					t.Fatalf("item %s (line %d): price %q parsed as %d %s, want %s within [%d, %d]",
						it.ID, it.Line, it.Price, it.RegularPrice, it.Currency, tt.currency, tt.minPrice, tt.maxPrice)
				}
				if it.Title == "" || it.Link == "" {
					t.Fatalf("item %s (line %d) lost its title or link: %+v", it.ID, it.Line, it)
				}
			}
		})
	}
}
