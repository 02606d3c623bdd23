// Package catalog holds tagdrop's domain types for what is on sale: brands, categories, products,
// the offers retailers make for them, and the rules that normalise retailer data into them.
// It has no storage or network code; the store and the feed readers depend on it, not the reverse.
package catalog

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Availability is an offer's stock state as tagdrop reports it.
type Availability string

// The availability values of the machine-readable outputs.
const (
	InStock    Availability = "in_stock"
	OutOfStock Availability = "out_of_stock"
	Preorder   Availability = "preorder"
	Unknown    Availability = "unknown"
)

// availabilitySeparators are dropped before matching availability words.
var availabilitySeparators = strings.NewReplacer(" ", "", "_", "", "-", "")

// availabilityWords are the availability values feeds write, lower-cased and without
// separators: schema.org's and Google's, Meta's ("available for order": orderable now, shipped
// later), WooCommerce's stock statuses ("onbackorder"), flags, and the plain words of shops
// that write their own language into the column (German, French, Spanish, Italian, Dutch,
// Swedish, Danish, Norwegian, Polish).
var availabilityWords = map[string]Availability{
	"instock": InStock, "available": InStock, "limitedavailability": InStock, "instoreonly": InStock,
	"onlineonly": InStock, "availablefororder": InStock, "true": InStock, "yes": InStock, "y": InStock,
	"lowstock": InStock, "limitedstock": InStock, "fewleft": InStock, "onlyafewleft": InStock, "lastitems": InStock,
	"auflager": InStock, "lieferbar": InStock, "sofortlieferbar": InStock, "sofort": InStock, "verfügbar": InStock,
	"enstock": InStock, "disponible": InStock, "disponibile": InStock, "opvoorraad": InStock,
	"lagernd": InStock, "vorrätig": InStock, "sofortverfügbar": InStock, "ilager": InStock, "pålager": InStock,
	"dostępny": InStock, "lastfew": InStock,

	"outofstock": OutOfStock, "soldout": OutOfStock, "discontinued": OutOfStock, "unavailable": OutOfStock,
	"false": OutOfStock, "no": OutOfStock, "n": OutOfStock,
	"ausverkauft": OutOfStock, "nichtverfügbar": OutOfStock, "nichtlieferbar": OutOfStock, "nichtauflager": OutOfStock,
	"rupturedestock": OutOfStock, "épuisé": OutOfStock, "agotado": OutOfStock, "esaurito": OutOfStock,
	"uitverkocht": OutOfStock, "nietopvoorraad": OutOfStock,
	"nichtvorrätig": OutOfStock, "nondisponibile": OutOfStock, "nodisponible": OutOfStock, "slutsåld": OutOfStock,
	"utsolgt": OutOfStock, "udsolgt": OutOfStock, "niedostępny": OutOfStock,
	"slutilager": OutOfStock, "ejilager": OutOfStock, "inteilager": OutOfStock, "tillfälligtslut": OutOfStock, "ikkepålager": OutOfStock,

	"preorder": Preorder, "backorder": Preorder, "backordered": Preorder, "onbackorder": Preorder,
	"presale": Preorder, "madetoorder": Preorder, "vorbestellbar": Preorder, "surcommande": Preorder,
	"beställningsvara": Preorder,
}

// ParseAvailability maps the spellings feeds use ("in stock", "InStock",
// "https://schema.org/OutOfStock", "backorder", …) to an Availability.
func ParseAvailability(s string) Availability {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.LastIndexAny(s, "/#"); i >= 0 {
		s = s[i+1:]
	}
	// Affiliate CSVs give a flag or a count: Awin's in_stock is 1 or 0, other networks' stock
	// columns a quantity.
	if n, err := strconv.ParseUint(s, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		if n == 0 && err == nil {
			return OutOfStock
		}
		return InStock
	}
	if a, ok := availabilityWords[availabilitySeparators.Replace(s)]; ok {
		return a
	}
	if m := fewLeft.FindStringSubmatch(s); m != nil {
		if strings.Trim(m[1], "0") == "" {
			return OutOfStock // "Only 0 left"
		}
		return InStock
	}
	if m := deliveryTime.FindStringSubmatch(s); m != nil {
		return deliveryAvailability(m[1], m[2])
	}
	return Unknown
}

// deliveryAvailability is what a delivery time (its longest figure and unit) says: in stock
// when it is two weeks at most, or 72 hours; beyond two weeks ("4-6 Wochen", "ships in 60
// days") the item is ordered from the maker, orderable but not in stock, as a backorder is.
// A longer count of hours says nothing.
func deliveryAvailability(n, unit string) Availability {
	v, err := strconv.Atoi(n)
	if err != nil {
		return Unknown
	}
	switch {
	case unit == "h" || strings.HasPrefix(unit, "std") || strings.HasPrefix(unit, "stunde") || strings.HasPrefix(unit, "hour"):
		if v <= 72 {
			return InStock
		}
		return Unknown
	case weekUnit.MatchString(unit):
		v *= 7
	}
	if v <= 14 {
		return InStock
	}
	return Preorder
}

// weekUnit is a delivery time's unit that counts weeks, in the languages deliveryTime reads.
var weekUnit = regexp.MustCompile(`^(wochen?|weeks?|semaines?|weken|week|semanas?|settimane|settimana|tygodni[e]?|tydzień|veckor|vecka)$`)

// deliveryTime is a delivery time given instead of a stock word, as price-comparison feeds
// (idealo's deliveryTime) and German shops write it: "1-3 Werktage", "2–4 business days",
// "Lieferzeit: 24h", "ships in 3 days", "Usually dispatched within 24 hours", "4-6 Wochen" (see
// deliveryAvailability).
var deliveryTime = regexp.MustCompile(`^(?:(?:lieferzeit|delivery|delivery time|(?:usually\s+)?(?:ships|dispatched)\s+(?:with)?in|versand in|lieferbar in|livraison sous|expédié sous|levertijd|leveranstid)\s*:?\s*)?` +
	`(?:ca\.?\s*)?(?:\d{1,2}\s*[-–]\s*)?(\d{1,2})\s*(werktage?n?|arbeitstage?n?|tage?n?|days?|business days?|working days?|jours?(?: ouvrés| ouvrables)?|dagen|werkdagen|días(?: hábiles)?|giorni(?: lavorativi)?|dni(?: robocze)?|dagar|arbetsdagar|h|std\.?|stunden|hours?|wochen?|weeks?|semaines?|weken|week|semanas?|settimane|settimana|tygodni[e]?|tydzień|veckor|vecka)$`)

// fewLeft is a count of items left: "Only 2 left", "nur noch 3 Stück".
var fewLeft = regexp.MustCompile(`^(?:only|nur noch|plus que|solo quedan|solo|still)\s+(\d+)\s*(?:left|stück|stk\.?|verfügbar|en stock|disponibles?|disponibili|available)?(?:\s+in stock)?!?$`)

// Brand is a designer or label, known under one canonical name and any number of aliases.
type Brand struct {
	ID   int64
	Slug string
	Name string
}

// Category is a node of the category tree; Path is its full "Parent > Child" path.
type Category struct {
	ID       int64
	ParentID int64
	Slug     string
	Name     string
	Path     string
	// SizeKind says which of a shopper's sizes applies ("tops", "bottoms", "shoes", "rings");
	// empty for one-size things such as bags.
	SizeKind string
}

// Product is one thing that can be bought, whoever sells it.
type Product struct {
	ID          int64
	Key         string
	BrandID     int64
	Brand       string
	CategoryID  int64
	Category    string
	Title       string
	Description string
	Color       string
	ColorFamily string
	Material    string
	Gender      string
	ImageURL    string
	GTIN        string
	MPN         string
	CreatedAt   time.Time
}

// Offer is one retailer's item for a product in one variant (size, colour), with its current
// price. Prices are integer minor units of Currency.
type Offer struct {
	ID           int64
	RetailerID   int64
	Retailer     string
	ProductID    int64
	ItemID       string
	URL          string
	Size         string
	SizeSystem   string
	Color        string
	Currency     string
	Price        int64
	RegularPrice int64
	Availability Availability
	FirstSeenAt  time.Time
	LastSeenAt   time.Time
	UpdatedAt    time.Time
}

// OnSale reports whether the offer is below its regular price.
func (o Offer) OnSale() bool { return o.Price > 0 && o.RegularPrice > o.Price }

// DiscountPct is the whole-percent discount off the regular price, rounded down.
func (o Offer) DiscountPct() int { return DiscountPct(o.Price, o.RegularPrice) }

// DiscountPct is the whole-percent discount of price off regular, rounded down; 0 when none.
func DiscountPct(price, regular int64) int {
	if regular <= 0 || price >= regular || price < 0 {
		return 0
	}
	return int((regular - price) * 100 / regular)
}

// Slug makes a URL- and key-safe identifier: accents folded, lower case, runs of anything other
// than letters and digits turned into single hyphens ("See by Chloé" → "see-by-chloe").
func Slug(s string) string {
	s = Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Fold lower-cases s and strips accents ("Chloé" → "chloe").
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii { // the common case: no accents to strip, no allocation-heavy transformer
		return strings.ToLower(s)
	}
	// A transformer keeps state, so each call builds its own.
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}
