package demo

// tier sets a brand's price level: what its pieces cost relative to the luxury houses.
type tier int

// The brand tiers, most expensive first.
const (
	luxury tier = iota
	premium
	contemporary
)

// factor is the share of a luxury price a brand of this tier asks.
func (t tier) factor() float64 {
	switch t {
	case premium:
		return 0.45
	case contemporary:
		return 0.2
	}
	return 1
}

// kinds is a bit set of the departments a brand makes.
type kinds uint8

// The departments.
const (
	makesBags kinds = 1 << iota
	makesShoes
	makesClothing
	makesAll = makesBags | makesShoes | makesClothing
)

// brand is one real designer label of the demo catalogue. The names are the labels' own; every
// product, price and style code in the demo is invented.
type brand struct {
	Name  string
	Tier  tier
	Makes kinds
	// Code is the short prefix of the brand's invented style codes.
	Code string
}

// brands lists the labels the demo catalogue draws from (more than 100, so every brand filter,
// facet and preference page has a realistic length).
var brands = []brand{
	{"Acne Studios", premium, makesAll, "AC"},
	{"Ganni", contemporary, makesAll, "GA"},
	{"Jacquemus", premium, makesAll, "JQ"},
	{"By Far", premium, makesBags | makesShoes, "BF"},
	{"Manu Atelier", premium, makesBags, "MA"},
	{"Melie Bianco", contemporary, makesBags, "MB"},
	{"See by Chloé", premium, makesAll, "SC"},
	{"Chloé", luxury, makesAll, "CH"},
	{"Loewe", luxury, makesAll, "LW"},
	{"Bottega Veneta", luxury, makesAll, "BV"},
	{"Prada", luxury, makesAll, "PR"},
	{"Miu Miu", luxury, makesAll, "MM"},
	{"Staud", premium, makesBags | makesClothing | makesShoes, "ST"},
	{"Khaite", luxury, makesAll, "KH"},
	{"Toteme", premium, makesAll, "TO"},
	{"The Row", luxury, makesAll, "TR"},
	{"Isabel Marant", premium, makesAll, "IM"},
	{"A.P.C.", contemporary, makesAll, "AP"},
	{"Proenza Schouler", premium, makesAll, "PS"},
	{"Simon Miller", premium, makesBags | makesClothing | makesShoes, "SM"},
	{"Cult Gaia", premium, makesBags | makesClothing | makesShoes, "CG"},
	{"Wandler", premium, makesBags | makesShoes, "WA"},
	{"Nanushka", premium, makesAll, "NA"},
	{"Rixo", contemporary, makesClothing, "RX"},
	{"Zimmermann", premium, makesClothing | makesShoes, "ZI"},
	{"Sandy Liang", premium, makesClothing | makesShoes | makesBags, "SL"},
	{"Marni", premium, makesAll, "MR"},
	{"Balenciaga", luxury, makesAll, "BA"},
	{"Gucci", luxury, makesAll, "GU"},
	{"Saint Laurent", luxury, makesAll, "YS"},
	{"Valentino", luxury, makesAll, "VA"},
	{"Alexander McQueen", luxury, makesAll, "AM"},
	{"Stella McCartney", luxury, makesAll, "SMC"},
	{"Max Mara", luxury, makesClothing | makesBags, "MX"},
	{"Jil Sander", luxury, makesAll, "JS"},
	{"Dries Van Noten", luxury, makesClothing | makesShoes, "DV"},
	{"Maison Margiela", luxury, makesAll, "MMG"},
	{"Coperni", premium, makesBags | makesClothing, "CO"},
	{"Mansur Gavriel", premium, makesBags | makesShoes, "MG"},
	{"Paco Rabanne", luxury, makesAll, "RA"},
	{"Off-White", luxury, makesAll, "OW"},
	{"Kenzo", premium, makesAll, "KE"},
	{"Sézane", contemporary, makesAll, "SZ"},
	{"Reformation", contemporary, makesClothing | makesShoes, "RF"},
	{"Vince", contemporary, makesClothing | makesShoes, "VI"},
	{"Theory", contemporary, makesClothing, "TH"},
	{"Veja", contemporary, makesShoes, "VJ"},
	{"Golden Goose", premium, makesShoes | makesBags, "GG"},
	{"Aquazzura", luxury, makesShoes, "AQ"},
	{"Amina Muaddi", luxury, makesShoes | makesBags, "AMU"},
	{"Gianvito Rossi", luxury, makesShoes, "GR"},
	{"Jimmy Choo", luxury, makesShoes | makesBags, "JC"},
	{"Manolo Blahnik", luxury, makesShoes, "MNB"},
	{"Mulberry", premium, makesBags, "MU"},
	{"Longchamp", contemporary, makesBags, "LC"},
	{"Polène", contemporary, makesBags, "PO"},
	{"Wales Bonner", premium, makesClothing, "WB"},
	{"Celine", luxury, makesAll, "CE"},
	{"Fendi", luxury, makesAll, "FE"},
	{"Dior", luxury, makesAll, "DI"},
	{"Givenchy", luxury, makesAll, "GI"},
	{"Burberry", luxury, makesAll, "BU"},
	{"Versace", luxury, makesAll, "VE"},
	{"Dolce & Gabbana", luxury, makesAll, "DG"},
	{"Etro", luxury, makesClothing | makesBags, "ET"},
	{"Missoni", luxury, makesClothing, "MI"},
	{"Moncler", luxury, makesClothing | makesShoes, "MO"},
	{"Ferragamo", luxury, makesAll, "FG"},
	{"Tod's", luxury, makesShoes | makesBags, "TD"},
	{"Roger Vivier", luxury, makesShoes | makesBags, "RV"},
	{"Christian Louboutin", luxury, makesShoes | makesBags, "CL"},
	{"René Caovilla", luxury, makesShoes, "RC"},
	{"Alaïa", luxury, makesAll, "AL"},
	{"Lemaire", premium, makesAll, "LE"},
	{"Ami Paris", premium, makesClothing, "AMI"},
	{"Maison Kitsuné", contemporary, makesClothing, "MK"},
	{"Self-Portrait", premium, makesClothing | makesBags, "SP"},
	{"Ulla Johnson", premium, makesClothing, "UJ"},
	{"Tibi", premium, makesClothing, "TI"},
	{"Rag & Bone", contemporary, makesClothing | makesShoes, "RB"},
	{"Frame", contemporary, makesClothing, "FR"},
	{"Mother", contemporary, makesClothing, "MD"},
	{"Agolde", contemporary, makesClothing, "AG"},
	{"Citizens of Humanity", contemporary, makesClothing, "CI"},
	{"Re/Done", contemporary, makesClothing, "RD"},
	{"Ba&sh", contemporary, makesClothing | makesShoes, "BS"},
	{"Sandro", contemporary, makesClothing | makesBags | makesShoes, "SA"},
	{"Maje", contemporary, makesClothing | makesBags | makesShoes, "MJ"},
	{"Zadig & Voltaire", contemporary, makesAll, "ZV"},
	{"Officine Générale", premium, makesClothing, "OG"},
	{"Tory Burch", contemporary, makesAll, "TB"},
	{"Kate Spade New York", contemporary, makesBags | makesShoes, "KS"},
	{"Coach", contemporary, makesBags | makesShoes, "CC"},
	{"Marc Jacobs", premium, makesBags | makesShoes, "MC"},
	{"JW Anderson", premium, makesAll, "JW"},
	{"Simone Rocha", luxury, makesClothing | makesShoes | makesBags, "SR"},
	{"Molly Goddard", premium, makesClothing, "MOG"},
	{"Cecilie Bahnsen", luxury, makesClothing, "CB"},
	{"Róhe", premium, makesClothing | makesBags, "RO"},
	{"Hereu", premium, makesBags | makesShoes, "HE"},
	{"Neous", premium, makesShoes, "NE"},
	{"Souliers Martinez", premium, makesShoes, "SMZ"},
	{"Paris Texas", premium, makesShoes, "PT"},
	{"Rejina Pyo", premium, makesClothing | makesBags | makesShoes, "RP"},
	{"Lisa Marie Fernandez", premium, makesClothing, "LMF"},
	{"Bally", luxury, makesShoes | makesBags, "BL"},
	{"Strathberry", premium, makesBags, "SB"},
	{"Yuzefi", premium, makesBags, "YU"},
	{"Danse Lente", premium, makesBags, "DL"},
	{"Little Liffner", premium, makesBags, "LL"},
}
