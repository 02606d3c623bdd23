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
// do), a section of its product type names children ("Kids > Girls > Dresses", "Kinder /
// Mädchen", "Girls' Dresses"), or its title says so in the possessive ("Kids' Rain Jacket",
// "Children's Wellies"). A feed that says adult is believed. Titles are read for possessives
// only: "Kids Love Gaite" is a maker of adult shoes and "Spice Girls" a band.
func childItem(it feed.Item) bool {
	age := strings.ToLower(strings.TrimSpace(it.AgeGroup))
	if age != "" {
		return childAgeGroups[age]
	}
	sections := strings.FieldsFunc(it.ProductType, func(r rune) bool { return strings.ContainsRune(">/|,;", r) })
	for _, section := range sections {
		words := strings.Fields(strings.ToLower(section))
		if len(words) == 0 {
			continue
		}
		if len(words) == 1 && childSections[words[0]] {
			return true
		}
		if childSectionStarts[strings.TrimRight(strings.TrimSuffix(words[0], "'s"), "'’")] {
			return true // "Girls' Dresses", "Kids Shoes", "Boys Tops"
		}
	}
	for _, w := range strings.Fields(strings.ToLower(it.Title)) {
		if childPossessives[strings.Trim(w, ",.;:()")] {
			return true
		}
	}
	return false
}

// childAgeGroups are the age_group values of children's items.
var childAgeGroups = wordList("newborn", "infant", "toddler", "kids", "kid", "child", "children", "baby", "youth")

// childSections are product-type sections that are children's departments on their own, in the
// languages shops write them.
var childSections = wordList("kids", "kid", "children", "childrens", "children's", "girls", "boys",
	"baby", "babies", "toddler", "toddlers", "infant", "infants", "kinder", "kinderbekleidung",
	"mädchen", "jungen", "enfant", "enfants", "fille", "filles", "garçon", "garçons",
	"niños", "niñas", "niño", "niña", "infantil", "bambini", "bambino", "bambina", "kinderen",
	"meisjes", "jongens", "barn", "dzieci", "dziewczynki", "chłopcy")

// childSectionStarts are first words of a product-type section that make it a children's
// department ("Girls Dresses", "Kids' Shoes"); baby is not one ("Baby Doll Dresses").
var childSectionStarts = wordList("kids", "kid", "children", "childrens", "girls", "boys", "toddler",
	"toddlers", "kinder", "mädchen", "jungen")

// childPossessives are the title words that say an item is a child's.
var childPossessives = wordList("kids'", "kid's", "kids’", "kid’s", "children's", "children’s",
	"toddler's", "toddlers'", "toddler’s")
