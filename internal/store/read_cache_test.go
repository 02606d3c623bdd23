package store

import (
	"slices"
	"testing"
)

func TestPadIDs(t *testing.T) {
	tests := []struct {
		n, want int
	}{{1, 1}, {2, 4}, {9, 16}, {24, 24}, {25, 32}, {99, 100}, {100, 100}, {101, 200}, {999, 1000}}
	for _, tt := range tests {
		ids := make([]int64, tt.n)
		for i := range ids {
			ids[i] = int64(i + 1)
		}
		got := padIDs(ids)
		if len(got) != tt.want || !slices.Equal(got[:tt.n], ids) || got[len(got)-1] != int64(tt.n) {
			t.Errorf("padIDs(%d ids) = %d ids ending %d, want %d ending %d", tt.n, len(got), got[len(got)-1], tt.want, tt.n)
		}
	}
}
