package main

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestSavedSearchParser: a saved query parses as the search page parses it; one that no longer
// parses is an error naming the field.
func TestSavedSearchParser(t *testing.T) {
	db := storetest.SQLite(t)
	parse := savedSearchParser(db)
	q, err := parse(context.Background(), "q=wool+coat&brand=Ganni&brand=Khaite&max_price=150&min_discount=30&category=no-such-thing")
	if err != nil {
		t.Fatal(err)
	}
	if q.Text != "wool coat" || !slices.Equal(q.Brands, []string{"Ganni", "Khaite"}) || q.MaxPrice != 15000 || q.MinDiscount != 30 ||
		len(q.Categories) != 1 || q.Categories[0] >= 0 {
		t.Errorf("parsed %+v", q)
	}
	_, err = parse(context.Background(), "min_discount=lots")
	var fe *search.FieldError
	if !errors.As(err, &fe) || fe.Field != "min_discount" {
		t.Errorf("bad saved search: %v, want a field error naming min_discount", err)
	}
	if _, err := parse(context.Background(), "q=%25%25"); err == nil {
		t.Error("a search that finds nothing was accepted")
	}
}
