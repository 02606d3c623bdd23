package demo

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestWriteBigFeed checks that the big feed has exactly the items asked for, each one readable
// by tagdrop's Merchant Center reader with a distinct id, that some are on sale, and that the
// same seed gives the same bytes.
func TestWriteBigFeed(t *testing.T) {
	tests := []struct {
		name  string
		items int
	}{
		{"one item", 1},
		{"cuts the last product's sizes", 997},
		{"a few thousand", 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b bytes.Buffer
			st, err := WriteBigFeed(&a, 5, tt.items)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := WriteBigFeed(&b, 5, tt.items); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("the same seed and size gave different bytes")
			}
			if st.Items != tt.items || st.Products < 1 || st.Products > tt.items {
				t.Errorf("stat %+v for %d items", st, tt.items)
			}
			r, format, err := feed.Open(bytes.NewReader(a.Bytes()), "auto")
			if err != nil || format != feed.GMCXML {
				t.Fatalf("open: format %q, err %v", format, err)
			}
			ids, sale := map[string]bool{}, 0
			for {
				it, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("item %d: %v", len(ids)+1, err)
				}
				if ids[it.ID] {
					t.Errorf("id %s twice", it.ID)
				}
				ids[it.ID] = true
				if it.Currency != "EUR" || it.RegularPrice <= 0 {
					t.Errorf("item %s: price %d %s", it.ID, it.RegularPrice, it.Currency)
				}
				if it.SaleAmount > 0 {
					sale++
				}
			}
			if len(ids) != tt.items {
				t.Errorf("read %d items, want %d", len(ids), tt.items)
			}
			if tt.items >= 1000 && (sale == 0 || sale == tt.items) {
				t.Errorf("%d of %d items on sale: want some, not all", sale, tt.items)
			}
		})
	}
}

func TestWriteBigFeedRefusesZero(t *testing.T) {
	if _, err := WriteBigFeed(io.Discard, 1, 0); err == nil {
		t.Error("0 items: want an error")
	}
}
