package feed

import (
	"regexp"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// attributeName finds where each pair of an attributes cell starts: at the cell's start or
// after a ";", ",", "|" or line break, a short name followed by ":" or "=". A separator not
// followed by a name belongs to the value ("size=W32, L34" is one pair). A name holds no
// sentence punctuation: in "hand wash cold, dry flat. Size guide: true to size" no pair
// starts at the comma.
var attributeName = regexp.MustCompile(`(?:^|[;,|\n])\s*([\p{L}][\p{L}\p{N} _-]{0,39}?)\s*[:=]`)

// attributeFields are the fields an attributes cell may fill, with the setter that fills one
// and the getter that says whether the row already has it.
var attributeFields = map[string]struct {
	get func(*Item) string
	set func(*Item, string)
}{
	"brand":     {func(it *Item) string { return it.Brand }, func(it *Item, v string) { it.Brand = v }},
	"color":     {func(it *Item) string { return it.Color }, func(it *Item, v string) { it.Color = v }},
	"size":      {func(it *Item) string { return it.Size }, func(it *Item, v string) { it.Size = v }},
	"gender":    {func(it *Item) string { return it.Gender }, func(it *Item, v string) { it.Gender = v }},
	"material":  {func(it *Item) string { return it.Material }, func(it *Item, v string) { it.Material = v }},
	"pattern":   {func(it *Item) string { return it.Pattern }, func(it *Item, v string) { it.Pattern = v }},
	"age_group": {func(it *Item) string { return it.AgeGroup }, func(it *Item, v string) { it.AgeGroup = v }},
}

// attributeField is the field an attribute name stands for, by the default column names
// ("colour", "manufacturer", "fashion_size"), or "".
var attributeField = func() map[string]string {
	m := map[string]string{}
	for f := range attributeFields {
		for _, name := range defaultColumns[f] {
			m[name] = f
		}
	}
	return m
}()

// fillFromAttributes reads a cell of name:value or name=value pairs ("color:Navy;gender:female",
// "color=Blue,size=M,manufacturer=Nike") into the item's fields that are still empty; names it
// does not know are ignored, and the first value of a field wins.
func fillFromAttributes(it *Item, cell string) {
	starts := attributeName.FindAllStringSubmatchIndex(cell, -1)
	for n, m := range starts {
		end := len(cell)
		if n+1 < len(starts) {
			end = starts[n+1][0]
		}
		fillAttribute(it, cell[m[2]:m[3]], cell[m[1]:end])
	}
}

// fillAttribute sets the field an attribute name stands for ("Colour", "manufacturer", a shop's
// own language's "Farbe" or "Taille", WooCommerce's "pa_size") to value, when the item does not
// have it yet. Only a name that is exactly a field's ("Model size", "size_guide", "Colours
// available" and "color_temperature" are not) and, for size and colour, only a value that
// reads as one ("runs small", "see image", "S-XL", "4" are not) fill a field.
func fillAttribute(it *Item, name, value string) {
	f := attributeFieldOf(name)
	if f == "" {
		return
	}
	af, v := attributeFields[f], strings.TrimSpace(value)
	if v == "" || af.get(it) != "" || !attributeValueFits(f, v) {
		return
	}
	af.set(it, v)
}

// attributeFieldOf is the field an attribute name is exactly: a default column name of the
// field, or a shop's size, colour or material option name in any language, with WooCommerce's
// "pa_" or "attribute_pa_" prefix dropped; "" for any other name.
func attributeFieldOf(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.TrimPrefix(strings.TrimPrefix(n, "attribute_"), "pa_")
	switch {
	case sizeOptions[n]:
		return "size"
	case colourOptions[n]:
		return "color"
	case materialOptions[n]:
		return "material"
	case attributeNames[n] != "":
		return attributeNames[n]
	}
	return attributeField[headerKey(n)]
}

// attributeValueFits reports whether an attribute's value can be the field's: a size the
// catalog reads as one, or a bare number (a belt's 85, read once the category is known); a
// colour the catalog files under a family. Other fields take any value.
func attributeValueFits(field, v string) bool {
	switch field {
	case "size":
		if sizeNumber.MatchString(v) {
			return true
		}
		s, err := catalog.ParseSize(v, "", "")
		return err == nil && (s.System == catalog.SystemWaist || !sizeList(v))
	case "color":
		return catalog.ColourFamily(v) != "" && !colourList(v)
	}
	return true
}

// colourList reports a value that lists the colours on offer ("Black, Brown", "Red|Blue")
// rather than naming the item's ("Black/White" is one two-tone colour and stays).
func colourList(v string) bool {
	return listOf(v, func(p string) bool { return catalog.ColourFamily(p) != "" })
}

// sizeNumber is a size written as a bare number, whole or a half ("85", "42.5").
var sizeNumber = regexp.MustCompile(`^\d{1,3}(?:[.,]5)?$`)

// sizeList reports a value that lists the sizes on offer ("S|M|L", "36, 38, 40") rather than
// giving one; a jeans size's "W32, L34" is read whole before.
func sizeList(v string) bool {
	return listOf(v, func(p string) bool { _, err := catalog.ParseSize(p, "", ""); return err == nil })
}

// listOf reports a value of two or more parts, split at "|", ";" or ",", each of which is one
// (by is) on its own.
func listOf(v string, is func(string) bool) bool {
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '|' || r == ';' || r == ',' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !is(p) {
			return false
		}
	}
	return true
}

// attributePair matches the header keys of a column pair that names an attribute and gives its
// value: WooCommerce's "Attribute 1 name" / "Attribute 1 value(s)", Shopify's "Option1 Name" /
// "Option1 Value", and WooCommerce's in German ("Attribut 1 Name" / "Attribut 1 Wert(e)").
var attributePair = regexp.MustCompile(`^(attribute?|option)(\d{1,2})(name|values?|werte)$`)

// attributePairLocal matches the pairs of WooCommerce's exports in French ("Nom de l'attribut
// 1" / "Valeur(s) de l'attribut 1") and Spanish ("Nombre del atributo 1" / "Valor(es) del
// atributo 1"), whose number comes last.
var attributePairLocal = regexp.MustCompile(`^(nom|valeurs)delattribut(\d{1,2})$|^(nombre|valores)delatributo(\d{1,2})$`)

// attributePairOf reads a header key as one column of an attribute pair: the pair's number
// (with its family: an option's and an attribute's are two pairs) and whether the column
// names the attribute rather than giving its value.
func attributePairOf(k string) (n string, name, ok bool) {
	if m := attributePair.FindStringSubmatch(k); m != nil {
		family := "attribute"
		if m[1] == "option" {
			family = "option"
		}
		return family + m[2], m[3] == "name", true
	}
	if m := attributePairLocal.FindStringSubmatch(k); m != nil {
		if m[1] != "" {
			return "attribute" + m[2], m[1] == "nom", true
		}
		return "attribute" + m[4], m[3] == "nombre", true
	}
	return "", false, false
}

// attributePairs finds a header's attribute name and value column pairs, in header order.
func attributePairs(header []string) [][2]int {
	names := map[string]int{}
	var pairs [][2]int
	for i, h := range header {
		n, name, ok := attributePairOf(headerKey(h))
		if !ok {
			continue
		}
		if name {
			names[n] = i
			continue
		}
		if j, ok := names[n]; ok {
			pairs = append(pairs, [2]int{j, i})
		}
	}
	return pairs
}

// storeProductKind reports a shop system's kind of product record, which Magento's and
// WooCommerce's exports write in a product_type column: not a category. It allocates nothing,
// as it sees every row's product type.
func storeProductKind(v string) bool {
	if len(v) < 6 || len(v) > 12 {
		return false
	}
	for _, k := range storeProductKinds {
		if strings.EqualFold(v, k) {
			return true
		}
	}
	return false
}

// storeProductKinds are Magento's product types and WooCommerce's.
var storeProductKinds = []string{"simple", "configurable", "virtual", "bundle", "grouped", "downloadable",
	"variable", "variation", "external"}

// kelkooAvailability turns Kelkoo's availability codes into words: 1 in stock, 2 stock on
// order, 3 unknown, 4 pre-order, 5 available on order, 6 out of stock. Other values pass.
func kelkooAvailability(v string) string {
	switch strings.TrimSpace(v) {
	case "1":
		return "in stock"
	case "2", "4", "5":
		return "preorder"
	case "3":
		return ""
	case "6":
		return "out of stock"
	}
	return v
}
