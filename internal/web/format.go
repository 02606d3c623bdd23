package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// funcs are the helpers every template may call. They format; they never query.
var funcs = template.FuncMap{
	"money":      formatPrice,
	"imgsrc":     imageSource,
	"date":       func(t time.Time) string { return t.UTC().Format("2 Jan 2006") },
	"datetime":   func(t time.Time) string { return t.UTC().Format("2 Jan 2006, 15:04 MST") },
	"isodate":    func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"productURL": func(id int64) string { return fmt.Sprintf("/products/%d", id) },
	"grid":       gridHTML,
	"availability": func(a catalog.Availability) string {
		switch a {
		case catalog.InStock:
			return "In stock"
		case catalog.OutOfStock:
			return "Sold out"
		case catalog.Preorder:
			return "Pre-order"
		}
		return "Ask the shop"
	},
}

// formatPrice shows an amount the way shops do: whole amounts without decimals ("€445"),
// others with them ("€44.50").
func formatPrice(minor int64, currency string) string {
	s := catalog.FormatMoney(minor, currency)
	d := catalog.MinorDigits(currency)
	if d > 0 && minor%pow10(d) == 0 {
		zeros := "." + strings.Repeat("0", d)
		s = strings.Replace(s, zeros, "", 1)
	}
	return s
}

func pow10(n int) int64 {
	v := int64(1)
	for range n {
		v *= 10
	}
	return v
}

// placeholderImage stands in for a product with no usable picture.
const placeholderImage = "/static/img/placeholder.svg"

// imageSource vets an image address from a feed or an editor before it reaches a src attribute:
// site-relative paths, http(s) URLs and raster or SVG data: URLs (an <img> never runs script,
// and the CSP allows data: images) pass; anything else becomes the placeholder.
func imageSource(raw string) template.URL {
	raw = strings.TrimSpace(raw)
	switch {
	case raw == "":
		return placeholderImage
	case strings.HasPrefix(raw, "data:image/"):
		mime, _, _ := strings.Cut(raw[len("data:"):], ",")
		mime, _, _ = strings.Cut(mime, ";")
		switch mime {
		case "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/svg+xml":
			return template.URL(raw)
		}
		return placeholderImage
	case strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//"):
		return template.URL(raw)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return placeholderImage
	}
	return template.URL(u.String())
}
