package main

import (
	"context"
	"fmt"
	"net/url"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
)

// savedSearchParser parses a saved search's query the way the search page does (search.Parse
// with the default rates, categories resolved through cats), for digest runs: alerts cannot
// import search, which depends on the store.
func savedSearchParser(cats search.Categories) alerts.QueryParser {
	return func(ctx context.Context, query string) (index.Query, error) {
		v, err := url.ParseQuery(query)
		if err != nil {
			return index.Query{}, fmt.Errorf("saved search %q: %w", query, err)
		}
		req, err := search.Parse(v, index.DefaultRates())
		if err != nil {
			return index.Query{}, fmt.Errorf("saved search %q: %w", query, err)
		}
		if req.FindsNothing() {
			return index.Query{}, fmt.Errorf("saved search %q finds nothing", query)
		}
		return req.Query(ctx, cats)
	}
}
