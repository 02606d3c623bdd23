package trends

import "testing"

func series(key string, counts ...int) Series {
	return Series{Term: Term{Key: "phrase:" + key, Kind: Phrase, Label: key}, Counts: counts}
}

// TestRankSyntheticSeries: a term growing steadily from a real base ranks first; a one-off
// blip from nothing to a handful, a big flat term, a falling one and a term below the minimum
// support do not beat it.
func TestRankSyntheticSeries(t *testing.T) {
	in := []Series{
		series("flat giant", 200, 210, 190, 205, 200, 208),
		series("blip", 0, 0, 0, 0, 0, 3),
		series("micro bag", 2, 3, 5, 8, 12, 24),
		series("tiny jump", 0, 0, 0, 0, 1, 2),
		series("falling", 30, 25, 20, 15, 10, 5),
		series("slow riser", 10, 10, 11, 12, 12, 15),
	}
	got := Rank(in, Options{})
	if len(got) == 0 || got[0].Term.Label != "micro bag" {
		t.Fatalf("first = %+v, want micro bag", got)
	}
	pos := map[string]int{}
	for i, r := range got {
		pos[r.Term.Label] = i + 1
	}
	if p := pos["blip"]; p < 2 {
		t.Errorf("blip at %d: it may rank, but not first", p)
	}
	if pos["slow riser"] == 0 || pos["flat giant"] != 0 {
		t.Errorf("slow riser at %d, flat giant at %d: a rise ranks, a flat series does not", pos["slow riser"], pos["flat giant"])
	}
	for _, absent := range []string{"tiny jump", "falling"} {
		if pos[absent] != 0 {
			t.Errorf("%s ranked %d; it should not rank", absent, pos[absent])
		}
	}
	if g, ok := got[0].Growth(); !ok || g != 243 { // 24 over a mean of 7
		t.Errorf("growth of micro bag = %d %v, want 243", g, ok)
	}
	if _, ok := (Ranked{Current: 3}).Growth(); ok {
		t.Error("growth from nothing should not be a percentage")
	}
}

// TestRankBlipDoesNotWinWithoutSmoothing: without the support and smoothing rules a jump from 0
// to 3 would be infinite growth; with them, a term that doubled from a base of 20 beats it.
func TestRankBlipDoesNotWinWithoutSmoothing(t *testing.T) {
	got := Rank([]Series{series("blip", 0, 0, 0, 0, 3), series("doubled", 20, 20, 20, 20, 40)}, Options{})
	if len(got) != 2 || got[0].Term.Label != "doubled" {
		t.Fatalf("ranked %+v, want doubled first", got)
	}
}

func TestRankLimitAndLabels(t *testing.T) {
	in := []Series{
		{Term: Term{Key: "colour:green", Kind: Colour, Label: "green", Value: "green"}, Counts: []int{1, 30}},
		{Term: Term{Key: "phrase:green", Kind: Phrase, Label: "green"}, Counts: []int{1, 29}},
		series("a", 0, 5), series("b", 0, 6), series("c", 0, 7),
	}
	got := Rank(in, Options{Limit: 3})
	if len(got) != 3 {
		t.Fatalf("got %d, want 3", len(got))
	}
	if got[0].Term.Key != "colour:green" {
		t.Errorf("first = %s, want colour:green", got[0].Term.Key)
	}
	for _, r := range got {
		if r.Term.Key == "phrase:green" {
			t.Error("the phrase with the same label as a better placed colour should be dropped")
		}
	}
}

// TestRankPrefersThePhrase: "micro" and "bag" counted exactly as "micro bag" are dropped; "bag",
// counted more often than the phrase, stays.
func TestRankPrefersThePhrase(t *testing.T) {
	got := Rank([]Series{series("micro", 1, 6), series("micro bag", 1, 6), series("bag", 1, 6)}, Options{})
	if len(got) != 1 || got[0].Term.Label != "micro bag" {
		t.Errorf("ranked %+v, want micro bag alone", got)
	}
	got = Rank([]Series{series("micro bag", 1, 6), series("bag", 2, 9)}, Options{})
	if len(got) != 2 {
		t.Errorf("ranked %+v, want both", got)
	}
}
