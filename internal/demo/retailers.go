package demo

// Retailer is an invented shop of the demo: its feeds are what tagdrop imports. None of these
// is a real shop; their sites are under the reserved .example domain.
type Retailer struct {
	Name     string `json:"name"`
	Slug     string `json:"slug"`
	Website  string `json:"website"`
	Currency string `json:"currency"`
	// carries says which departments the shop sells; reach is the share of the catalogue (in
	// those departments) it stocks.
	carries []department
	reach   float64
}

// retailers are the demo's shops, each with its own currency and assortment.
var retailers = []Retailer{
	{Name: "Atelier Row", Slug: "atelier-row", Website: "https://atelier-row.example", Currency: "EUR",
		carries: []department{bags, shoes, clothing}, reach: 0.45},
	{Name: "Maison Lune", Slug: "maison-lune", Website: "https://maison-lune.example", Currency: "EUR",
		carries: []department{bags, shoes, clothing}, reach: 0.35},
	{Name: "Northbound Store", Slug: "northbound-store", Website: "https://northbound-store.example", Currency: "GBP",
		carries: []department{bags, shoes, clothing}, reach: 0.35},
	{Name: "Petit Sac", Slug: "petit-sac", Website: "https://petit-sac.example", Currency: "EUR",
		carries: []department{bags}, reach: 0.55},
	{Name: "Rue Vintage Modern", Slug: "rue-vintage-modern", Website: "https://rue-vintage-modern.example", Currency: "USD",
		carries: []department{bags, shoes, clothing}, reach: 0.3},
	{Name: "Kestrel Lane", Slug: "kestrel-lane", Website: "https://kestrel-lane.example", Currency: "GBP",
		carries: []department{shoes, clothing}, reach: 0.3},
}

func (r Retailer) sells(d department) bool {
	for _, c := range r.carries {
		if c == d {
			return true
		}
	}
	return false
}

// rate converts euros to the retailer's currency the way shops set their price lists: a
// fixed rate, then rounded to a price that looks chosen.
func rate(currency string) float64 {
	switch currency {
	case "GBP":
		return 0.86
	case "USD":
		return 1.12
	}
	return 1
}

// retailerBySlug finds a retailer.
func retailerBySlug(slug string) Retailer {
	for _, r := range retailers {
		if r.Slug == slug {
			return r
		}
	}
	panic("demo: unknown retailer " + slug)
}
