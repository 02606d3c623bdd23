package web

import (
	"bytes"
	"html/template"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
)

// cardTemplates is the html/template markup gridHTML replaced, kept as the reference.
const cardTemplates = `{{define "card"}}
<article class="card{{if not .InStock}} is-soldout{{end}}">
  <a class="card-link" href="{{productURL .ProductID}}">
    <div class="card-media">
      <img src="{{imgsrc .ImageURL}}" alt="{{.Brand}} {{.Title}}" width="480" height="600" loading="lazy" decoding="async">
      {{if .OnSale}}<span class="badge">−{{.DiscountPct}}%</span>{{else if not .InStock}}<span class="badge badge-muted">Sold out</span>{{end}}
    </div>
    <div class="card-body">
      <p class="card-brand">{{.Brand}}</p>
      <h3 class="card-title">{{.Title}}</h3>
      {{template "price" .}}
      {{if .Sizes}}<p class="card-sizes"><span class="visually-hidden">Sizes in stock: </span>{{range .Sizes}}<span class="size">{{.}}</span> {{end}}</p>
      {{else if and .InStock .SizeKind}}<p class="card-sizes"><span class="size">Size not given</span></p>
      {{else if .InStock}}<p class="card-sizes"><span class="size">One size</span></p>{{end}}
      <p class="card-meta">{{if .Retailer}}at {{.Retailer}}{{end}}{{if .IsLowest30d}}<span class="low30">Lowest in 30 days</span>{{end}}{{if and .OnSale .Questionable}}<span class="questionable" title="The regular price this discount is taken from was charged on fewer than 7 of the 30 days before the sale">Questionable discount</span>{{end}}</p>
    </div>
  </a>
</article>
{{end}}
{{define "price"}}
{{if .HasOffer}}
<p class="price">
  {{if .OnSale}}<span class="price-now"><span class="visually-hidden">Now </span>{{money .Price .Currency}}</span>
  <del class="price-was"><span class="visually-hidden">was </span>{{money .RegularPrice .Currency}}</del>
  {{else}}<span class="price-regular">{{money .Price .Currency}}</span>{{end}}
</p>
{{else}}<p class="price price-none">No longer listed</p>{{end}}
{{end}}
{{define "grid"}}
<ul class="grid" role="list">
{{range .}}<li>{{template "card" .}}</li>
{{end}}
</ul>
{{end}}`

// TestGridHTMLMatchesTemplates renders cards of every state (on sale, questionable, lowest in
// 30 days, sold out, no longer listed, sizes, hostile text and image addresses) with gridHTML
// and with the templates it replaced, and compares the two as parsed HTML: the same elements,
// attributes and text, whitespace between tags aside.
func TestGridHTMLMatchesTemplates(t *testing.T) {
	hits := []search.Hit{
		{Listing: store.Listing{ProductID: 1, Brand: "Chloé", Title: "Woody tote", ImageURL: "https://img.example/a.jpg?w=480&h=600",
			Retailer: "Shop A", Currency: "EUR", Price: 44500, RegularPrice: 89000, Lowest30d: 44500, Sizes: []string{"EU 38", "EU 39"},
			InStock: true, HasOffer: true}},
		{Listing: store.Listing{ProductID: 2, Brand: `Bad "Brand" <b>`, Title: `<script>alert(1)</script>`, ImageURL: `javascript:alert(1)`,
			Retailer: `R&D <shop>`, Currency: "GBP", Price: 4450, RegularPrice: 8900, Questionable: true, InStock: true, HasOffer: true}},
		{Listing: store.Listing{ProductID: 3, Brand: "Toteme", Title: "Scarf", ImageURL: "/static/demo/scarf.svg", Currency: "USD",
			Price: 12000, RegularPrice: 12000, InStock: true, HasOffer: true}},
		{Listing: store.Listing{ProductID: 7, Brand: "Ganni", Title: "Wrap dress", Currency: "EUR", Price: 9000, RegularPrice: 9000,
			SizeKind: "dresses", InStock: true, HasOffer: true}},
		{Listing: store.Listing{ProductID: 4, Brand: "Ganni", Title: "Sold out boots", Currency: "EUR", Price: 30000, RegularPrice: 40000,
			Sizes: nil, InStock: false, HasOffer: true}},
		{Listing: store.Listing{ProductID: 5, Brand: "Gone", Title: "No offer", ImageURL: "data:image/png;base64,iVBORw0KGgo=", HasOffer: false}},
		{Listing: store.Listing{ProductID: 6, Brand: "L'Autre Chose", Title: "Mules 'n' more", ImageURL: `https://img.example/x.jpg" onerror="alert(1)`,
			Retailer: "Shop B", Currency: "JPY", Price: 19000, RegularPrice: 38000, Sizes: []string{"M & L"}, InStock: true, HasOffer: true}},
	}
	ref := template.Must(template.New("ref").Funcs(funcs).Parse(cardTemplates))
	var want bytes.Buffer
	if err := ref.ExecuteTemplate(&want, "grid", hits); err != nil {
		t.Fatal(err)
	}
	got := string(gridHTML(hits))
	w, g := htmlTokens(t, want.String()), htmlTokens(t, got)
	if strings.Join(w, "\n") != strings.Join(g, "\n") {
		for i := range min(len(w), len(g)) {
			if w[i] != g[i] {
				t.Fatalf("token %d differs:\ntemplate: %s\ngridHTML: %s", i, w[i], g[i])
			}
		}
		t.Fatalf("%d tokens from the template, %d from gridHTML", len(w), len(g))
	}
	if strings.Contains(got, "<script>") || strings.Contains(got, `" onerror=`) || strings.Contains(got, "javascript:") {
		t.Errorf("hostile text got through:\n%s", got)
	}
}

// htmlTokens lists the tokens of s as parsed by a browser-grade tokenizer: tags with their
// attributes in order, and text with runs of whitespace collapsed; whitespace-only text is
// dropped.
func htmlTokens(t *testing.T, s string) []string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(s))
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			return out
		}
		tok := z.Token()
		if tt == html.TextToken {
			text := strings.Join(strings.Fields(tok.Data), " ")
			if text == "" {
				continue
			}
			// Text between tags may be split differently by whitespace: join neighbours.
			if n := len(out); n > 0 && strings.HasPrefix(out[n-1], "text:") {
				out[n-1] += " " + text
				continue
			}
			out = append(out, "text:"+text)
			continue
		}
		out = append(out, tok.String())
	}
}
