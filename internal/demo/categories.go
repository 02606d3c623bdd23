package demo

// department groups categories the way shoppers think of them.
type department string

// The demo's departments.
const (
	bags     department = "bags"
	shoes    department = "shoes"
	clothing department = "clothing"
)

// sizing says how a category's items are sized, and so how many offers each colourway makes.
type sizing int

// The size systems of the demo. Bags are one size; shoes use EU sizes; clothing letter sizes;
// jeans waist sizes in inches.
const (
	oneSize sizing = iota
	euShoe
	letter
	waist
)

// sizes lists the sizes an item of this sizing is made in.
func (s sizing) sizes() []string {
	switch s {
	case euShoe:
		return []string{"35", "36", "37", "38", "39", "40", "41", "42"}
	case letter:
		return []string{"XS", "S", "M", "L", "XL"}
	case waist:
		return []string{"24", "25", "26", "27", "28", "29", "30", "31", "32"}
	}
	return []string{"One Size"}
}

// system is the g:size_system value written for the sizing (empty: the field is left out, as
// Merchant Center has no system for letter sizes or jeans' waist inches; readers tell those from
// the value and the category).
func (s sizing) system() string {
	if s == euShoe {
		return "EU"
	}
	return ""
}

// category is one kind of product of the demo catalogue.
type category struct {
	// Type names the product type in image file names and slugs ("shoulder-bag").
	Type string
	Dept department
	// Google is the Google product taxonomy path written to g:google_product_category.
	Google string
	// ProductType is the retailer's own breadcrumb written to g:product_type.
	ProductType string
	Sizing      sizing
	// Nouns are the words titles end with.
	Nouns []string
	// Materials are what the item is made of.
	Materials []string
	// Luxury is the usual EUR price range of a luxury house's piece; lower tiers scale it down.
	Luxury [2]int
	// Weight is how often the category is drawn.
	Weight int
}

const (
	handbags   = "Apparel & Accessories > Handbags, Wallets & Cases > Handbags"
	shoesPath  = "Apparel & Accessories > Shoes"
	clothingGP = "Apparel & Accessories > Clothing"
)

// categories are the demo's product kinds: bags, shoes and clothing.
var categories = []category{
	{"micro-bag", bags, handbags, "Women > Bags > Mini & Micro Bags", oneSize,
		[]string{"Micro Bag", "Mini Bag", "Nano Bag", "Micro Top-Handle Bag"},
		[]string{"Calf leather", "Nappa leather", "Suede", "Croc-embossed leather", "Patent leather"}, [2]int{550, 1400}, 9},
	{"shoulder-bag", bags, handbags, "Women > Bags > Shoulder Bags", oneSize,
		[]string{"Shoulder Bag", "Baguette Bag", "Hobo Bag", "Chain Shoulder Bag"},
		[]string{"Calf leather", "Grained leather", "Suede", "Quilted leather", "Intrecciato leather"}, [2]int{1400, 3600}, 9},
	{"tote", bags, handbags, "Women > Bags > Tote Bags", oneSize,
		[]string{"Tote", "Shopper Tote", "Bucket Bag", "Market Tote"},
		[]string{"Canvas", "Grained leather", "Raffia", "Recycled nylon", "Smooth leather"}, [2]int{900, 3000}, 6},
	{"crossbody", bags, handbags, "Women > Bags > Cross-Body Bags", oneSize,
		[]string{"Crossbody Bag", "Camera Bag", "Saddle Bag", "Phone Pouch"},
		[]string{"Calf leather", "Nappa leather", "Recycled nylon", "Suede"}, [2]int{800, 2400}, 7},
	{"sneakers", shoes, shoesPath, "Women > Shoes > Sneakers", euShoe,
		[]string{"Sneakers", "Low-Top Sneakers", "Runner Sneakers", "Platform Sneakers"},
		[]string{"Leather", "Suede and mesh", "Canvas", "Recycled leather"}, [2]int{450, 950}, 7},
	{"boots", shoes, shoesPath, "Women > Shoes > Boots", euShoe,
		[]string{"Ankle Boots", "Knee-High Boots", "Chelsea Boots", "Western Boots"},
		[]string{"Leather", "Suede", "Patent leather", "Stretch leather"}, [2]int{900, 1900}, 6},
	{"sandals", shoes, shoesPath, "Women > Shoes > Sandals", euShoe,
		[]string{"Sandals", "Slides", "Strappy Sandals", "Mules"},
		[]string{"Leather", "Satin", "Raffia", "Nappa leather"}, [2]int{550, 1100}, 6},
	{"heels", shoes, shoesPath, "Women > Shoes > Heels", euShoe,
		[]string{"Pumps", "Slingback Pumps", "Heeled Mules", "Kitten-Heel Pumps"},
		[]string{"Leather", "Satin", "Patent leather", "Suede"}, [2]int{650, 1250}, 6},
	{"dress", clothing, clothingGP + " > Dresses", "Women > Clothing > Dresses", letter,
		[]string{"Midi Dress", "Maxi Dress", "Slip Dress", "Mini Dress", "Shirt Dress"},
		[]string{"Silk", "Cotton poplin", "Viscose crepe", "Linen", "Jersey"}, [2]int{900, 3200}, 9},
	{"top", clothing, clothingGP + " > Shirts & Tops", "Women > Clothing > Tops", letter,
		[]string{"Blouse", "Shirt", "T-Shirt", "Tank Top", "Bodysuit"},
		[]string{"Silk", "Organic cotton", "Cotton jersey", "Linen", "Poplin"}, [2]int{300, 1100}, 8},
	{"knitwear", clothing, clothingGP + " > Shirts & Tops", "Women > Clothing > Knitwear", letter,
		[]string{"Cardigan", "Sweater", "Ribbed Knit Top", "Turtleneck"},
		[]string{"Merino wool", "Cashmere", "Alpaca blend", "Mohair blend", "Cotton knit"}, [2]int{600, 1700}, 7},
	{"jeans", clothing, clothingGP + " > Pants", "Women > Clothing > Jeans", waist,
		[]string{"Straight-Leg Jeans", "Wide-Leg Jeans", "Barrel Jeans", "Bootcut Jeans", "High-Rise Jeans"},
		[]string{"Organic denim", "Rigid denim", "Stretch denim", "Recycled denim"}, [2]int{350, 750}, 7},
	{"coat", clothing, clothingGP + " > Outerwear > Coats & Jackets", "Women > Clothing > Coats & Jackets", letter,
		[]string{"Wrap Coat", "Trench Coat", "Blazer", "Leather Jacket", "Puffer Jacket"},
		[]string{"Wool", "Cotton gabardine", "Double-faced cashmere", "Lambskin", "Recycled nylon"}, [2]int{1500, 4200}, 7},
}
