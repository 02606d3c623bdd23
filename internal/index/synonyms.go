package index

// synonymGroups are fashion words shoppers and retailers use for the same thing. Every word of
// a group is indexed and searched as the group's first word, so "purse" finds a "handbag".
// Hyphenated and two-part spellings are written joined ("crossbody", "tshirt"): the tokenizer
// also emits the joined form of "cross-body" and "t-shirt".
var synonymGroups = [][]string{
	{"bag", "purse", "handbag"},
	{"micro", "mini", "tiny"},
	{"crossbody", "crossover"},
	{"tee", "tshirt", "teeshirt"},
	{"trainers", "sneakers", "kicks"},
	{"jumper", "sweater", "pullover"},
	{"trousers", "pants", "slacks"},
	{"hoodie", "hoody", "hooded"},
	{"tote", "shopper"},
	{"sunglasses", "sunnies", "shades"},
	{"gilet", "vest"},
	{"jeans", "denims"},
	{"heels", "pumps"},
	{"flats", "ballerinas", "ballet"},
	{"parka", "anorak"},
	{"tank", "camisole", "cami"},
	{"swimsuit", "swimwear", "bathers"},
	{"bikini", "twopiece"},
	{"loafers", "moccasins"},
	{"mules", "slides"},
	{"grey", "gray"},
	{"colour", "color"},
	{"backpack", "rucksack"},
	{"scarf", "shawl"},
	{"tuxedo", "dinnerjacket"},
}
