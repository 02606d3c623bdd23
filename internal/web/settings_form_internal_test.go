package web

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
)

// brandEntries folds repeats by brand key and refuses an oversized form before anything is
// looked up, so a huge "add brands" box costs one pass over the text, not one query a name.
func TestBrandEntries(t *testing.T) {
	tests := []struct {
		name      string
		in        []string
		want      []string
		wantError string
	}{
		{"blanks skipped, spaces trimmed", []string{" Ganni ", "", "  ", "Toteme"}, []string{"Ganni", "Toteme"}, ""},
		{"repeats folded by brand key", []string{"Ganni", "GANNI", " ganni", "Acne Studios", "acne  studios"}, []string{"Ganni", "Acne Studios"}, ""},
		{"exactly the cap", slices.Repeat([]string{"Ganni"}, maxBrandEntries), []string{"Ganni"}, ""},
		{"one over the cap, all repeats", slices.Repeat([]string{"Ganni"}, maxBrandEntries+1), nil, "at most 400"},
		{"overlong name", []string{strings.Repeat("x", maxBrandNameLen+1)}, nil, "is not a brand name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := brandEntries(tt.in)
			if tt.wantError != "" {
				var fe *fieldError
				if !errors.As(err, &fe) || fe.Field != "brands" || !strings.Contains(fe.Message, tt.wantError) {
					t.Fatalf("error %v, want a brands field error saying %q", err, tt.wantError)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Fatalf("brandEntries = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// sizeRows shows a kind's sizes in the order a size picker does, and a ring's UK letters in
// the alphabet's order ("UK L, UK M"), not the order of clothing letters, where M comes before L.
func TestSettingsSizeOrder(t *testing.T) {
	tests := []struct {
		kind, system, typed, want string
	}{
		{"tops", "letter", "M, S", "S, M"},
		{"dresses", "UK", "10, 8", "UK 8, UK 10"},
		{"rings", "UK", "L, M", "UK L, UK M"},
		{"rings", "UK", "S, M, L", "UK L, UK M, UK S"},
		{"rings", "US", "7, 6.5", "US 6.5, US 7"},
	}
	for _, tt := range tests {
		prefs, err := account.ParseSizes(tt.kind, tt.system, tt.typed)
		if err != nil {
			t.Fatalf("ParseSizes(%q, %q, %q): %v", tt.kind, tt.system, tt.typed, err)
		}
		got := ""
		for _, r := range sizeRows(prefs, nil) {
			if r.Kind == tt.kind {
				got = r.Text
			}
		}
		if got != tt.want {
			t.Errorf("%s %s %q shown as %q, want %q", tt.kind, tt.system, tt.typed, got, tt.want)
		}
	}
}
