package catalog

import (
	"errors"
	"slices"
	"testing"
)

func TestNormaliseGTIN(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            error
	}{
		{name: "EAN-13", in: "4006381333931", want: "04006381333931"},
		{name: "UPC-A", in: "036000291452", want: "00036000291452"},
		{name: "GTIN-8", in: "96385074", want: "00000096385074"},
		{name: "GTIN-14", in: "10012345678902", want: "10012345678902"},
		{name: "spaces and hyphens", in: " 400-6381 333931 ", want: "04006381333931"},
		{name: "wrong check digit", in: "4006381333932", err: ErrGTINCheckDigit},
		{name: "eleven digits", in: "40063813339", err: ErrGTINLength},
		{name: "fifteen digits", in: "400638133393100", err: ErrGTINLength},
		{name: "letters", in: "40063813339X", err: ErrGTINDigits},
		{name: "spreadsheet float", in: "4.00638E+12", err: ErrGTINDigits},
		{name: "zeros", in: "0000000000000", err: ErrGTINZero},
		{name: "empty", in: "", err: ErrGTINLength},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NormaliseGTIN(tt.in)
			if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("NormaliseGTIN(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestGTINIsGlobal(t *testing.T) {
	tests := []struct {
		name, gtin string
		want       bool
	}{
		{name: "EAN-13", gtin: "04006381333931", want: true},
		{name: "UPC-A", gtin: "00036000291452", want: true},
		{name: "GTIN-8", gtin: "00000096385074", want: true},
		{name: "in-store EAN prefix 2", gtin: "02012345678903", want: false},
		{name: "UPC number system 2 (variable measure)", gtin: "00212345678901", want: false},
		{name: "UPC number system 4 (in-store)", gtin: "00412345678905", want: false},
		{name: "UPC number system 5 (coupon)", gtin: "00512345678900", want: false},
		{name: "coupon 99", gtin: "09912345678906", want: false},
		{name: "not 14 digits", gtin: "4006381333931", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GTINIsGlobal(tt.gtin); got != tt.want {
				t.Fatalf("GTINIsGlobal(%q) = %v, want %v", tt.gtin, got, tt.want)
			}
		})
	}
}

func TestGTINs(t *testing.T) {
	tests := []struct {
		name, field string
		want        []string
		refused     int
	}{
		{name: "one", field: "4006381333931", want: []string{"04006381333931"}},
		{name: "comma list with a repeat", field: "4006381333931, 036000291452,04006381333931",
			want: []string{"04006381333931", "00036000291452"}},
		{name: "space separated", field: "4006381333931 036000291452", want: []string{"04006381333931", "00036000291452"}},
		{name: "bad check digit refused, good kept", field: "4006381333932;036000291452", want: []string{"00036000291452"}, refused: 1},
		{name: "in-store number refused", field: "2012345678903", refused: 1},
		{name: "garbage counts once", field: "12 34 56", refused: 1},
		{name: "empty", field: " "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, refused := GTINs(tt.field)
			if !slices.Equal(got, tt.want) || refused != tt.refused {
				t.Fatalf("GTINs(%q) = %q, %d refused; want %q, %d", tt.field, got, refused, tt.want, tt.refused)
			}
		})
	}
}
