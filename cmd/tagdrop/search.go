package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
)

// searchFlags maps search parameters to the flags that set them, for error messages.
var searchFlags = map[string]string{
	"q": "QUERY", "brand": "--brand", "category": "--category", "size": "--size", "max_price": "--max-price",
	"min_price": "--min-price", "min_discount": "--min-discount", "sort": "--sort", "page": "--page",
	"per_page": "--per-page", "currency": "--currency",
}

func runSearch(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "search", "search [--json] [--brand B]... [--category C] [--size S] [--max-price P] [--min-discount PCT] [QUERY]",
		"Searches the catalogue as the search page does: builds the index from the database, answers one query and prints\n"+
			"a table, or with --json the answer of GET /api/v1/search (see docs/API.md).")
	db := dbFlag(fs)
	var brands, sizes listFlag
	fs.Var(&brands, "brand", "only this brand (repeatable)")
	category := fs.String("category", "", "only this category and its descendants: a slug, path or name")
	fs.Var(&sizes, "size", "only items in stock in this size, e.g. \"EU 38\", M, W28 (repeatable)")
	minPrice := fs.String("min-price", "", "lowest price, e.g. 50")
	maxPrice := fs.String("max-price", "", "highest price, e.g. 300 or 299.90")
	currency := fs.String("currency", "", "currency of the price limits (ISO 4217; default EUR)")
	minDiscount := fs.Int("min-discount", 0, "smallest discount in percent")
	onSale := fs.Bool("on-sale", false, "only items on sale")
	sort := fs.String("sort", "relevance", "relevance, discount, price_low, price_high, newest or drop")
	page := fs.Int("page", 1, "page of results")
	perPage := fs.Int("per-page", index.DefaultPerPage, "results per page (at most 100)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	v := url.Values{"brand": brands.values, "size": sizes.values}
	v.Set("q", strings.Join(fs.Args(), " "))
	v.Set("category", *category)
	v.Set("min_price", *minPrice)
	v.Set("max_price", *maxPrice)
	v.Set("currency", *currency)
	v.Set("min_discount", strconv.Itoa(*minDiscount))
	v.Set("on_sale", strconv.FormatBool(*onSale))
	v.Set("sort", *sort)
	v.Set("page", strconv.Itoa(*page))
	v.Set("per_page", strconv.Itoa(*perPage))
	req, err := search.Parse(v, index.DefaultRates())
	var fe *search.FieldError
	if errors.As(err, &fe) {
		return fmt.Errorf("%w: %s %s (see tagdrop search --help)", errUsage, searchFlags[fe.Field], fe.Message)
	}
	conn, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	ans, err := searchOnce(ctx, conn, req)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ans.JSON())
	}
	printSearch(env, ans)
	return nil
}

// searchOnce builds the index from db and answers req.
func searchOnce(ctx context.Context, db *store.DB, req search.Request) (search.Answer, error) {
	if req.FindsNothing() {
		return req.Empty(), nil
	}
	q, err := req.Query(ctx, db)
	if err != nil {
		return search.Answer{}, err
	}
	ix, err := index.Build(ctx, db, index.Options{})
	if err != nil {
		return search.Answer{}, err
	}
	ans := search.Respond(ix.Search(q))
	return ans, search.AddURLs(ctx, db, &ans)
}

// printSearch writes the answer as a table: one product a line, best offer's prices.
func printSearch(env *environment, a search.Answer) {
	from := (a.Page-1)*a.PerPage + 1
	switch {
	case a.Total == 0:
		fmt.Fprintln(env.stdout, "no items match")
		return
	case len(a.Hits) == 0:
		fmt.Fprintf(env.stdout, "%d items match; page %d is past the last\n", a.Total, a.Page)
		return
	}
	fmt.Fprintf(env.stdout, "%d items match; %d to %d:\n", a.Total, from, from+len(a.Hits)-1)
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tBRAND\tTITLE\tPRICE\tWAS\tOFF\tSIZES\tSHOP")
	for _, h := range a.Hits {
		was, off := "", ""
		if h.OnSale() {
			was = catalog.FormatMoney(h.RegularPrice, h.Currency)
			off = strconv.Itoa(h.DiscountPct()) + "%"
			if h.Questionable {
				off += "?"
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", h.ProductID, cell(h.Brand, 24), cell(h.Title, 48),
			catalog.FormatMoney(h.Price, h.Currency), was, off, cell(strings.Join(h.Sizes, " "), 30), cell(h.Retailer, 20))
	}
	tw.Flush()
}

// cell fits text into a table column: one line, at most n characters.
func cell(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
