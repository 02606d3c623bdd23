package ingest

import (
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// childSize says whether an item is a child's (childItem) with a size that is not one size: a
// girls' "10", "S" or "8-10" (ages, which catalog.ParseSizePair would read as a pair of sizes),
// a kids' shoe "12". Such a size is written in catalog.SystemChild, in place of the feed's or
// the market's system, so it is found under its own text and reaches no adult shopper:
// shoppers give adult sizes, and a girls' US 10 is no women's US 10. A one-size kids' cap stays
// one size.
func childSize(it feed.Item, kind string) bool {
	if strings.TrimSpace(it.Size) == "" || !childItem(it) {
		return false
	}
	s, err := catalog.ParseSize(it.Size, "", kind)
	return err != nil || !s.OneSize
}

// childItem says whether an item is made for a child: its feed's age_group is one of Google's
// newborn, infant, toddler, kids; or, where the feed gives no age group (affiliate CSVs seldom
// do), a section of its product type is a children's department (see childDepartment), or its
// title says so in the possessive ("Kids' Rain Jacket", "Children's Wellies", "Girls' Ballet
// Flats"). A feed that says adult is believed. Titles are read for possessives only: "Kids Love
// Gaite" is a maker of adult shoes and "Spice Girls" a band; "Girls' Night Out" is an evening.
// A section that is the item's brand, or follows a list of brands ("Brands > Kids Love Gaite"),
// names a maker, not a department.
func childItem(it feed.Item) bool {
	age := strings.ToLower(strings.TrimSpace(it.AgeGroup))
	if age != "" {
		return childAgeGroups[age]
	}
	brand := strings.Join(strings.Fields(strings.ToLower(it.Brand)), " ")
	afterBrands := false
	for _, section := range productTypeSections(it.ProductType) {
		words := strings.Fields(strings.ToLower(section))
		if len(words) == 0 {
			continue
		}
		name := strings.Join(words, " ")
		if !afterBrands && name != brand && childDepartment(words) {
			return true
		}
		afterBrands = brandLists[name]
	}
	words := strings.Fields(strings.ToLower(it.Title))
	for i, w := range words {
		if childPossessives[strings.Trim(w, ",.;:()")] && !(i+1 < len(words) && outingWords[words[i+1]]) {
			return true
		}
	}
	return false
}

// productTypeSections splits a product type into its sections at ">", "/", "|", ",", ";" and
// a spaced dash ("Clothing - Kids - Boys"; "T-Shirts" stays one word).
func productTypeSections(productType string) []string {
	productType = strings.ReplaceAll(productType, " - ", ">")
	return strings.FieldsFunc(productType, func(r rune) bool { return strings.ContainsRune(">/|,;", r) })
}

// childDepartment says whether a product-type section's lower-case words name a children's
// department: a word of its own ("Kids", "Mädchen", "Bébé", "Dziewczynka"); a department word
// first, before what the department sells ("Girls' Dresses", "Kids Shoes", "Kinderschuhe") or
// a span of ages ("Fille 3-14 ans", "Niña (2-14 años)"); an age before a department word ("Big
// Kids'", "Baby Girl", "Teen Boys"); a French, Spanish or Italian department word after the
// noun it qualifies ("Vêtements enfant", "Ropa de niños", "Moda infantil"). A bare "kid" first
// is kidskin ("Kid Leather Gloves", "Kid Suede"); a department word before an outing ("Girls
// Night Out") or before "of" ("Youth of Paris", a maker) is no department.
func childDepartment(words []string) bool {
	first := words[0]
	if len(words) == 1 {
		return childSections[first] || strings.HasPrefix(first, "kinder")
	}
	bare := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(first, "'s"), "’s"), "'’")
	second := strings.Trim(strings.TrimSuffix(strings.TrimSuffix(words[1], "'s"), "’s"), "'’()[]")
	switch {
	case outingWords[words[1]] || words[1] == "of":
		return false // "Girls Night Out"; a name: "Girls of Paris", "Children of the Discordance"
	case bare == "kid" && first == bare:
		return false // kidskin: "Kid Leather Gloves"
	case childSectionStarts[bare] || strings.HasPrefix(first, "kinder"):
		return true // "Girls' Dresses", "Kids Shoes", "Kinder-Schuhe"
	case childSections[first] && second != "" && second[0] >= '0' && second[0] <= '9':
		return true // "Fille 3-14 ans"
	case ageWords[first] && (childSectionStarts[second] || second == "girl" || second == "boy"):
		return true // "Big Kids'", "Baby Girl"
	case first == "grade" && second == "school":
		return true // Nike's "Grade School" (GS)
	}
	last := len(words) - 1
	// "Vêtements enfant"; but a "col bébé" is a Peter Pan collar ("Blouses col bébé").
	return childNounsAfter[words[last]] && words[last-1] != "col"
}

// childAgeGroups are the age_group values of children's items.
var childAgeGroups = wordList("newborn", "infant", "toddler", "kids", "kid", "child", "children", "baby", "youth")

// childSections are product-type sections that are children's departments on their own, in the
// languages shops write them.
var childSections = wordList("kids", "kid", "children", "childrens", "children's", "girls", "boys",
	"baby", "babies", "toddler", "toddlers", "infant", "infants", "newborn", "newborns", "youth",
	"junior", "preschool", "kinder", "kinderbekleidung", "mädchen", "jungen", "jungs", "babymode",
	"babykleidung", "babyschuhe", "enfant", "enfants", "fille", "filles", "garçon", "garçons",
	"bébé", "bébés", "niños", "niñas", "niño", "niña", "bebé", "bebés", "infantil", "bambini",
	"bambino", "bambina", "bambine", "neonato", "neonata", "neonati", "kinderen", "meisjes",
	"jongens", "babykleding", "barn", "barnkläder", "barnskor", "flicka", "flickor", "pojke",
	"pojkar", "dzieci", "dziecko", "dziewczynki", "dziewczynka", "chłopcy", "chłopiec",
	"niemowlę", "niemowlęta")

// childSectionStarts are first words of a product-type section that make it a children's
// department ("Girls Dresses", "Kids' Shoes"); baby is not one ("Baby Doll Dresses").
var childSectionStarts = wordList("kids", "kid", "children", "childrens", "girls", "boys", "toddler",
	"toddlers", "infant", "infants", "newborn", "youth", "kinder", "mädchen", "jungen", "jungs")

// ageWords are the words before a department word that say which children it dresses ("Big
// Kids'", "Baby Girl", "Teen Boys").
var ageWords = wordList("big", "little", "baby", "teen", "teens", "tween", "tweens", "older", "younger")

// childNounsAfter are French, Spanish and Italian department words that follow the noun they
// qualify ("Chaussures enfant", "Ropa de niña").
var childNounsAfter = wordList("enfant", "enfants", "fille", "filles", "garçon", "garçons", "bébé",
	"niños", "niñas", "niño", "niña", "bebé", "infantil", "bambini", "bambino", "bambina", "bambine")

// outingWords follow "girls" or "kids" in the name of an outing, not a department ("Girls
// Night Out", "Girls' Trip").
var outingWords = wordList("night", "nights", "trip", "weekend")

// brandLists are product-type sections whose next section is a brand ("Brands > Kids Love
// Gaite").
var brandLists = wordList("brands", "brand", "designers", "designer", "marken", "marke", "marques",
	"marcas", "marche", "merken", "marki", "märken")

// childPossessives are the title words that say an item is a child's.
var childPossessives = wordList("kids'", "kid's", "kids’", "kid’s", "children's", "children’s",
	"toddler's", "toddlers'", "toddler’s", "girls'", "girls’", "boys'", "boys’")
