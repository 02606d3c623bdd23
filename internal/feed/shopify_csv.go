package feed

import (
	"strconv"
	"strings"
)

// shopifyExport reads the product CSV that Shopify's admin exports (Products → Export): one row
// per variant, the rows of a product sharing its Handle, and only the product's first row
// giving its title, vendor, description, type, tags, status and option names. Rows that carry
// nothing but another image of the product follow its variants.
type shopifyExport struct {
	handle int
	// product are the product-level columns, which a variant row leaves empty and takes from
	// its product's earlier rows (Image Src among them: a variant without an image of its own
	// shows the product's first).
	product []int
	// values are the OptionN Value columns, sku Variant SKU, price Variant Price.
	values     []int
	sku, price int
	// tracker, qty and policy are Variant Inventory Tracker, Qty and Policy; status, published
	// and giftCard Status, Published and Gift Card; tags Tags. -1 when the header lacks one.
	tracker, qty, policy, status, published, giftCard, tags int
	// title is the Title column; command and variantCommand Matrixify's Command and Variant
	// Command. -1 when the header lacks one.
	title, command, variantCommand int

	// products holds, by handle, the product-level cells gathered from a product's rows so far
	// and its rows read before the row giving its title (see arrange).
	products map[string]*exportProduct
	// order is the handles in products, oldest first, and held the bytes they hold: past
	// maxHeldBytes the oldest products are let go.
	order []string
	held  int
	// shuffled is set once a row has come out of Handle order: a row before its product's
	// title, or a row of a product read earlier than the last. Until then the file is in
	// Shopify's own order, in which a product read in full is not needed again, and at most
	// sortedHeldBytes are held.
	shuffled bool
	// lastHandle is the handle of the row read last.
	lastHandle string
	// readyBuf is the slice arrange returns its rows in, reused: the reader takes them all
	// before it reads the next row.
	readyBuf []heldRow
}

// newShopifyExport recognises the header of Shopify's admin product export (Handle, Variant
// Price and Option1 Value), or returns nil.
func newShopifyExport(header []string, byKey map[string][]int) *shopifyExport {
	col := func(k string) int {
		if i := byKey[k]; len(i) > 0 {
			return i[0]
		}
		return -1
	}
	s := &shopifyExport{handle: col("handle"), sku: col("variantsku"), price: col("variantprice"),
		tracker: col("variantinventorytracker"), qty: col("variantinventoryqty"), policy: col("variantinventorypolicy"),
		status: col("status"), published: col("published"), giftCard: col("giftcard"), tags: col("tags"),
		title: col("title"), command: col("command"), variantCommand: col("variantcommand"), products: map[string]*exportProduct{}}
	if s.handle < 0 || s.price < 0 || col("option1value") < 0 {
		return nil
	}
	for i, h := range header {
		k := headerKey(h)
		switch {
		case i == s.handle, strings.HasPrefix(k, "variant"), k == "imageposition", k == "imagealttext", k == "costperitem",
			strings.HasPrefix(h, "Included /"), strings.HasPrefix(h, "Price /"), strings.HasPrefix(h, "Compare At Price /"):
		case strings.HasPrefix(k, "option") && strings.HasSuffix(k, "value"):
			s.values = append(s.values, i)
		default:
			s.product = append(s.product, i)
		}
	}
	return s
}

// fill completes a row in place from its product's cells p and gives the variant an id when it
// has no SKU: the handle and its option values ("pull-marin/38/Marine"). skip reports a row
// that is no item on sale: a gift card, a product that is a draft, archived or not published,
// a product or variant that a Matrixify file deletes (Command or Variant Command DELETE).
func (s *shopifyExport) fill(rec []string, p *exportProduct) (skip bool) {
	cell := func(i int) string { return cellAt(rec, i) }
	for _, i := range s.product {
		if i < len(rec) && i < len(p.cells) && strings.TrimSpace(rec[i]) == "" {
			rec[i] = p.cells[i]
		}
	}
	switch strings.ToLower(cell(s.status)) {
	case "draft", "archived":
		return true
	}
	if isFalse(cell(s.published)) || isTrue(cell(s.giftCard)) {
		return true
	}
	if strings.EqualFold(cell(s.command), "delete") || strings.EqualFold(cell(s.variantCommand), "delete") {
		return true
	}
	if s.sku >= 0 && s.sku < len(rec) && cell(s.sku) == "" && cell(s.handle) != "" {
		rec[s.sku] = strings.Join(append([]string{cell(s.handle)}, s.optionValues(rec)...), "/")
	}
	return false
}

// optionValues are a row's option values, Shopify's "Default Title" of a product without
// options left out.
func (s *shopifyExport) optionValues(rec []string) []string {
	var values []string
	for _, i := range s.values {
		if v := cellAt(rec, i); v != "" && v != "Default Title" {
			values = append(values, v)
		}
	}
	return values
}

// hasOptionValue reports a row with an option value (not Shopify's "Default Title"): what
// optionValues would return some of, without making the list.
func (s *shopifyExport) hasOptionValue(rec []string) bool {
	for _, i := range s.values {
		if v := cellAt(rec, i); v != "" && v != "Default Title" {
			return true
		}
	}
	return false
}

// isTrue and isFalse read a spreadsheet's boolean cell: Shopify writes TRUE and FALSE, which a
// spreadsheet re-saves in its own language (German Excel's WAHR and FALSCH).
func isTrue(v string) bool { return boolWords[strings.ToLower(v)] == "true" }

func isFalse(v string) bool { return boolWords[strings.ToLower(v)] == "false" }

// boolWords are TRUE and FALSE as spreadsheets in the languages of tagdrop's shops write them.
var boolWords = map[string]string{
	"true": "true", "false": "false", // English
	"wahr": "true", "falsch": "false", // German
	"vrai": "true", "faux": "false", // French
	"waar": "true", "onwaar": "false", // Dutch
	"vero": "true", "verdadero": "true", "verdadeiro": "true", "falso": "false", // Italian, Spanish, Portuguese
	"sant": "true", "sann": "true", "sand": "true", "falsk": "false", // Danish, Swedish, Norwegian
	"tosi": "true", "epätosi": "false", // Finnish
	"prawda": "true", "fałsz": "false", // Polish
	"pravda": "true", "nepravda": "false", // Czech
}

// availability is what a row's inventory columns say: an untracked variant (an empty Variant
// Inventory Tracker), or one the store keeps selling when none is left (policy "continue"), is
// in stock; else its quantity decides. "" when the export has no inventory columns.
//
// An export without the quantity column (Shopify leaves it out of exports of shops with several
// locations) still says the first two; a tracked variant sold only while stock lasts (policy
// "deny") is then unknown: neither its status nor its being published says it has stock.
func (s *shopifyExport) availability(rec []string) string {
	cell := func(i int) string { return cellAt(rec, i) }
	if s.tracker >= 0 && cell(s.tracker) == "" || strings.EqualFold(cell(s.policy), "continue") {
		return "in stock"
	}
	if s.qty < 0 {
		return ""
	}
	if n, err := strconv.ParseFloat(cell(s.qty), 64); err == nil {
		if n > 0 {
			return "in stock"
		}
		return "out of stock"
	}
	return ""
}

// gender is the gender the product's tags name ("women", "Herren"), as for storefront pages.
func (s *shopifyExport) gender(rec []string) string {
	if s.tags < 0 || s.tags >= len(rec) {
		return ""
	}
	var tags shopifyTags
	for _, t := range strings.Split(rec[s.tags], ",") {
		tags = append(tags, strings.TrimSpace(t))
	}
	return tags.gender()
}

// cellAt is rec's cell i without surrounding spaces, "" when rec has no such cell (a column
// the export lacks is index -1).
func cellAt(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}
