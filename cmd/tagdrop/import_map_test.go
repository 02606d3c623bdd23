package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportCSVWithMap(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "t.db")
	feedPath := filepath.Join(dir, "nordstil.csv")
	os.WriteFile(feedPath, []byte("Artikel;Name;Preis\nA1;Rock;\"49,95\"\nA2;Hose;teuer\n"), 0o644)
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}
	good := write("good.json", `{"id": "Artikel", "title": "Name", "price": "Preis"}`)
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr for failures
	}{
		{name: "unknown key", args: []string{"--map", write("bad-key.json", `{"id": "Artikel", "titel": "Name"}`)}, code: 2,
			want: `bad-key.json: column map key "titel" is not a tagdrop field`},
		{name: "not a string", args: []string{"--map", write("number.json", `{"id": 3}`)}, code: 2,
			want: `number.json: key "id": the column header must be a string, not a number`},
		{name: "not json", args: []string{"--map", write("broken.json", `{"id": `)}, code: 2, want: "broken.json: not a JSON object"},
		{name: "missing file", args: []string{"--map", filepath.Join(dir, "nope.json")}, code: 2, want: "nope.json: no such file"},
		{name: "bad format", args: []string{"--format", "xlsx"}, code: 2, want: `--format "xlsx" is not auto, gmc-xml, gmc-tsv, csv, shopify`},
		{name: "bad currency", args: []string{"--currency", "euro"}, code: 2, want: `--currency "euro"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"import", "--db", db}, tt.args...)
			code, _, errOut := runCmd(t, nil, append(args, feedPath)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Fatalf("code %d (want %d), stderr %q (want %q)", code, tt.code, errOut, tt.want)
			}
		})
	}

	code, out, errOut := runCmd(t, nil, "import", "--db", db, "--format", "csv", "--map", good, "--currency", "eur", "--json", feedPath)
	if code != 0 {
		t.Fatalf("import: code %d, stderr %q", code, errOut)
	}
	var rep struct {
		Format   string `json:"format"`
		Read     int    `json:"read"`
		New      int    `json:"new"`
		Rejected int    `json:"rejected"`
		Errors   []struct {
			Line   int    `json:"line"`
			Item   string `json:"item"`
			Reason string `json:"reason"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in %q", err, out)
	}
	if rep.Format != "csv" || rep.Read != 2 || rep.New != 1 || rep.Rejected != 1 || len(rep.Errors) != 1 ||
		rep.Errors[0].Line != 3 || rep.Errors[0].Item != "A2" || !strings.Contains(rep.Errors[0].Reason, "teuer") {
		t.Fatalf("report = %+v", rep)
	}
}
