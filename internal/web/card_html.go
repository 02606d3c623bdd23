package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
)

// gridHTML renders a grid of product cards: the markup of the "card" and "price" templates in
// _partials.html, written directly. A search page shows 24 cards of some 25 fields each, and
// html/template's reflection and escaper calls per field made them the larger half of the page's
// time; here every value is escaped with html.EscapeString, and the image address is vetted by
// imageSource first. TestGridHTMLMatchesTemplates holds the two renderings to the same markup.
func gridHTML(hits []search.Hit) template.HTML {
	var b strings.Builder
	b.Grow(len(hits) * 1400)
	b.WriteString("<ul class=\"grid\" role=\"list\">\n")
	for i := range hits {
		b.WriteString("<li>")
		writeCard(&b, &hits[i].Listing)
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
	return template.HTML(b.String())
}

// questionableTitle explains the questionable-discount mark.
const questionableTitle = "The regular price this discount is taken from was charged on fewer than 7 of the 30 days before the sale"

func writeCard(b *strings.Builder, l *store.Listing) {
	esc := func(s string) { b.WriteString(html.EscapeString(s)) }
	b.WriteString(`<article class="card`)
	if !l.InStock {
		b.WriteString(" is-soldout")
	}
	b.WriteString(`"><a class="card-link" href="/products/`)
	b.WriteString(strconv.FormatInt(l.ProductID, 10))
	b.WriteString(`"><div class="card-media"><img src="`)
	esc(string(imageSource(l.ImageURL)))
	b.WriteString(`" alt="`)
	esc(l.Brand)
	b.WriteByte(' ')
	esc(l.Title)
	b.WriteString(`" width="480" height="600" loading="lazy" decoding="async">`)
	switch {
	case l.OnSale():
		b.WriteString(`<span class="badge">−`)
		b.WriteString(strconv.Itoa(l.DiscountPct()))
		b.WriteString(`%</span>`)
	case !l.InStock:
		b.WriteString(`<span class="badge badge-muted">Sold out</span>`)
	}
	b.WriteString(`</div><div class="card-body"><p class="card-brand">`)
	esc(l.Brand)
	b.WriteString(`</p><h3 class="card-title">`)
	esc(l.Title)
	b.WriteString(`</h3>`)
	writePrice(b, l)
	switch {
	case len(l.Sizes) > 0:
		b.WriteString(`<p class="card-sizes"><span class="visually-hidden">Sizes in stock: </span>`)
		for _, s := range l.Sizes {
			b.WriteString(`<span class="size">`)
			esc(s)
			b.WriteString(`</span> `)
		}
		b.WriteString(`</p>`)
	case l.InStock && l.SizeKind != "":
		b.WriteString(`<p class="card-sizes"><span class="size">` + index.SizeNotGiven + `</span></p>`)
	case l.InStock:
		b.WriteString(`<p class="card-sizes"><span class="size">` + index.OneSize + `</span></p>`)
	}
	b.WriteString(`<p class="card-meta">`)
	if l.Retailer != "" {
		b.WriteString("at ")
		esc(l.Retailer)
	}
	if l.IsLowest30d() {
		b.WriteString(`<span class="low30">Lowest in 30 days</span>`)
	}
	if l.OnSale() && l.Questionable {
		b.WriteString(`<span class="questionable" title="` + questionableTitle + `">Questionable discount</span>`)
	}
	b.WriteString(`</p></div></a></article>`)
}

// writePrice is the "price" template: now and was, or the regular price.
func writePrice(b *strings.Builder, l *store.Listing) {
	if !l.HasOffer {
		b.WriteString(`<p class="price price-none">No longer listed</p>`)
		return
	}
	b.WriteString(`<p class="price">`)
	if l.OnSale() {
		b.WriteString(`<span class="price-now"><span class="visually-hidden">Now </span>`)
		b.WriteString(html.EscapeString(formatPrice(l.Price, l.Currency)))
		b.WriteString(`</span><del class="price-was"><span class="visually-hidden">was </span>`)
		b.WriteString(html.EscapeString(formatPrice(l.RegularPrice, l.Currency)))
		b.WriteString(`</del>`)
	} else {
		b.WriteString(`<span class="price-regular">`)
		b.WriteString(html.EscapeString(formatPrice(l.Price, l.Currency)))
		b.WriteString(`</span>`)
	}
	b.WriteString(`</p>`)
}
