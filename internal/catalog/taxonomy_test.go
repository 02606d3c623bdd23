package catalog

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/sampledata"
)

func TestDefaultTaxonomy(t *testing.T) {
	tx := DefaultTaxonomy()
	root, ok := tx.ByID(166)
	if !ok || root.Path != "Apparel & Accessories" || root.ParentID != 0 || root.Depth != 1 {
		t.Fatalf("root = %+v, %t", root, ok)
	}
	google, own := 0, 0
	for _, n := range tx.Nodes() {
		if n.IsTagdrop() {
			own++
		} else {
			google++
		}
		if !strings.HasPrefix(n.Path, "Apparel & Accessories") {
			t.Errorf("%d %q is outside the apparel branch", n.ID, n.Path)
		}
		if n.ID == 166 {
			continue
		}
		p, ok := tx.Parent(n.ID)
		if !ok || p.Path+" > "+n.Name != n.Path || p.Depth+1 != n.Depth {
			t.Errorf("%d %q: parent %+v, %t", n.ID, n.Path, p, ok)
		}
	}
	// 240 nodes in Google's 2021-09-21 taxonomy; tagdrop's leaves for bags, shoes and clothing.
	if google != 240 || own < 10 {
		t.Errorf("default taxonomy has %d Google and %d tagdrop nodes, want 240 and at least 10", google, own)
	}
	for _, path := range []string{"Apparel & Accessories > Handbags, Wallets & Cases > Handbags > Micro Bags",
		"Apparel & Accessories > Handbag & Wallet Accessories > Bag Charms"} {
		if n, ok := tx.ByPath(path); !ok || n.ID < TagdropIDMin {
			t.Errorf("tagdrop leaf %q = %+v, %t", path, n, ok)
		}
	}
}

// TestTaxonomyAgainstGoogleMapping checks every shipped Google id and path against Google's
// mapping of paths to ids (an older taxonomy version, kept by google/shoptimizer), and reports
// how much of its Apparel & Accessories branch the shipped branch covers.
func TestTaxonomyAgainstGoogleMapping(t *testing.T) {
	path := sampledata.Path(t, "normalization/google-shoptimizer/gpc_string_to_id_mapping_en.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var mapping map[string]int64
	if err := json.Unmarshal(data, &mapping); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	pathOf := map[int64]string{}
	for p, id := range mapping {
		pathOf[id] = p
	}
	tx := DefaultTaxonomy()
	matched, renamed, newer := 0, 0, 0
	for _, n := range tx.Nodes() {
		if n.IsTagdrop() {
			if _, clash := pathOf[n.ID]; clash {
				t.Errorf("tagdrop id %d is a Google id", n.ID)
			}
			continue
		}
		id, ok := mapping[n.Path]
		switch {
		case ok && id != n.ID:
			t.Errorf("%q: shipped id %d, Google's %d", n.Path, n.ID, id)
		case ok:
			matched++
		case pathOf[n.ID] != "":
			renamed++
			t.Logf("id %d: shipped %q, the mapping's older name %q", n.ID, n.Path, pathOf[n.ID])
		default:
			newer++
		}
	}
	apparel, covered := 0, 0
	for p, id := range mapping {
		if p != "Apparel & Accessories" && !strings.HasPrefix(p, "Apparel & Accessories >") {
			continue
		}
		apparel++
		if _, ok := tx.ByID(id); ok {
			covered++
		} else {
			t.Errorf("the mapping's %d %q is missing from the shipped branch", id, p)
		}
	}
	t.Logf("shipped Google nodes: %d match the mapping by path and id, %d renamed since, %d newer than it; "+
		"the mapping's Apparel & Accessories branch: %d of %d ids covered", matched, renamed, newer, covered, apparel)
	if matched == 0 {
		t.Errorf("no shipped node matches the mapping")
	}
}

func TestLoadTaxonomy(t *testing.T) {
	in := "# Google_Product_Taxonomy_Version: 2021-09-21\n" +
		"1 - Animals & Pet Supplies\n" +
		"166 - Apparel & Accessories\n" +
		"6551 - Apparel & Accessories > Handbags, Wallets & Cases\n" +
		"3032 - Apparel & Accessories > Handbags, Wallets & Cases > Handbags\n" +
		"5181 - Luggage & Bags\n" +
		"100 - Luggage & Bags > Backpacks\n"
	tx, err := LoadTaxonomy(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := tx.ByID(100); !ok || n.Name != "Backpacks" || n.ParentID != 5181 {
		t.Errorf("ByID(100) = %+v, %t", n, ok)
	}
	// tagdrop's bag leaves join the Handbags the file has; its shoe leaves have no parent here.
	if _, ok := tx.ByPath("Apparel & Accessories > Handbags, Wallets & Cases > Handbags > Micro Bags"); !ok {
		t.Error("micro bags were not added under the loaded Handbags")
	}
	if _, ok := tx.ByPath("Apparel & Accessories > Shoes > Sneakers"); ok {
		t.Error("sneakers were added without their parent")
	}
	if n, ok := tx.MapProductType("Rucksack"); !ok || n.ID != 100 {
		t.Errorf("a rule onto a branch only the loaded file has: %+v, %t", n, ok)
	}

	errs := []struct {
		name, in, want string
	}{
		{"no separator", "166 Apparel & Accessories\n", "taxonomy line 1: \"166 Apparel & Accessories\" is not \"ID - Path\""},
		{"bad id", "# header\nx1 - Apparel & Accessories\n", "taxonomy line 2: id \"x1\" is not a positive number"},
		{"orphan", "166 - Apparel & Accessories\n187 - Apparel & Accessories > Shoes > Boots\n", "taxonomy line 2: parent \"Apparel & Accessories > Shoes\""},
		{"duplicate id", "166 - Apparel & Accessories\n166 - Apparel\n", "taxonomy line 2: id 166 defined twice"},
		{"duplicate path", "166 - Apparel & Accessories\n167 - apparel &  accessories\n", "taxonomy line 2: path"},
		{"empty", "# nothing\n", "no categories"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadTaxonomy(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestTaxonomyLookups(t *testing.T) {
	tx := DefaultTaxonomy()
	if n, ok := tx.ByPath("  apparel & accessories>SHOES "); !ok || n.ID != 187 {
		t.Errorf("ByPath ignoring case and spaces = %+v, %t", n, ok)
	}
	anc := tx.Ancestors(9000001)
	var names []string
	for _, a := range anc {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, " > "); got != "Apparel & Accessories > Handbags, Wallets & Cases > Handbags" {
		t.Errorf("Ancestors(micro bags) = %q", got)
	}
	if len(tx.Ancestors(166)) != 0 {
		t.Errorf("a root has ancestors: %v", tx.Ancestors(166))
	}
	if _, ok := tx.Parent(166); ok {
		t.Error("the root has a parent")
	}
	if !tx.IsDescendant(9000001, 166) || tx.IsDescendant(166, 9000001) || tx.IsDescendant(187, 187) {
		t.Error("IsDescendant is wrong")
	}
	kinds := map[int64]string{187: "shoes", 9000201: "shoes", 200: "rings", 2271: "dresses", 212: "tops",
		204: "bottoms", 9000301: "bottoms", 5598: "outerwear", 3032: "", 5378: "bottoms", 214: "", 5329: "dresses",
		1581: "dresses", 2331: "dresses", 5250: "dresses", 173: ""}
	for id, want := range kinds {
		if n, _ := tx.ByID(id); n.SizeKind != want {
			t.Errorf("%d %q size kind = %q, want %q", id, n.Path, n.SizeKind, want)
		}
	}
}

func TestMapProductType(t *testing.T) {
	tx := DefaultTaxonomy()
	const (
		aa   = "Apparel & Accessories > "
		bags = aa + "Handbags, Wallets & Cases > Handbags"
	)
	tests := []struct {
		name, in, want string
	}{
		{"breadcrumb", "Women > Bags > Mini Bags", bags + " > Micro Bags"},
		{"micro bag", "Micro bag", bags + " > Micro Bags"},
		{"mini and micro", "Women > Bags > Mini & Micro Bags", bags + " > Micro Bags"},
		{"sneakers", "Sneakers", aa + "Shoes > Sneakers"},
		{"robe is a bathrobe", "Robe", aa + "Clothing > Sleepwear & Loungewear > Robes"},
		{"french robe", "Robe longue", aa + "Clothing > Dresses"},
		{"google path", "Apparel & Accessories > Clothing > Dresses", aa + "Clothing > Dresses"},
		{"category name", "Women > Accessories > Hats", aa + "Clothing Accessories > Hats"},
		{"bags", "Women > Bags", bags},
		{"head noun last", "T-Shirt Dress", aa + "Clothing > Dresses"},
		{"other head noun", "Dress Shirts", aa + "Clothing > Shirts & Tops"},
		{"specific over generic", "Top-Handle Bags", bags + " > Top-Handle Bags"},
		{"bag charm", "Bag Charm", aa + "Handbag & Wallet Accessories > Bag Charms"},
		{"slash path", "Men/Shoes/Chelsea Boots", aa + "Shoes > Boots"},
		{"jeans", "Women > Clothing > Jeans", aa + "Clothing > Pants > Jeans"},
		{"knitwear", "Knitwear", aa + "Clothing > Shirts & Tops > Knitwear"},
		{"german compound", "Damen > Taschen > Ledertasche", bags},
		{"german cross-body", "Damen > Taschen > Umhängetasche", bags + " > Cross-Body Bags"},
		{"german plural", "Kleider", aa + "Clothing > Dresses"},
		{"german boots", "Damen > Schuhe > Stiefeletten", aa + "Shoes > Boots"},
		{"german sneakers", "Turnschuhe", aa + "Shoes > Sneakers"},
		{"german cardigan", "Damen > Strickjacken", aa + "Clothing > Shirts & Tops > Knitwear"},
		{"german jacket", "Damen > Lederjacken", aa + "Clothing > Outerwear > Coats & Jackets"},
		{"pantyhose is not trousers", "Pantyhose", aa + "Clothing > Underwear & Socks > Hosiery"},
		{"french", "Sac à main", bags},
		{"french earrings", "Boucles d'oreilles", aa + "Jewelry > Earrings"},
		{"italian", "Donna > Scarpe > Stivali", aa + "Shoes > Boots"},
		{"spanish", "Mujer > Vestidos", aa + "Clothing > Dresses"},
		{"ring", "Jewellery > Rings", aa + "Jewelry > Rings"},
		{"heels", "Kitten-Heel Pumps", aa + "Shoes > Heels"},
		{"earlier segment", "Women > Shoes > New Season", aa + "Shoes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := tx.MapProductType(tt.in)
			if !ok || n.Path != tt.want {
				t.Errorf("MapProductType(%q) = %q, %t; want %q", tt.in, n.Path, ok, tt.want)
			}
		})
	}
	for _, in := range []string{"", "Women", "New In > Sale", "Micro", "Gift Cards"} {
		if n, ok := tx.MapProductType(in); ok {
			t.Errorf("MapProductType(%q) = %q, want no match", in, n.Path)
		}
	}
}

func BenchmarkMapProductType(b *testing.B) {
	tx := DefaultTaxonomy()
	in := []string{"Women > Bags > Mini & Micro Bags", "Women > Shoes > Sneakers", "Damen > Bekleidung > Kleider", "New In"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx.MapProductType(in[i%len(in)])
	}
}
