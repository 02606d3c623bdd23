package pricing

import (
	"testing"
	"time"
)

func TestParseWindow(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	tests := []struct {
		name    string
		in      string
		want    Window
		wantErr bool
	}{
		{name: "empty", in: "", want: Window{}},
		{name: "google example, impossible day rolls over",
			in:   "2021-02-24T11:07+0100/2021-02-29T23:07+0100",
			want: Window{From: utc("2021-02-24T10:07:00Z"), Until: utc("2021-03-01T22:07:00Z")}},
		{name: "seconds and colon zone", in: "2024-11-01T00:00:00+01:00/2024-11-30T23:59:59+01:00",
			want: Window{From: utc("2024-10-31T23:00:00Z"), Until: utc("2024-11-30T22:59:59Z")}},
		{name: "utc designator", in: "2024-11-01T08:00Z/2024-11-02T08:00Z",
			want: Window{From: utc("2024-11-01T08:00:00Z"), Until: utc("2024-11-02T08:00:00Z")}},
		{name: "dates only: the end day is included", in: "2024-11-01/2024-11-08",
			want: Window{From: utc("2024-11-01T00:00:00Z"), Until: utc("2024-11-09T00:00:00Z")}},
		{name: "open end", in: "2024-11-01T00:00-0500/",
			want: Window{From: utc("2024-11-01T05:00:00Z")}},
		{name: "no slash", in: "2024-11-01T00:00Z", wantErr: true},
		{name: "garbage", in: "soon/later", wantErr: true},
		{name: "ends before start", in: "2024-11-08/2024-11-01", wantErr: true},
		{name: "bad zone", in: "2024-11-01T00:00+1/2024-11-02", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseWindow(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("ParseWindow(%q) = %+v, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseWindow(%q): %v", tt.in, err)
			}
			if !got.From.Equal(tt.want.From) || !got.Until.Equal(tt.want.Until) {
				t.Fatalf("ParseWindow(%q) = %v .. %v, want %v .. %v", tt.in, got.From, got.Until, tt.want.From, tt.want.Until)
			}
		})
	}
}

func TestWindowApplies(t *testing.T) {
	w, err := ParseWindow("2024-11-01T00:00Z/2024-11-08T00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		at   string
		want bool
	}{
		{name: "before", at: "2024-10-31T23:59:59Z", want: false},
		{name: "at start", at: "2024-11-01T00:00:00Z", want: true},
		{name: "inside", at: "2024-11-05T12:00:00Z", want: true},
		{name: "at end", at: "2024-11-08T00:00:00Z", want: false},
		{name: "after", at: "2024-12-01T00:00:00Z", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, _ := time.Parse(time.RFC3339, tt.at)
			if got := w.Applies(at); got != tt.want {
				t.Fatalf("Applies(%s) = %t, want %t", tt.at, got, tt.want)
			}
		})
	}
	if !(Window{}).Applies(time.Now()) {
		t.Fatal("an open window must always apply")
	}
}
