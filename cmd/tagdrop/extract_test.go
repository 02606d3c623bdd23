package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractCommand(t *testing.T) {
	page := filepath.Join("..", "..", "internal", "extract", "testdata", "sale_markup_regular.html")
	broken := filepath.Join("..", "..", "internal", "extract", "testdata", "broken_jsonld.html")
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // each must appear
		stderr   string
		jsonWant bool
	}{
		{name: "human summary", args: []string{"extract", page}, code: 0,
			stdout: []string{"main product: Pleated Midi Skirt", "€79.95, was €100.00 (-20%) · in stock", "sku PMS-01"}},
		{name: "json after the source", args: []string{"extract", page, "--json"}, code: 0, jsonWant: true},
		{name: "broken block is a warning", args: []string{"extract", broken}, code: 0,
			stdout: []string{"main product: Denim Jacket"}, stderr: "warning: json-ld block 1 (line 4)"},
		{name: "missing file", args: []string{"extract", "no-such-page.html"}, code: 1, stderr: "no-such-page.html"},
		{name: "a URL the fetcher refuses", args: []string{"extract", "http://127.0.0.1:9/p.html"}, code: 1, stderr: "refused to connect to 127.0.0.1"},
		{name: "no source", args: []string{"extract"}, code: 2, stderr: "want exactly one SOURCE"},
		{name: "two sources", args: []string{"extract", page, page}, code: 2, stderr: "want exactly one SOURCE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, nil, tt.args...)
			if code != tt.code {
				t.Fatalf("code %d, want %d; stdout %q stderr %q", code, tt.code, out, errOut)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout %q lacks %q", out, s)
				}
			}
			if tt.stderr != "" && !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.stderr)
			}
			if !tt.jsonWant {
				return
			}
			var got struct {
				URL      string `json:"url"`
				Products []struct {
					Title  string           `json:"title"`
					Offers []map[string]any `json:"offers"`
				} `json:"products"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("not JSON: %v: %s", err, out)
			}
			if got.URL != page || len(got.Products) != 1 || got.Products[0].Title != "Pleated Midi Skirt" {
				t.Fatalf("got %+v", got)
			}
			o := got.Products[0].Offers[0]
			if o["price"] != "79.95" || o["regular_price"] != "100.00" || o["currency"] != "EUR" || o["availability"] != "in_stock" {
				t.Errorf("offer %v", o)
			}
		})
	}
}

func TestExtractEnvironmentJSON(t *testing.T) {
	page := filepath.Join(t.TempDir(), "p.html")
	if err := os.WriteFile(page, []byte(`<h1>Plain Tee</h1><span class="price">€25,00</span>`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, map[string]string{"TAGDROP_JSON": "true"}, "extract", page)
	if code != 0 || !strings.Contains(out, `"price": "25.00"`) || !strings.Contains(out, `"currency": "EUR"`) {
		t.Fatalf("code %d, out %q, err %q", code, out, errOut)
	}
}
