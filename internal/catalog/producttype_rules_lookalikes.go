package catalog

// ptWatchBands: a smartwatch is electronics, not a watch, but its band is a watch band.
const ptWatchBands = ptJewelry + " > Watch Accessories > Watch Bands"

// smartwatchContext are the words of smartwatches' names: a band or strap in their titles is
// a watch band ("Apple Watch Sport Band", "Galaxy Watch Band 20mm").
const smartwatchContext = "smartwatch apple galaxy fitbit garmin"

// lookalikeRules name things outside fashion with a garment's, shoe's or jewel's word:
// smartwatches (whose bands are watch bands), clocks, books and films, tools and household
// things ("Ring Light", "Oven Gloves", "Coat of Arms"). A text whose best match is one of them
// maps to nothing.
var lookalikeRules = []productTypeRule{
	// Outside fashion: smartwatches (and so their bands), clocks, furniture, books and films,
	// and things named with a garment's word.
	{words: "apple watch", path: notFashion},
	{words: "band", path: ptWatchBands, context: smartwatchContext}, // "Apple Watch Sport Band"
	{words: "strap", path: ptWatchBands, context: smartwatchContext},
	{words: "uhrenarmband", path: ptWatchBands, compound: true},
	{words: "galaxy watch", path: notFashion},
	{words: "smartwatch", path: notFashion},
	{words: "smart watch", path: notFashion},
	{words: "fitness tracker", path: notFashion},
	{words: "clock", path: notFashion},
	{words: "horloge murale", path: notFashion},
	{words: "orologio da parete", path: notFashion},
	{words: "reloj de pared", path: notFashion},
	{words: "relógio de parede", path: notFashion},
	{words: "wanduhr", path: notFashion},
	{words: "stoppuhr", path: notFashion},
	{words: "eieruhr", path: notFashion},
	{words: "küchenuhr", path: notFashion},
	{words: "standuhr", path: notFashion},
	{words: "tischuhr", path: notFashion},
	{words: "kuckucksuhr", path: notFashion},
	{words: "sanduhr", path: notFashion},
	{words: "askısı", path: notFashion}, // a hanger: "Elbise askısı"
	{words: "book", path: notFashion},
	{words: "novel", path: notFashion},
	{words: "paperback", path: notFashion},
	{words: "hardcover", path: notFashion},
	{words: "hardback", path: notFashion},
	{words: "taschenbuch", path: notFashion},
	{words: "dvd", path: notFashion},
	{words: "blu ray", path: notFashion},
	{words: "dress form", path: notFashion},
	{words: "coat of arms", path: notFashion},
	{words: "ring light", path: notFashion},
	{words: "oven glove", path: notFashion},
	{words: "oven mitt", path: notFashion},
	{words: "sleeping bag", path: notFashion},
	{words: "lens cap", path: notFashion},
	{words: "bottle cap", path: notFashion},
	{words: "belt sander", path: notFashion},
	{words: "washing bag", path: notFashion},
	{words: "shoe horn", path: notFashion},
	{words: "shoehorn", path: notFashion},
}
