package main

import (
	"slices"
	"testing"
)

func TestProcessListFlag(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want []int
		bad  bool
	}{
		{name: "one", in: "1", want: []int{1}},
		{name: "several with spaces", in: "1, 2,4", want: []int{1, 2, 4}},
		{name: "zero", in: "0", bad: true},
		{name: "too many", in: "65", bad: true},
		{name: "not a number", in: "1,two", bad: true},
		{name: "empty", in: "", bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p processList
			err := p.Set(tc.in)
			if tc.bad {
				if err == nil {
					t.Fatalf("Set(%q) = %v, want an error", tc.in, p.counts)
				}
				return
			}
			if err != nil || !slices.Equal(p.counts, tc.want) || !p.set || p.String() == "" {
				t.Fatalf("Set(%q) = %v (%v), want %v", tc.in, p.counts, err, tc.want)
			}
		})
	}
}
