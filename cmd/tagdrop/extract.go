package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/extract"
	"github.com/tagdrop/tagdrop/internal/fetch"
)

const extractSynopsis = "extract [--json] SOURCE"

func runExtract(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "extract", extractSynopsis,
		"Prints the products and offers found in one product page (a file or an http(s) URL): schema.org\n"+
			"JSON-LD and microdata, OpenGraph product tags, and the price shown beside the product title,\n"+
			"which wins when the markup disagrees with it. Problems with parts of the page are warnings on\n"+
			"stderr; the rest of the page is still read.")
	asJSON := fs.Bool("json", false, "print JSON: {\"url\", \"products\": [...]}, the main product first")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	// Flags may follow the source (tagdrop extract page.html --json).
	var sources []string
	for rest := fs.Args(); len(rest) > 0; rest = fs.Args() {
		sources = append(sources, rest[0])
		if err := parse(env, fs, rest[1:]); err != nil {
			return err
		}
	}
	if len(sources) != 1 {
		return fmt.Errorf("%w: want exactly one SOURCE, got %d (see tagdrop extract --help)", errUsage, len(sources))
	}
	res, err := extractSource(ctx, sources[0])
	if err != nil {
		return err
	}
	for _, e := range res.Errors {
		fmt.Fprintf(env.stderr, "tagdrop extract: warning: %s\n", oneLine(e.Error()))
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printExtract(env.stdout, res)
	return nil
}

// extractSource reads a file or fetches a URL and extracts its products.
func extractSource(ctx context.Context, src string) (extract.Result, error) {
	if lower := strings.ToLower(src); strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		client := fetch.New(fetch.Config{Timeout: 30 * time.Second, MaxBytes: 2 * extract.MaxPageBytes})
		resp, err := client.Get(ctx, src, fetch.Conditional{})
		if err != nil {
			return extract.Result{}, err
		}
		defer resp.Body.Close()
		res, err := extract.Options{ContentType: resp.ContentType}.Page(resp.Body, resp.URL)
		if err != nil {
			return res, fmt.Errorf("%s: %w", resp.URL, err)
		}
		return res, nil
	}
	f, err := os.Open(src)
	if err != nil {
		return extract.Result{}, err
	}
	defer f.Close()
	res, err := extract.Page(f, "")
	if err != nil {
		return res, fmt.Errorf("%s: %w", src, err)
	}
	if res.URL == "" {
		res.URL = src
	}
	return res, nil
}

// printExtract writes a readable summary: one block per product, one line per offer.
func printExtract(w io.Writer, res extract.Result) {
	fmt.Fprintln(w, res.URL)
	if len(res.Products) == 0 {
		fmt.Fprintln(w, "no product found on this page")
		return
	}
	for i, p := range res.Products {
		title := p.Title
		if title == "" {
			title = "(untitled product)"
		}
		label := "product"
		if i == 0 {
			label = "main product"
		}
		fmt.Fprintf(w, "\n%s: %s\n", label, title)
		for _, f := range []struct{ name, value string }{
			{"brand", p.Brand}, {"sku", p.SKU}, {"gtin", p.GTIN}, {"mpn", p.MPN},
			{"category", p.Category}, {"url", p.URL}, {"image", p.Image},
		} {
			if f.value != "" {
				fmt.Fprintf(w, "  %-8s %s\n", f.name, f.value)
			}
		}
		if len(p.Offers) == 0 {
			fmt.Fprintln(w, "  no offers")
			continue
		}
		fmt.Fprintf(w, "  %d offer(s):\n", len(p.Offers))
		for _, o := range p.Offers {
			fmt.Fprintf(w, "    %s\n", offerLine(o))
		}
	}
}

// offerLine is one offer for people: "€80.00, was €100.00 (-20%) · in stock · size M · sku X".
func offerLine(o extract.Offer) string {
	var parts []string
	switch {
	case o.Price > 0 && o.Currency != "":
		s := catalog.FormatMoney(o.Price, o.Currency)
		if o.RegularPrice > o.Price {
			s += fmt.Sprintf(", was %s (-%d%%)", catalog.FormatMoney(o.RegularPrice, o.Currency), catalog.DiscountPct(o.Price, o.RegularPrice))
		}
		parts = append(parts, s)
	case o.Price > 0:
		s := catalog.FormatDecimal(o.Price, "") + " (currency not stated)"
		if o.RegularPrice > o.Price {
			s += ", was " + catalog.FormatDecimal(o.RegularPrice, "")
		}
		parts = append(parts, s)
	default:
		parts = append(parts, "no price")
	}
	parts = append(parts, strings.ReplaceAll(string(o.Availability), "_", " "))
	for _, f := range []struct{ name, value string }{{"size", o.Size}, {"color", o.Color}, {"sku", o.SKU}, {"url", o.URL}} {
		if f.value != "" {
			parts = append(parts, f.name+" "+f.value)
		}
	}
	return strings.Join(parts, " · ")
}
