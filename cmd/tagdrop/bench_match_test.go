package main

import (
	"encoding/json"
	"testing"
)

// TestBenchMatchJSON runs a small match benchmark and checks the JSON contract: the bench
// object with tagdrop's figures in explicit units, the store phases on SQLite, and the live
// My sales latencies.
func TestBenchMatchJSON(t *testing.T) {
	code, out, errOut := runCmd(t, nil, "bench", "match", "--size", "3000", "--users", "400", "--sample", "20", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Bench   string             `json:"bench"`
		Size    int                `json:"size"`
		Users   int                `json:"users"`
		Tagdrop map[string]float64 `json:"tagdrop"`
		Peers   map[string]any     `json:"peers"`
		Store   map[string]struct {
			Shoppers int `json:"shoppers"`
			Items    int `json:"items"`
		} `json:"store"`
		MySales struct {
			Requests int     `json:"requests"`
			P99MS    float64 `json:"p99_ms"`
		} `json:"my_sales"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if rep.Bench != "match" || rep.Size != 3000 || rep.Users != 400 || rep.Peers == nil {
		t.Errorf("header %+v", rep)
	}
	for _, k := range []string{"seconds", "ops_per_s", "items", "p50_ms", "p99_ms", "peak_rss_mb"} {
		if rep.Tagdrop[k] <= 0 {
			t.Errorf("tagdrop.%s = %v: want a positive figure", k, rep.Tagdrop[k])
		}
	}
	if s := rep.Store["sqlite"]; s.Shoppers != 400 || s.Items != int(rep.Tagdrop["items"]) {
		t.Errorf("store.sqlite = %+v, want 400 shoppers and the run's %v items", s, rep.Tagdrop["items"])
	}
	if rep.MySales.Requests != 20 || rep.MySales.P99MS <= 0 {
		t.Errorf("my_sales = %+v", rep.MySales)
	}
}
