package trends

import (
	"slices"
	"testing"
	"time"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name    string
		product Product
		want    []string // keys
		label   map[string]string
	}{
		{
			name:    "title phrases are stemmed, stop words and the brand dropped",
			product: Product{Title: "Ganni Micro Bags with Chain", Brand: "Ganni", BrandSlug: "ganni"},
			want:    []string{"brand:ganni", "phrase:bag", "phrase:chain", "phrase:micro", "phrase:micro bag"},
			label:   map[string]string{"phrase:micro bag": "micro bags", "brand:ganni": "Ganni"},
		},
		{
			name:    "colour name and family, material family, category leaf",
			product: Product{Title: "Coat", Colour: "Lime Green", ColourFamily: "green", Material: "100% faux fur", Category: "Coats", CategorySlug: "coats"},
			want:    []string{"category:coats", "colour:green", "colour:lime green", "material:faux fur", "phrase:coat"},
			label:   map[string]string{"colour:lime green": "lime green", "material:faux fur": "faux fur"},
		},
		{
			name:    "numbers, one-letter words and accents",
			product: Product{Title: "T-shirt 2021 Été N°5"},
			want:    []string{"phrase:ete", "phrase:shirt"},
		},
		{
			name:    "a colour name that is its family is one term",
			product: Product{Title: "Dress", Colour: "Green", ColourFamily: "green"},
			want:    []string{"colour:green", "phrase:dress"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Terms(tt.product)
			var keys []string
			for _, term := range got {
				keys = append(keys, term.Key)
				if want, ok := tt.label[term.Key]; ok && term.Label != want {
					t.Errorf("label of %s = %q, want %q", term.Key, term.Label, want)
				}
			}
			if !slices.Equal(keys, tt.want) {
				t.Errorf("keys = %q, want %q", keys, tt.want)
			}
		})
	}
}

func TestWeek(t *testing.T) {
	tests := []struct {
		at   string
		want string
		name string
	}{
		{"2026-11-26T09:00:00Z", "2026-11-23", "2026-W48"}, // Thursday
		{"2026-11-23T00:00:00Z", "2026-11-23", "2026-W48"}, // Monday midnight
		{"2026-11-22T23:59:59Z", "2026-11-16", "2026-W47"}, // Sunday
		{"2027-01-01T12:00:00+05:00", "2026-12-28", "2026-W53"},
	}
	for _, tt := range tests {
		at, _ := time.Parse(time.RFC3339, tt.at)
		w := Week(at)
		if got := w.Format("2006-01-02"); got != tt.want || w.Location() != time.UTC {
			t.Errorf("Week(%s) = %s, want %s UTC", tt.at, got, tt.want)
		}
		if got := WeekName(w); got != tt.name {
			t.Errorf("WeekName(%s) = %s, want %s", tt.want, got, tt.name)
		}
	}
	ws := Weeks(Week(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)), 3)
	if len(ws) != 3 || ws[0].Format("2006-01-02") != "2026-11-09" || ws[2].Format("2006-01-02") != "2026-11-23" {
		t.Errorf("Weeks = %v", ws)
	}
}
