package demo

// family is a colour family: what the images are drawn in and what shoppers filter by.
type family struct {
	Name string
	// Fill, Shade and Light are the illustration's main, shadow and highlight colours.
	Fill, Shade, Light string
}

// families are the colour families of the demo catalogue, each with its drawing colours.
var families = []family{
	{"black", "#2b2b2e", "#161618", "#4a4a50"},
	{"white", "#f4f2ee", "#d9d5cd", "#ffffff"},
	{"cream", "#efe4cf", "#d8c7a6", "#faf4e8"},
	{"beige", "#d9c2a0", "#b89e78", "#ead9bf"},
	{"brown", "#8a5a3c", "#62402a", "#a87555"},
	{"grey", "#9a9a9f", "#74747a", "#bcbcc0"},
	{"navy", "#27345a", "#18213d", "#3c4c7a"},
	{"blue", "#5b8fd1", "#3f6fae", "#84aee2"},
	{"green", "#4f8a5b", "#366b43", "#74a97e"},
	{"red", "#c0392b", "#922b20", "#da5a4b"},
	{"pink", "#eaa7b8", "#d07f95", "#f5c8d4"},
	{"purple", "#9b7fc0", "#7a5fa0", "#b9a2d8"},
	{"yellow", "#f0c93e", "#cfa722", "#f7dd78"},
	{"orange", "#e07b39", "#b85f25", "#ee9c64"},
}

// colour is a retailer's colour name and the family it belongs to.
type colour struct {
	Name   string
	Family string
	// Code is the colour's part of a style code.
	Code string
}

// colours are the colour names written to g:color.
var colours = []colour{
	{"Black", "black", "BLK"}, {"Noir", "black", "NOI"},
	{"White", "white", "WHT"}, {"Optic White", "white", "OPW"},
	{"Cream", "cream", "CRM"}, {"Ecru", "cream", "ECR"}, {"Ivory", "cream", "IVO"},
	{"Beige", "beige", "BEI"}, {"Sand", "beige", "SND"}, {"Camel", "beige", "CML"},
	{"Brown", "brown", "BRN"}, {"Chocolate", "brown", "CHO"}, {"Tan", "brown", "TAN"}, {"Cognac", "brown", "COG"},
	{"Grey", "grey", "GRY"}, {"Charcoal", "grey", "CHA"},
	{"Navy", "navy", "NVY"}, {"Midnight", "navy", "MID"},
	{"Blue", "blue", "BLU"}, {"Sky Blue", "blue", "SKY"}, {"Mid Blue", "blue", "MDB"},
	{"Green", "green", "GRN"}, {"Khaki", "green", "KHA"}, {"Emerald", "green", "EME"}, {"Sage", "green", "SAG"},
	{"Red", "red", "RED"}, {"Burgundy", "red", "BUR"},
	{"Pink", "pink", "PNK"}, {"Blush", "pink", "BLS"}, {"Fuchsia", "pink", "FUC"},
	{"Lilac", "purple", "LIL"}, {"Purple", "purple", "PUR"},
	{"Yellow", "yellow", "YEL"}, {"Butter", "yellow", "BUT"},
	{"Orange", "orange", "ORA"}, {"Rust", "orange", "RUS"},
}

// neutrals are what coats and knitwear come in, and half of everything else.
var neutrals = []string{"Black", "Noir", "White", "Cream", "Ecru", "Beige", "Sand", "Camel", "Brown", "Chocolate", "Tan", "Cognac", "Grey", "Charcoal", "Navy"}

// denims are the colours jeans come in.
var denims = []string{"Mid Blue", "Blue", "Sky Blue", "Black", "Ecru", "Charcoal", "White", "Midnight"}

// colourByName finds a colour by its name.
func colourByName(name string) colour {
	for _, c := range colours {
		if c.Name == name {
			return c
		}
	}
	panic("demo: unknown colour " + name)
}
