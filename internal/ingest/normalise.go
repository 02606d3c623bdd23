package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// listing is a feed item normalised and ready to write, short of the ids that need the
// database (brand, category, product).
type listing struct {
	line     int
	brand    string   // as the feed spells it; resolved through brands and aliases when written
	category []string // root first; empty when the feed says nothing usable
	keyParts catalog.KeyParts
	product  catalog.Product
	offer    catalog.Offer
	hash     uint64 // of the feed record (feedhash.go); 0 when not hashed
}

// Limits on free text, so that one runaway field cannot bloat the catalogue.
const (
	maxTitle       = 300
	maxDescription = 5000
	maxCategory    = 8 // levels
)

// tables are the read-only directories normalisation consults. They are built once from the
// data embedded in catalog and shared by every import.
type tables struct {
	brands   *catalog.Brands
	taxonomy *catalog.Taxonomy
}

var defaultTables = sync.OnceValue(func() tables {
	return tables{brands: catalog.DefaultBrands(), taxonomy: catalog.DefaultTaxonomy()}
})

// tablesFor is the default tables with taxonomy tx in place of the default one (nil: the
// default taxonomy).
func tablesFor(tx *catalog.Taxonomy) tables {
	tb := defaultTables()
	if tx != nil {
		tb.taxonomy = tx
	}
	return tb
}

// normalise turns a feed item into a listing as seen at time at. It is pure.
func normalise(it feed.Item, retailerSlug string, at time.Time, m *memo) listing {
	return defaultTables().normalise(it, retailerSlug, at, m, nil)
}

// normalise is the package's normalise with these tables; cm, when not nil, is the calling
// goroutine's memo of the last item's category.
func (tb tables) normalise(it feed.Item, retailerSlug string, at time.Time, m *memo, cm *categoryMemo) listing {
	node, mapped := tb.categoriseWith(it, cm)
	l := listing{line: it.Line, brand: tb.brand(it.Brand)}
	if mapped {
		l.category = node.Segments()
	} else {
		l.category = givenPath(it)
	}
	l.product = catalog.Product{
		Title:       clip(it.Title, maxTitle),
		Description: clip(plainDescription(it.Description), maxDescription),
		Color:       it.Color,
		ColorFamily: catalog.ColourFamily(it.Color),
		Material:    it.Material,
		Gender:      strings.ToLower(it.Gender),
		ImageURL:    cleanURL(it.ImageLink),
		GTIN:        it.GTIN,
		MPN:         it.MPN,
	}
	l.offer = catalog.Offer{
		ItemID:       it.ID,
		URL:          cleanURL(it.Link),
		Size:         it.Size,
		SizeSystem:   strings.ToUpper(it.SizeSystem),
		Color:        it.Color,
		Currency:     it.Currency,
		Price:        it.PriceAt(at),
		RegularPrice: it.RegularPrice,
		Availability: m.availability(it.Availability),
	}
	switch sys := l.offer.SizeSystem; {
	case childSize(it, node.SizeKind):
		l.offer.SizeSystem = catalog.SystemChild // a girls' "10" or "8-10", even in the feed's US: no women's US 10
	case sys == "":
		l.offer.SizeSystem = sizeSystem(it, node)
	case (sys == catalog.SystemUS || sys == catalog.SystemUK) && catalog.MenWaistNumbers(it.Size, node.SizeKind, it.Gender),
		sys == catalog.SystemUS && isJeans(it, node) && !saysPlusSize(it) && catalog.JeansWaistNumbers(it.Size, it.Gender):
		l.offer.SizeSystem = catalog.SystemWaist // men's trousers' US or UK "32", jeans' US "27": no such size but the waist
	}
	l.keyParts = catalog.KeyParts{MPN: it.MPN, GroupID: it.ItemGroupID, Retailer: retailerSlug,
		GTIN: it.GTIN, Title: it.Title, Color: it.Color}
	return l
}

// brand is the directory's canonical name for a feed's brand ("SEE BY CHLOE" → "See by
// Chloé"), "" for a filler ("N/A"); a brand the directory does not know passes through as the feed spells it (the
// store still resolves it through its own aliases, so brands can be merged later).
func (tb tables) brand(name string) string {
	name = strings.TrimSpace(name)
	if catalog.PlaceholderBrand(name) {
		return "" // "N/A", "Unbranded": no brand
	}
	if canonical, ok := tb.brands.LookupBrand(name); ok {
		return canonical
	}
	return clip(name, maxTitle)
}

// categorise places an item on the taxonomy: google_product_category as an id or a path (or,
// failing both, as free text), else product_type. product_type and then the title refine it,
// but only to a category below the one already found ("Handbags" → "Handbags > Micro Bags"), so
// a retailer's breadcrumb never contradicts the Google category it gave. The title categorises
// alone only when the feed gives no category at all (many affiliate CSVs and Shopify stores
// have none): a category text the taxonomy does not know stays the retailer's own (see
// categoryPath) rather than being overruled by a guess from the title. False when nothing maps.
func (tb tables) categorise(it feed.Item) (catalog.Node, bool) {
	tx := tb.taxonomy
	var node catalog.Node
	found := false
	if gpc := strings.TrimSpace(it.GoogleProductCategory); gpc != "" {
		if isDigits(gpc) {
			if id, err := strconv.ParseInt(gpc, 10, 64); err == nil {
				node, found = tx.ByID(id)
			}
		} else {
			node, found = tx.MapProductType(gpc)
		}
	}
	if n, ok := tx.MapProductType(it.ProductType); ok {
		if !found {
			node, found = n, true
		} else if tx.IsDescendant(n.ID, node.ID) {
			node = n
		}
	}
	switch {
	case found: // a title may still name a finer leaf ("Lime Leather Micro Bag")
		if n, ok := titleCategory(tx, it.Title, it.Brand); ok && tx.IsDescendant(n.ID, node.ID) {
			node = n
		}
	case len(givenPath(it)) == 0: // no category given: the title is all there is
		node, found = titleCategory(tx, it.Title, it.Brand)
	}
	return node, found
}

// titleCategory is where a product title places an item: the first of its parts that maps,
// read without the brand it starts with. A title is not a breadcrumb: what follows a separator
// is mostly the shop, the brand or the colour ("Logo Hoodie | Tommy Jeans", "Slip Dress -
// Lipstick", "Crew Neck Tee by Lucky Brand Jeans", "Slim Shirt in Denim Blue"), so the item is
// named first; a part that names nothing ("Nike - Air Max 90 Sneakers") gives way to the next,
// one that names a thing outside fashion ("Nail Polish in Ballet Slippers") ends the search.
func titleCategory(tx *catalog.Taxonomy, title, brand string) (catalog.Node, bool) {
	rest := titleWithoutBrand(title, brand)
	for rest != "" {
		part := rest
		if i := titleSeparator.FindStringIndex(rest); i != nil {
			part, rest = rest[:i[0]], rest[i[1]:]
		} else {
			rest = ""
		}
		if n, ok := tx.MapProductType(part); ok {
			return n, true
		}
		if tx.NamesSomething(part) {
			break // "Nail Polish in Ballet Slippers": a thing outside fashion, named first
		}
	}
	return catalog.Node{}, false
}

// titleSeparator is what divides a title's parts: a bar, a spaced slash or dash, or the words
// "by" and "in" (in any case).
var titleSeparator = regexp.MustCompile(`\s*\|\s*|\s+[/–—-]\s+|(?i)\s+(?:by|in)\s+`)

// titleWithoutBrand is a title without the brand it starts with, if it does, so that a brand
// named after a garment says nothing about the item ("Pepe Jeans Men Slim Trousers" are
// trousers, "Hush Puppies Loafers" loafers). Only a leading brand goes: one named later in
// a title may be a word of it ("Chelsea Boots" from the shop Boots).
func titleWithoutBrand(title, brand string) string {
	brand = strings.TrimSpace(brand)
	title = strings.TrimLeftFunc(title, unicode.IsSpace)
	if brand == "" || len(title) < len(brand) || !strings.EqualFold(title[:len(brand)], brand) {
		return title
	}
	rest := title[len(brand):]
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return title // "Coachella Tee" does not start with the brand Coach
	}
	return rest
}

// categoryMemo is where the last item categorised went, with the texts that placed it. A feed
// lists a product's sizes one after another with the same category, product type and title, and
// matching those texts against the taxonomy's names was a third of normalising an item (2.6 of
// 4.4 CPU seconds at 1M items). One per goroutine: it is not locked.
type categoryMemo struct {
	gpc, productType, title, brand string
	node                           catalog.Node
	mapped, valid                  bool
}

// categoriseWith is categorise through cm (nil: no memo).
func (tb tables) categoriseWith(it feed.Item, cm *categoryMemo) (catalog.Node, bool) {
	if cm == nil {
		return tb.categorise(it)
	}
	if cm.valid && cm.gpc == it.GoogleProductCategory && cm.productType == it.ProductType && cm.title == it.Title && cm.brand == it.Brand {
		return cm.node, cm.mapped
	}
	node, mapped := tb.categorise(it)
	*cm = categoryMemo{gpc: it.GoogleProductCategory, productType: it.ProductType, title: it.Title, brand: it.Brand,
		node: node, mapped: mapped, valid: true}
	return node, mapped
}

// sizeSystem is the system tagdrop reads in an offer's size when the feed gives none ("letter"
// for "M", "EU" for a shoe 38, "waist" for jeans' 28): the size text itself stays as the
// retailer wrote it. "" when the size is one size, missing or not understood. A labelled size
// says its system ("EU 38"); unlabelled numbers on jeans are waist inches; other bare numbers
// are read the way the shop's market writes them (catalog.MarketSizeSystem: a pound shop's
// "10", "Size 10" or "10 Petite" is UK 10, not US 10, its "6½" shoe UK 6.5, its "S (8)" UK 8
// as well as S; a dollar or pound shop's "34" on men's trousers a waist) where that reading
// fits the kind of item, else by their range (catalog.ParseSize).
func sizeSystem(it feed.Item, node catalog.Node) string {
	if strings.TrimSpace(it.Size) == "" {
		return ""
	}
	kind, system := node.SizeKind, ""
	if isJeans(it, node) {
		kind, system = catalog.KindBottoms, catalog.SystemWaist
	}
	if eu := catalog.ContinentalFitSystem(it.Size, kind, it.Gender, it.Currency); eu != "" {
		return eu // a euro shop's women's "38 Long" coat or "38L" trousers: EU 38, long
	}
	if letters, ok := catalog.LetterRangeSizes(it.Size, system, kind, it.Gender, it.Currency); ok {
		return letters[0].System // "S 8-10": the letter, with the numbers it spans read by the index
	}
	s, err := catalog.ParseSize(it.Size, system, kind)
	switch {
	case err == nil && s.OneSize:
		return ""
	case err == nil && s.System == catalog.SystemWaist:
		return s.System // a jeans' "28", a "32/32": the market's numbers are no waists
	}
	if market := catalog.MarketSizeSystem(it.Size, kind, it.Gender, it.Currency); market != "" {
		return market // "8-10", which ParseSize does not read, is two UK sizes
	}
	if err != nil {
		return ""
	}
	return s.System
}

// isJeans says whether an item is jeans, whose unlabelled numbers are waist inches: its
// category is Jeans, or trousers titled so, or it has no sized category and its title says jeans.
func isJeans(it feed.Item, node catalog.Node) bool {
	kind := node.SizeKind
	return kind == catalog.KindBottoms && (node.Name == "Jeans" || strings.Contains(strings.ToLower(it.Title), "jean")) ||
		kind == "" && saysJeans(it.Title)
}

// saysPlusSize says whether an item's title or product type has the word "plus" ("Plus Size
// Jeans", "Women > Plus > Jeans"): plus-size jeans a feed sizes in US numbers ("24") are US plus
// sizes, not waists.
func saysPlusSize(it feed.Item) bool {
	for _, text := range []string{it.Title, it.ProductType} {
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if w == "plus" {
				return true
			}
		}
	}
	return false
}

// saysJeans says whether a title has the word "jeans" (not "Jean Paul Gaultier").
func saysJeans(title string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == "jeans" {
			return true
		}
	}
	return false
}

// categoryPath is the fallback when nothing maps onto the taxonomy: Google's category as a
// text path, then the retailer's own product_type, kept as the feed wrote them.
func categoryPath(it feed.Item) []string {
	if p := splitPath(it.GoogleProductCategory); len(p) > 0 && !isDigits(it.GoogleProductCategory) {
		return p
	}
	return splitPath(it.ProductType)
}

// givenPath is the category path an item's feed gives (categoryPath), nil when every level of
// it is a placeholder that says nothing of what the item is: a shop system's default
// ("Uncategorized", "Default Category"), a whole department or a promotion ("Women > New In",
// "Sale"). Such an item is placed by its title, and no category is made of the placeholder.
func givenPath(it feed.Item) []string {
	p := categoryPath(it)
	for _, seg := range p {
		if !placeholderCategories[strings.Join(strings.Fields(catalog.Fold(seg)), " ")] {
			return p
		}
	}
	return nil
}

// placeholderCategories are category levels that name no kind of item, folded (see givenPath).
var placeholderCategories = wordList("uncategorized", "uncategorised", "uncategorized products", "default category",
	"default", "root catalog", "root", "all", "all products", "products", "shop", "store", "catalog", "catalogue",
	"home", "sale", "sales", "outlet", "clearance", "new", "new in", "new arrivals", "just in", "featured",
	"bestsellers", "best sellers", "general", "misc", "miscellaneous", "other", "others", "none", "n/a", "null",
	"men", "mens", "men's", "women", "womens", "women's", "unisex", "ladies", "damen", "herren", "femme", "homme",
	"donna", "uomo", "mujer", "hombre", "alle produkte", "sonstiges", "neu", "neuheiten", "non classe",
	"nouveautes", "soldes", "sin categoria", "novedades", "rebajas", "senza categoria", "novita", "saldi")

// wordList is a set of the given strings.
func wordList(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func splitPath(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ">") {
		if part = strings.Join(strings.Fields(part), " "); part != "" {
			out = append(out, clip(part, 100))
		}
	}
	if len(out) > maxCategory {
		out = out[:maxCategory]
	}
	return out
}

func isDigits(s string) bool {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// cleanURL keeps web links and root-relative paths (the demo's own /static/… images) and drops
// anything else, such as javascript: links, which must never reach a page.
func cleanURL(s string) string {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "http://"):
		return s
	case strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//"):
		return s
	}
	return ""
}

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
