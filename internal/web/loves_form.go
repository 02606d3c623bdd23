package web

import (
	"fmt"
	"strings"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/store"
)

// loveForm is the "Love" form of a product: the sizes and colours its offers come in, and the
// values as typed.
type loveForm struct {
	ProductID int64
	Sizes     []string
	Colours   []string
	Currency  string
	// Size, Color and Target are the values as typed; AnyDrop and BackInStock the boxes.
	Size        string
	Color       string
	Target      string
	AnyDrop     bool
	BackInStock bool
	// Field names the field at fault and Error says why (a rejected form).
	Field string
	Error string
}

// newLoveForm is a product's empty love form: both alerts on.
func newLoveForm(p store.ProductDetail) loveForm {
	f := loveForm{ProductID: p.ID, Currency: p.Best.Currency, AnyDrop: true, BackInStock: true}
	var sizes []string
	seen := map[string]bool{}
	for _, o := range p.Offers {
		sizes = append(sizes, o.Size)
		if c := strings.TrimSpace(o.Color); c != "" && !seen[strings.ToLower(c)] {
			seen[strings.ToLower(c)] = true
			f.Colours = append(f.Colours, c)
		}
		if f.Currency == "" {
			f.Currency = o.Currency
		}
	}
	f.Sizes = store.SortSizes(sizes)
	if f.Currency == "" {
		f.Currency = "EUR"
	}
	return f
}

// LoveForm is the product page's love form.
func (v productView) LoveForm() loveForm { return newLoveForm(v.Product) }

// love checks the form against the product and returns the love it asks for, or the field at
// fault and why. A size must be one the product's offers come in ("" watches every size); a
// colour likewise; a target must be an amount above zero and below the product's full price.
func (f loveForm) love(p store.ProductDetail) (alerts.Love, string, string) {
	l := alerts.Love{AlertAnyDrop: f.AnyDrop, AlertBackInStock: f.BackInStock}
	if f.Size != "" {
		size, ok := pick(f.Sizes, f.Size)
		if !ok {
			if len(f.Sizes) == 0 {
				if p.Best.SizeKind != "" {
					return l, "size", fmt.Sprintf("Size “%s” cannot be watched: the shops do not list this item’s sizes", clipInput(f.Size))
				}
				return l, "size", fmt.Sprintf("Size “%s” is not available: this item comes in one size", clipInput(f.Size))
			}
			return l, "size", fmt.Sprintf("Size “%s” is not one this item comes in (%s)", clipInput(f.Size), strings.Join(f.Sizes, ", "))
		}
		l.Size = size
	}
	if f.Color != "" {
		colour, ok := pick(f.Colours, f.Color)
		if !ok {
			return l, "color", fmt.Sprintf("Colour “%s” is not one this item comes in", clipInput(f.Color))
		}
		l.Color = colour
	}
	target, msg := parseAmount("Target price", f.Target, f.Currency, maxRegular(p.Offers))
	if msg != "" {
		return l, "target", msg
	}
	l.TargetPrice = target
	return l, "", ""
}

// pick finds s among choices, ignoring case and surrounding space, and returns the choice.
func pick(choices []string, s string) (string, bool) {
	for _, c := range choices {
		if strings.EqualFold(strings.TrimSpace(c), strings.TrimSpace(s)) {
			return c, true
		}
	}
	return "", false
}
