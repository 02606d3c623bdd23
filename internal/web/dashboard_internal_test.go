package web

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestSafeCSVCell(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain text", "Ganni", "Ganni"},
		{"number", "1240", "1240"},
		{"formula", `=HYPERLINK("https://evil.example","click")`, `'=HYPERLINK("https://evil.example","click")`},
		{"plus", "+1+2", "'+1+2"},
		{"minus", "-2+3", "'-2+3"},
		{"at", "@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		{"formula later in the text is harmless", "Shop = best", "Shop = best"},
		{"apostrophe already", "'quoted", "'quoted"},
		{"leading space", " =1", " =1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := safeCSVCell(tt.in); got != tt.want {
				t.Errorf("safeCSVCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWriteCSV(t *testing.T) {
	rec := httptest.NewRecorder()
	writeCSV(rec, "tagdrop-clicks-brand-30d-2026-06-01.csv", csvTable{
		Header: []string{"brand_id", "brand", "clicks"},
		Rows:   [][]string{{"1", `=cmd|' /C calc'!A0`, "3"}, {"2", "Toteme, \"Paris\"\nline", "2"}},
	})
	if ct := rec.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="tagdrop-clicks-brand-30d-2026-06-01.csv"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	recs, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"brand_id", "brand", "clicks"}, {"1", `'=cmd|' /C calc'!A0`, "3"}, {"2", "Toteme, \"Paris\"\nline", "2"}}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d = %q, want %q", i, recs[i], want[i])
		}
	}
}

// parseSVG reads markup as strict XML and returns its element names and its text.
func parseSVG(t *testing.T, markup string) (elements []string, texts []string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(markup))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return elements, texts
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, markup)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			elements = append(elements, v.Name.Local)
		case xml.CharData:
			if s := strings.TrimSpace(string(v)); s != "" {
				texts = append(texts, s)
			}
		}
	}
}

const hostileLabel = `<script>alert("x")</script> & 'Ganni' ]]> ` + "\x01"

func TestLineChartWellFormed(t *testing.T) {
	day := func(n int) time.Time { return time.Date(2026, 6, n, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		chart lineChart
		paths int
	}{
		{"no days", lineChart{ID: "a", Title: hostileLabel, Desc: hostileLabel}, 0},
		{"one day", lineChart{ID: "b", Title: "t", Days: []time.Time{day(1)}, Series: []lineSeries{{hostileLabel, []float64{3}}}}, 0},
		{"two series", lineChart{ID: "c", Title: hostileLabel, Desc: "d", Days: []time.Time{day(1), day(2), day(3)},
			Series: []lineSeries{{hostileLabel, []float64{10, 1200, 7}}, {"On sale", []float64{0, 5, 6}}}}, 2},
		{"percent", lineChart{ID: "d", Title: "share", Days: []time.Time{day(1), day(2)}, Series: []lineSeries{{"s", []float64{12.5, 80}}}, Max: 100,
			Label: func(f float64) string { return hostileLabel }}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			markup := string(tt.chart.HTML())
			elements, texts := parseSVG(t, markup)
			n := 0
			for _, e := range elements {
				if e == "script" {
					t.Fatal("a label became a script element")
				}
				if e == "path" {
					n++
				}
			}
			if n != tt.paths {
				t.Errorf("%d paths, want %d", n, tt.paths)
			}
			if strings.Contains(markup, "<script") || strings.Contains(markup, "\x01") {
				t.Error("a label reached the markup unescaped")
			}
			all := strings.Join(texts, "\n")
			if strings.Contains(tt.chart.Title, "<script>") && !strings.Contains(all, `<script>alert("x")</script> & 'Ganni' ]]>`) {
				t.Errorf("the title does not read back as text: %q", all)
			}
		})
	}
}

func TestBarChartWellFormed(t *testing.T) {
	c := barChart{ID: "bars", Title: "Click-outs by brand", Desc: hostileLabel,
		Bars: []bar{{hostileLabel, 1234567}, {"Toteme", 3}, {"", 0}}}
	markup := string(c.HTML())
	elements, texts := parseSVG(t, markup)
	rects := 0
	for _, e := range elements {
		if e == "rect" {
			rects++
		}
		if e == "script" {
			t.Fatal("a label became a script element")
		}
	}
	if rects != 3 {
		t.Errorf("%d bars, want 3", rects)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{`<script>alert("x")</script> & 'Ganni' ]]>`, "1,234,567", "Toteme"} {
		if !strings.Contains(all, want) {
			t.Errorf("the chart's text lacks %q: %q", want, all)
		}
	}
	if _, texts := parseSVG(t, string(barChart{ID: "empty", Title: "none"}.HTML())); len(texts) != 1 {
		t.Errorf("an empty bar chart says %q", texts)
	}
}

func TestGroupDigits(t *testing.T) {
	for in, want := range map[int64]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := groupDigits(in); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", in, got, want)
		}
	}
}
