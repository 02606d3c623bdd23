package catalog

// Paths of the sports tops and shoes below.
const (
	ptSportsUniforms = ptClothing + " > Uniforms > Sports Uniforms"
	ptSoccerUniforms = ptSportsUniforms + " > Soccer Uniforms"
	ptBicycleJerseys = ptClothing + " > Activewear > Bicycle Activewear > Bicycle Jerseys"
)

// loungeSetContext are the words beside which a "Lounge Set" is clothes rather than garden
// furniture: who wears it and what it is made or worn as.
const loungeSetContext = "women womens woman ladies men mens man girls boys kids damen herren femme homme mujer hombre " +
	"donna uomo dames heren kadin erkek pajama pyjama sleepwear loungewear sweatsuit outfit matching knit ribbed waffle satin"

// contextWordRules are sports jerseys, which the other rules read as knitwear ("jersey", a
// knit), tracksuits and snow pants, which they read as suits and pants, and words that name
// a garment or jewel only among words of its own kind: a Spanish "mono" is a jumpsuit ("Mono
// mujer largo") but also a monkey and mono sound, a Turkish "mont" a coat (not "Mont Blanc"),
// a German, French or Italian "Smoking" a tuxedo (not "No Smoking"), an Italian "cavigliera"
// an anklet (a silver one) or an ankle brace, Spanish "cordones" shoelaces or cords, German
// "Schale" the rare plural of Schal beside the far commoner bowl. They are matched after the
// word rules of every language, before lookalikeRules.
var contextWordRules = []productTypeRule{
	{words: "soccer jersey", path: ptSoccerUniforms},
	{words: "football shirt", path: ptSoccerUniforms},
	{words: "football jersey", path: ptSportsUniforms},
	{words: "fußballtrikot", path: ptSoccerUniforms, compound: true},
	{words: "maillot de foot", path: ptSoccerUniforms},
	{words: "camiseta de futbol", path: ptSoccerUniforms},
	{words: "maglia calcio", path: ptSoccerUniforms},
	{words: "basketball jersey", path: ptSportsUniforms + " > Basketball Uniforms"},
	{words: "hockey jersey", path: ptSportsUniforms + " > Hockey Uniforms"},
	{words: "baseball jersey", path: ptSportsUniforms + " > Baseball Uniforms"},
	{words: "trikot", path: ptSportsUniforms, context: "fußball fussball handball eishockey basketball heim auswärts"}, // also a leotard
	{words: "cycling jersey", path: ptBicycleJerseys},
	{words: "bike jersey", path: ptBicycleJerseys},
	{words: "bicycle jersey", path: ptBicycleJerseys},
	{words: "radtrikot", path: ptBicycleJerseys, compound: true},
	{words: "maillot cycliste", path: ptBicycleJerseys},
	{words: "maillot de cyclisme", path: ptBicycleJerseys},
	{words: "maglia ciclismo", path: ptBicycleJerseys},
	{words: "cleat", path: ptShoes,
		context: "soccer football baseball softball lacrosse rugby golf youth men women kids boys girls ground turf"},
	{words: "sweatsuit", path: ptClothing + " > Activewear"},
	{words: "jogging suit", path: ptClothing + " > Activewear"},
	{words: "track suit", path: ptClothing + " > Activewear"},
	{words: "lounge set", path: ptSleep + " > Loungewear", context: loungeSetContext}, // not "Garden Lounge Set 4 Piece Rattan"
	{words: "snow pant", path: ptSnowSuits},
	{words: "snowsuit", path: ptSnowSuits},
	{words: "snow suit", path: ptSnowSuits},
	{words: "pet clothes", path: notFashion},
	{words: "dog clothes", path: notFashion},
	{words: "mono", path: ptClothing + " > One-Pieces > Jumpsuits & Rompers", postpositive: true, // "Camiseta mono mujer": a monkey
		context: "mujer hombre niña niño bebe largo corto fiesta vestir elegante tirantes vaquero", notAfter: "de del con y peluche auricular auriculares altavoz microfono"},
	{words: "mont", path: ptCoats, context: "kadın erkek kız çocuk kışlık kapüşonlu şişme uzun kısa", notBefore: "blanc"},
	{words: "smoking", path: ptClothing + " > Suits > Tuxedos",
		context: "herren homme uomo heren anzug costume abito hochzeit dreiteilig zweiteilig sakko slim"},
	{words: "cavigliera", path: ptJewelry + " > Anklets",
		context: "argento oro catena acciaio perle perline gioiello gioielli bigiotteria charm cristalli zirconi"},
	{words: "cordones", path: ptApparel + " > Shoe Accessories > Shoelaces",
		context: "zapatilla zapato bota deportiva plano redondo elastico"},
	{words: "schale", path: ptAccessories + " > Scarves & Shawls > Scarves", context: "damen herren seide kaschmir wolle chiffon"},
}
