package search

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Limits on what a request may ask for. Past them a request is refused, not trimmed, so a
// script learns its mistake.
const (
	MaxQueryLen   = 200 // characters of q
	MaxPage       = 400
	MaxPerPage    = index.MaxPerPage
	MaxValues     = 50  // values of one repeatable parameter
	MaxValueLen   = 100 // characters of one filter value
	maxPriceMajor = 1_000_000_000
)

// FieldError is a request parameter that cannot be used, with what is wrong with it.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

func fieldErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Request is a search as the page, the API and the command line ask for it, validated. Its
// zero value is "everything, default order, first page".
type Request struct {
	Text             string
	Brands           []string
	Categories       []string // slugs (or paths or names, for people typing them)
	Sizes            []string
	System           string // size system the size facet is shown in ("EU", "UK", …)
	Colours          []string
	Retailers        []string
	Genders          []string
	Currency         string // ISO 4217, upper case; "" means the index's base currency
	MinPrice         int64  // minor units of Currency
	MaxPrice         int64
	MinDiscount      int
	OnSale           bool
	HideQuestionable bool
	NewSince         time.Time
	Sort             index.Sort
	Page             int
	PerPage          int
}

// Params lists the parameters Parse reads, in the order they are documented (docs/API.md).
var Params = []string{"q", "brand", "category", "size", "system", "color", "retailer", "gender", "min_price",
	"max_price", "currency", "min_discount", "on_sale", "hide_questionable", "new_since", "sort", "page", "per_page"}

// sorts are the accepted sort names.
var sorts = map[string]index.Sort{
	"relevance": index.SortRelevance, "discount": index.SortDiscount, "price_low": index.SortPriceLow,
	"price_high": index.SortPriceHigh, "newest": index.SortNewest, "drop": index.SortDrop,
}

// genders maps the spellings accepted for gender to the stored values.
var genders = map[string]string{
	"female": "female", "women": "female", "woman": "female", "womens": "female",
	"male": "male", "men": "male", "man": "male", "mens": "male", "unisex": "unisex",
}

// Parse reads and checks a request's parameters. rates says which currencies prices may be
// given in. Unknown parameters are ignored; a bad value is a *FieldError naming its field.
// Values that are well-formed but match nothing (an unknown brand) are not errors: they find
// nothing.
func Parse(v url.Values, rates index.Rates) (Request, error) {
	var r Request
	for name, vals := range v {
		for _, s := range vals {
			if !utf8.ValidString(s) {
				return Request{}, fieldErr(name, "is not valid UTF-8")
			}
		}
	}
	r.Text = strings.TrimSpace(v.Get("q"))
	if n := utf8.RuneCountInString(r.Text); n > MaxQueryLen {
		return Request{}, fieldErr("q", "is %d characters long; the most is %d", n, MaxQueryLen)
	}
	var err error
	lists := []struct {
		name string
		dst  *[]string
	}{{"brand", &r.Brands}, {"category", &r.Categories}, {"size", &r.Sizes}, {"color", &r.Colours}, {"retailer", &r.Retailers}}
	for _, l := range lists {
		if *l.dst, err = list(v, l.name); err != nil {
			return Request{}, err
		}
	}
	gs, err := list(v, "gender")
	if err != nil {
		return Request{}, err
	}
	for _, g := range gs {
		norm, ok := genders[strings.ToLower(g)]
		if !ok {
			return Request{}, fieldErr("gender", "%q is not one of female, male, unisex", g)
		}
		r.Genders = append(r.Genders, norm)
	}
	if r.System = strings.ToUpper(strings.TrimSpace(v.Get("system"))); r.System != "" {
		if !isWord(r.System, 8) {
			return Request{}, fieldErr("system", "%q is not a size system such as EU, UK or US", r.System)
		}
		if r.System == "LETTER" {
			r.System = catalog.SystemLetter
		}
	}
	if r.Currency = strings.ToUpper(strings.TrimSpace(v.Get("currency"))); r.Currency != "" {
		if _, ok := rates.Convert(1, r.Currency, rates.Base); !ok || len(r.Currency) != 3 {
			return Request{}, fieldErr("currency", "%q is not a currency tagdrop converts (use an ISO 4217 code such as EUR)", r.Currency)
		}
	}
	priceCur := r.Currency
	if priceCur == "" {
		priceCur = rates.Base
	}
	if r.MinPrice, err = price(v, "min_price", priceCur); err != nil {
		return Request{}, err
	}
	if r.MaxPrice, err = price(v, "max_price", priceCur); err != nil {
		return Request{}, err
	}
	if r.MaxPrice > 0 && r.MinPrice > r.MaxPrice {
		return Request{}, fieldErr("min_price", "is above max_price")
	}
	if r.MinDiscount, err = number(v, "min_discount", 0, 0, 99); err != nil {
		return Request{}, err
	}
	if r.OnSale, err = boolean(v, "on_sale"); err != nil {
		return Request{}, err
	}
	if r.HideQuestionable, err = boolean(v, "hide_questionable"); err != nil {
		return Request{}, err
	}
	if s := strings.TrimSpace(v.Get("new_since")); s != "" {
		if r.NewSince, err = parseSince(s); err != nil {
			return Request{}, fieldErr("new_since", "%v", err)
		}
	}
	if s := strings.TrimSpace(v.Get("sort")); s != "" {
		var ok bool
		if r.Sort, ok = sorts[s]; !ok {
			return Request{}, fieldErr("sort", "%q is not one of relevance, discount, price_low, price_high, newest, drop", s)
		}
	}
	if r.Page, err = number(v, "page", 1, 1, MaxPage); err != nil {
		return Request{}, err
	}
	if r.PerPage, err = number(v, "per_page", index.DefaultPerPage, 1, MaxPerPage); err != nil {
		return Request{}, err
	}
	return r, nil
}

// list reads a repeatable parameter: one value per occurrence, never split on commas (brand
// names hold them: "Proenza Schouler, White Label").
func list(v url.Values, name string) ([]string, error) {
	var out []string
	for _, s := range v[name] {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if n := utf8.RuneCountInString(s); n > MaxValueLen {
			return nil, fieldErr(name, "a value is %d characters long; the most is %d", n, MaxValueLen)
		}
		out = append(out, s)
	}
	if len(out) > MaxValues {
		return nil, fieldErr(name, "has %d values; the most is %d", len(out), MaxValues)
	}
	return out, nil
}

func isWord(s string, maxLen int) bool {
	if s == "" || len(s) > maxLen {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

func price(v url.Values, name, currency string) (int64, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0, nil
	}
	whole, _, _ := strings.Cut(s, ".")
	if len(whole) > 10 || strings.HasPrefix(s, "-") {
		return 0, fieldErr(name, "%q is not an amount between 0 and %d", clip(s), maxPriceMajor)
	}
	amount, err := catalog.ParseDecimal(s, currency)
	if err != nil {
		return 0, fieldErr(name, "%q is not an amount such as 150 or 149.90", clip(s))
	}
	if w, _ := strconv.ParseInt(whole, 10, 64); w > maxPriceMajor {
		return 0, fieldErr(name, "%q is not an amount between 0 and %d", clip(s), maxPriceMajor)
	}
	return amount, nil
}

func number(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fieldErr(name, "%q is not a whole number from %d to %d", clip(s), lo, hi)
	}
	return n, nil
}

func boolean(v url.Values, name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v.Get(name))) {
	case "", "0", "false", "off", "no":
		return false, nil
	case "1", "true", "on", "yes":
		return true, nil
	}
	return false, fieldErr(name, "%q is not true or false", clip(v.Get(name)))
}

// parseSince reads a date (2026-03-01), a time (RFC 3339) or an age in days ("7d").
func parseSince(s string) (time.Time, error) {
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 || n > 3650 {
			return time.Time{}, fmt.Errorf("%q is not a number of days from 0 to 3650", clip(s))
		}
		return time.Now().UTC().Add(-time.Duration(n) * 24 * time.Hour), nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (2026-03-01), a time (RFC 3339) or days (7d)", clip(s))
}

// clip shortens a value quoted back in an error.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}

// Categories resolves category keys; the store implements it.
type Categories interface {
	CategoryBySlug(ctx context.Context, key string) (catalog.Category, error)
}

// noCategory is a category id nothing is filed under: an unknown category finds nothing.
const noCategory = -1

// Query turns the request into an index query, resolving category keys through cats. An
// unknown category finds nothing, like an unknown brand; facets are always asked for.
func (r Request) Query(ctx context.Context, cats Categories) (index.Query, error) {
	q := index.Query{
		Text: r.Text, Brands: r.Brands, Colours: r.Colours, Genders: r.Genders, Retailers: r.Retailers,
		Sizes: r.Sizes, Currency: r.Currency, MinPrice: r.MinPrice, MaxPrice: r.MaxPrice,
		MinDiscount: r.MinDiscount, OnSale: r.OnSale, HideQuestionable: r.HideQuestionable, NewSince: r.NewSince,
		Sort: r.Sort, Page: r.Page, PerPage: r.PerPage, Facets: true, SizeSystem: r.System,
	}
	for _, key := range r.Categories {
		c, err := cats.CategoryBySlug(ctx, key)
		switch {
		case errors.Is(err, store.ErrNotFound):
			q.Categories = append(q.Categories, noCategory)
		case err != nil:
			return index.Query{}, err
		default:
			q.Categories = append(q.Categories, c.ID)
		}
	}
	return q, nil
}

// FindsNothing reports a request whose text has no letter or digit ("%", "!!"): there is
// nothing to match, and answering with everything would surprise.
func (r Request) FindsNothing() bool {
	return r.Text != "" && !strings.ContainsFunc(r.Text, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) })
}

// Empty is the answer to a request that finds nothing.
func (r Request) Empty() Answer {
	return Answer{Page: max(r.Page, 1), PerPage: max(r.PerPage, 1), Facets: map[string][]Facet{}}
}

// Values writes the request back as URL parameters (defaults left out), the inverse of Parse:
// how pages build their shareable links.
func (r Request) Values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("q", r.Text)
	v["brand"] = r.Brands
	v["category"] = r.Categories
	v["size"] = r.Sizes
	set("system", r.System)
	v["color"] = r.Colours
	v["retailer"] = r.Retailers
	v["gender"] = r.Genders
	cur := r.Currency
	if r.MinPrice > 0 {
		set("min_price", trimZeros(catalog.FormatDecimal(r.MinPrice, cur)))
	}
	if r.MaxPrice > 0 {
		set("max_price", trimZeros(catalog.FormatDecimal(r.MaxPrice, cur)))
	}
	set("currency", r.Currency)
	if r.MinDiscount > 0 {
		set("min_discount", strconv.Itoa(r.MinDiscount))
	}
	if r.OnSale {
		set("on_sale", "1")
	}
	if r.HideQuestionable {
		set("hide_questionable", "1")
	}
	if !r.NewSince.IsZero() {
		set("new_since", r.NewSince.UTC().Format(time.RFC3339))
	}
	if r.Sort != "" && r.Sort != index.SortRelevance {
		set("sort", string(r.Sort))
	}
	if r.Page > 1 {
		set("page", strconv.Itoa(r.Page))
	}
	if r.PerPage != 0 && r.PerPage != index.DefaultPerPage {
		set("per_page", strconv.Itoa(r.PerPage))
	}
	for k, vals := range v {
		if len(vals) == 0 {
			delete(v, k)
		}
	}
	return v
}

// trimZeros writes "150.00" as "150".
func trimZeros(s string) string {
	if whole, frac, ok := strings.Cut(s, "."); ok && strings.Trim(frac, "0") == "" {
		return whole
	}
	return s
}
