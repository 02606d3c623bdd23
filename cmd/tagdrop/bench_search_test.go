package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestBenchSearchJSON(t *testing.T) {
	code, out, errOut := runCmd(t, nil, "bench", "search", "--size", "1500", "--queries", "40", "--peer", "sqlite-fts5", "--json")
	if code != 0 {
		t.Fatalf("bench search: code %d, stderr %s", code, errOut)
	}
	if !strings.Contains(errOut, "search: tagdrop indexed") {
		t.Errorf("no progress on stderr: %q", errOut)
	}
	var rep struct {
		Bench   string                     `json:"bench"`
		Size    int                        `json:"size"`
		Tagdrop map[string]json.RawMessage `json:"tagdrop"`
		Peers   map[string]map[string]any  `json:"peers"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out)
	}
	if rep.Bench != "search" || rep.Size < 1000 {
		t.Errorf("bench %q size %d", rep.Bench, rep.Size)
	}
	for _, k := range []string{"p50_ms", "p99_ms", "ops_per_s", "seconds", "index_mb", "bytes_per_offer", "kinds"} {
		if _, ok := rep.Tagdrop[k]; !ok {
			t.Errorf("tagdrop.%s missing in %s", k, out)
		}
	}
	peer, ok := rep.Peers["sqlite-fts5"]
	if !ok || len(rep.Peers) != 1 {
		t.Fatalf("peers %v: want sqlite-fts5 alone", rep.Peers)
	}
	for _, k := range []string{"p50_ms", "p99_ms", "ops_per_s", "ratio"} {
		if v, _ := peer[k].(float64); v <= 0 {
			t.Errorf("peers.sqlite-fts5.%s = %v: want a positive figure", k, peer[k])
		}
	}
}

func TestBenchSearchUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"size too small", []string{"--size", "5"}, "--size 5"},
		{"unknown peer", []string{"--peer", "lucene"}, `--peer "lucene"`},
		{"stray argument", []string{"extra"}, "extra"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, nil, append([]string{"bench", "search"}, tc.args...)...)
			if code != 2 || !strings.Contains(errOut, tc.want) {
				t.Fatalf("code %d, stderr %q: want 2 and %q", code, errOut, tc.want)
			}
		})
	}
	code, out, _ := runCmd(t, nil, "bench", "search", "--help")
	if code != 0 || !strings.Contains(out, "sqlite-fts5") {
		t.Fatalf("--help: code %d, %q", code, out)
	}
}
