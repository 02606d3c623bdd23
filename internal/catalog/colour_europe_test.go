package catalog

import "testing"

// TestColourFamilyMoreLanguages covers colour words of Czech, Slovak, Polish, Hungarian,
// Romanian, Greek, Turkish, Finnish, Danish, Norwegian, Portuguese and Korean shops, with their
// inflected forms, and the three-letter colour codes feeds carry ("BLK", "NVY").
func TestColourFamilyMoreLanguages(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// Czech adjectives: masculine, feminine and neuter.
		{"černá", Black}, {"Černý", Black}, {"černé", Black}, {"bílá", White}, {"Bílé", White},
		{"modrá", Blue}, {"Tmavě modrá", Blue}, {"Tmavomodrá", Blue}, {"červená", Red}, {"zelená", Green},
		{"šedá", Grey}, {"béžová", Beige}, {"růžová", Pink}, {"hnědý", Brown}, {"žlutá", Yellow},
		{"stříbrná", Silver}, {"vícebarevná", Multi}, {"Černá/bílá", Multi},
		// Slovak.
		{"čierna", Black}, {"biela", White}, {"sivá", Grey},
		// Polish.
		{"czarne", Black}, {"wielobarwny", Multi}, {"kolorowa", Multi},
		// Hungarian, with its dark and light compounds.
		{"fekete", Black}, {"fehér", White}, {"szürke", Grey}, {"kék", Blue}, {"sötétkék", Blue},
		{"piros", Red}, {"rózsaszín", Pink}, {"zöld", Green}, {"barna", Brown},
		// Romanian.
		{"negru", Black}, {"neagră", Black}, {"alb", White}, {"albastru", Blue}, {"roșu", Red},
		{"roşie", Red}, {"bleumarin", Blue}, {"gri", Grey}, {"maro", Brown},
		// Greek.
		{"Μαύρο", Black}, {"λευκό", White}, {"άσπρη", White}, {"μπλε", Blue}, {"κόκκινο", Red},
		{"γκρι", Grey}, {"ΜΠΕΖ", Beige},
		// Turkish, with and without its dotless i.
		{"Siyah", Black}, {"beyaz", White}, {"lacivert", Blue}, {"kırmızı", Red}, {"KIRMIZI", Red},
		{"mavi", Blue}, {"yeşil", Green}, {"Siyah-Beyaz", Multi},
		// Finnish: light red is pink, not red.
		{"musta", Black}, {"valkoinen", White}, {"sininen", Blue}, {"tummansininen", Blue},
		{"harmaa", Grey}, {"punainen", Red}, {"vaaleanpunainen", Pink},
		// Danish and Norwegian: light red is pink here too.
		{"sort", Black}, {"hvid", White}, {"hvit", White}, {"rød", Red}, {"lyserød", Pink},
		{"grøn", Green}, {"grønn", Green}, {"mørkeblå", Blue}, {"Sort/hvid", Multi},
		// Portuguese.
		{"preto", Black}, {"branca", White}, {"azul-marinho", Blue}, {"cinzento", Grey},
		{"vermelho", Red}, {"castanho", Brown}, {"dourado", Gold},
		// Korean.
		{"블랙", Black}, {"화이트", White}, {"네이비", Blue}, {"그레이", Grey}, {"베이지", Beige},
		{"다크네이비", Blue}, {"블랙/화이트", Multi},
		// Colour codes.
		{"BLK", Black}, {"WHT", White}, {"NVY", Blue}, {"GRY", Grey}, {"BLK/WHT", Multi},
		{"Pebble", Grey},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ColourFamily(tt.in); got != tt.want {
				t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestColourFamilyHyphenPairs: a hyphen joins a pair of basic colour terms when black or white
// is one of them ("Black-White", "Schwarz-Weiß"); other hyphenated colours name one hue
// ("Blue-Green", "Midnight-Black"), and a phrase across the hyphen stays one ("White-Gold").
func TestColourFamilyHyphenPairs(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Black-White", Multi}, {"Schwarz-Weiß", Multi}, {"Navy-White", Multi}, {"Black-Red", Multi},
		{"Blue-Green", Green}, {"Grey-Blue", Blue}, {"Off-White", White}, {"White-Gold", Silver},
		{"Black-Black", Black}, {"Light-Grey", Grey}, {"Blue-Black", Black}, {"Blue Black", Black}, {"Almond Milk", Beige},
		// Only basic colour terms pair: a shade noun before black or white names that shade.
		{"Midnight-Black", Black}, {"Ice-White", White}, {"Bone-White", White}, {"Jet-Black", Black},
		{"Dark Navy-White", Multi}, {"Dunkelblau-Weiß", Multi}, {"Černá-bílá", Multi}, {"Negru-alb", Multi},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ColourFamily(tt.in); got != tt.want {
				t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
