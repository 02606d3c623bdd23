package feed

import (
	"encoding/json"
	"strings"
)

// shopifyTags are a product's tags: an array in storefront products.json, a comma-separated
// string in the Admin API's export.
type shopifyTags []string

// UnmarshalJSON reads tags given either way.
func (t *shopifyTags) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		*t = list
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return nil // tags of another shape say nothing tagdrop reads
	}
	for _, tag := range strings.Split(s, ",") {
		*t = append(*t, strings.TrimSpace(tag))
	}
	return nil
}

// gender is the gender a product's tags name ("Womens", "Herren", "Femme"), "" when they name
// none or both. "Unisex", "Man", "Woman" are left out: stores add them as filter facets.
func (t shopifyTags) gender() string {
	found := ""
	for _, tag := range t {
		g, ok := genderTags[strings.ToLower(strings.TrimSpace(tag))]
		switch {
		case !ok:
		case found == "":
			found = g
		case found != g:
			return ""
		}
	}
	return found
}

// genderTags are the tags stores file products under by gender, in their languages.
var genderTags = map[string]string{
	"men": "male", "mens": "male", "men's": "male", "herren": "male", "homme": "male",
	"hommes": "male", "hombre": "male", "uomo": "male", "heren": "male", "herr": "male", "miesten": "male", "męskie": "male",
	"women": "female", "womens": "female", "women's": "female", "damen": "female",
	"femme": "female", "femmes": "female", "mujer": "female", "donna": "female", "dames": "female", "dam": "female",
	"naisten": "female", "damskie": "female", "ladies": "female",
}

// notMerchandise reports a product no shopper follows: a gift card (its type says so) or a
// checkout add-on such as shipping protection (none of its variants is shipped and its type or
// title says what it is). A garment a store marked as not shipped by mistake stays.
func notMerchandise(p shopifyProduct) bool {
	if giftCardTypes[strings.ToLower(strings.TrimSpace(p.ProductType))] {
		return true
	}
	for _, v := range p.Variants {
		if v.RequiresShipping == nil || *v.RequiresShipping {
			return false
		}
	}
	title := strings.ToLower(p.Title)
	for _, w := range addOnWords {
		if strings.Contains(title, w) {
			return true
		}
	}
	return false
}

// addOnWords name checkout add-ons in a product's title.
var addOnWords = []string{"protection", "insurance", "gift card", "giftcard", "gift wrap", "donation", "warranty", "e-gift", "gutschein", "carte cadeau"}

// giftCardTypes are product types of gift cards and add-ons, lower case.
var giftCardTypes = map[string]bool{"gift card": true, "gift cards": true, "giftcard": true, "gift voucher": true,
	"gutschein": true, "geschenkgutschein": true, "carte cadeau": true, "tarjeta regalo": true, "buono regalo": true,
	"cadeaubon": true, "cadeaukaart": true, "presentkort": true, "gavekort": true, "insurance": true, "shipping protection": true}

// productTypeOf is a product's type unless it is Shopify's filler ("Default").
func productTypeOf(p shopifyProduct) string {
	t := strings.TrimSpace(p.ProductType)
	switch strings.ToLower(t) {
	case "default", "default product type", "none", "n/a", "other", "-":
		return ""
	}
	return t
}

// Option names of the other variant axes stores use.
var (
	waistOptions    = map[string]bool{"waist": true, "bundweite": true, "weite": true, "tour de taille": true, "cintura": true, "taillewijdte": true, "midja": true}
	lengthOptions   = map[string]bool{"length": true, "inseam": true, "leg": true, "leg length": true, "länge": true, "beinlänge": true, "longueur": true, "lengte": true, "largo": true, "lunghezza": true, "längd": true}
	materialOptions = map[string]bool{"material": true, "materiaal": true, "matière": true, "matériau": true, "materiale": true, "materiał": true}
)

// optionNamed reports an option name, in any case, in names.
func optionNamed(name string, names map[string]bool) bool {
	return names[strings.ToLower(strings.TrimSpace(name))]
}

// waistLength writes a jeans size from its Waist and Length options: "W30 L32", or "W30"
// when the length is a word ("Short"). A waist that is not a number ("S (28-30)") is the size
// as written.
func waistLength(waist, length string) string {
	w, ok := inches(waist, "W")
	if !ok {
		return waist
	}
	if l, ok := inches(length, "L"); ok {
		return "W" + w + " L" + l
	}
	return "W" + w
}

// inches reads a waist or length option's number: "30", "W30", "32\"", "30.5".
func inches(v, prefix string) (string, bool) {
	v = strings.TrimSuffix(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(v)), prefix), "\"")
	if v == "" || len(v) > 4 {
		return "", false
	}
	for _, r := range v {
		if (r < '0' || r > '9') && r != '.' {
			return "", false
		}
	}
	return v, true
}
