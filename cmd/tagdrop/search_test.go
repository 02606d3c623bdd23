package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchCommand imports a small feed and searches it as a script would, parsing the JSON.
func TestSearchCommand(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	if code, _, errOut := runCmd(t, nil, "import", "--db", db, "--retailer", "Atelier Row", filepath.Join("testdata", "search-atelier.xml")); code != 0 {
		t.Fatalf("import: code %d: %s", code, errOut)
	}
	type result struct {
		ID           int64    `json:"id"`
		Title        string   `json:"title"`
		Brand        string   `json:"brand"`
		Category     string   `json:"category"`
		URL          string   `json:"url"`
		Image        string   `json:"image"`
		Price        string   `json:"price"`
		RegularPrice string   `json:"regular_price"`
		Currency     string   `json:"currency"`
		DiscountPct  int      `json:"discount_pct"`
		Lowest30d    *string  `json:"lowest_30d"`
		Questionable bool     `json:"questionable"`
		Sizes        []string `json:"sizes"`
		Offers       int      `json:"offers"`
	}
	type facet struct {
		Value string `json:"value"`
		Count int    `json:"count"`
	}
	type answer struct {
		Total   int                `json:"total"`
		Results []result           `json:"results"`
		Facets  map[string][]facet `json:"facets"`
	}
	search := func(t *testing.T, args ...string) answer {
		t.Helper()
		code, out, errOut := runCmd(t, nil, append([]string{"search", "--db", db, "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("search %q: code %d: %s", args, code, errOut)
		}
		var a answer
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("search %q printed no JSON: %v\n%s", args, err, out)
		}
		for _, name := range []string{"brand", "category", "size", "color", "retailer"} {
			if _, ok := a.Facets[name]; !ok {
				t.Errorf("facet %q missing", name)
			}
		}
		return a
	}

	t.Run("query and size", func(t *testing.T) {
		a := search(t, "--size", "EU 38", "ganni", "boots")
		if a.Total != 1 || len(a.Results) != 1 {
			t.Fatalf("total %d, %d results; want the boots", a.Total, len(a.Results))
		}
		r := a.Results[0]
		if r.Brand != "Ganni" || r.Price != "210.00" || r.RegularPrice != "300.00" || r.Currency != "EUR" || r.DiscountPct != 30 ||
			r.Offers != 1 || r.URL == "" || r.Image == "" || !strings.Contains(r.Category, "Boots") || len(r.Sizes) == 0 || r.Lowest30d == nil {
			t.Errorf("boots = %+v", r)
		}
	})
	tests := []struct {
		name string
		args []string
		want []string // titles, any order
	}{
		{"brand", []string{"--brand", "Jacquemus"}, []string{"Jacquemus Le Chiquito Mini Bag"}},
		{"discount", []string{"--min-discount", "30", "--sort", "price_low"}, []string{"Staud Silk Slip Dress", "Ganni Leather Ankle Boots"}},
		{"max price", []string{"--max-price", "200"}, []string{"Staud Silk Slip Dress"}},
		{"category by name", []string{"--category", "Dresses"}, []string{"Staud Silk Slip Dress"}},
		{"unknown brand finds nothing", []string{"--brand", "Nobody"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := search(t, tc.args...)
			var got []string
			for _, r := range a.Results {
				got = append(got, r.Title)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || a.Total != len(tc.want) {
				t.Errorf("titles %q (total %d), want %q", got, a.Total, tc.want)
			}
		})
	}

	t.Run("table", func(t *testing.T) {
		code, out, _ := runCmd(t, nil, "search", "--db", db, "ganni")
		if code != 0 || !strings.Contains(out, "1 items match") || !strings.Contains(out, "Ganni Leather Ankle Boots") || !strings.Contains(out, "30%") {
			t.Errorf("table: code %d\n%s", code, out)
		}
	})
	t.Run("bad input names the flag", func(t *testing.T) {
		code, _, errOut := runCmd(t, nil, "search", "--db", db, "--max-price", "cheap")
		if code != 2 || !strings.Contains(errOut, "--max-price") {
			t.Errorf("code %d, stderr %q", code, errOut)
		}
	})
}
