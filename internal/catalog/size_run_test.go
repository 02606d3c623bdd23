package catalog

import (
	"strings"
	"testing"
)

// TestParseSizeRun: runs of neighbouring sizes joined by slashes are a size for each: three or
// more US, UK or AU dress sizes, continental clothing pairs off trousers, doubled shoe sizes;
// not a waist and leg, a span of ages, sizes that are not neighbours, or mixed systems.
func TestParseSizeRun(t *testing.T) {
	tests := []struct {
		raw, system, kind string
		want              string // sizes joined by ", "; "" when no run
	}{
		{"6/8/10", "UK", KindDresses, "UK 6, UK 8, UK 10"},
		{"10/12/14", "US", KindDresses, "US 10, US 12, US 14"},
		{"2/4/6", "", KindDresses, "US 2, US 4, US 6"},
		{"8/10", "UK", KindTops, "UK 8, UK 10"},
		{"36/38", "", KindDresses, "EU 36, EU 38"},
		{"40/42", "IT", KindTops, "IT 40, IT 42"},
		{"38/39", "", KindShoes, "EU 38, EU 39"},
		{"5/6", "UK", KindShoes, "UK 5, UK 6"},
		{"38-39", "", KindShoes, "EU 38, EU 39"},
		{"38 - 39", "EU", KindShoes, "EU 38, EU 39"},
		{"5-6", "UK", KindShoes, "UK 5, UK 6"},
		{"38-40", "", KindShoes, ""},
		{"36/38", "", KindBottoms, ""},
		{"30/32", "", KindBottoms, ""},
		{"6/8/12", "UK", KindDresses, ""},
		{"38/40", "", KindShoes, ""},
		{"38/39/40", "", KindShoes, ""},
		{"6/8 years", "UK", KindTops, ""},
		{"36/38", "", "", ""},
		{"UK 8-10", "", KindDresses, "UK 8, UK 10"},
		{"EU 36/38", "", KindDresses, "EU 36, EU 38"},
		{"UK 8/EU 36", "", KindDresses, ""},
	}
	for _, tt := range tests {
		got, ok := ParseSizeRun(tt.raw, tt.system, tt.kind)
		var s []string
		for _, g := range got {
			s = append(s, g.String())
		}
		if strings.Join(s, ", ") != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseSizeRun(%q, %q, %q) = %q, %v; want %q", tt.raw, tt.system, tt.kind, s, ok, tt.want)
		}
	}
}
