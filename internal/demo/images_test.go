package demo

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// staticDir is where the web package serves the committed illustrations from.
const staticDir = "../web/static/demo/img"

// TestImagesCommitted fails when the committed SVGs are not what images.go draws, so a change to
// the drawings cannot ship without its files.
func TestImagesCommitted(t *testing.T) {
	names := ImageNames()
	if len(names) < 150 || len(names) >= 300 {
		t.Fatalf("%d illustrations, want between 150 and 300", len(names))
	}
	files, err := filepath.Glob(filepath.Join(staticDir, "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(names) {
		t.Errorf("%s has %d SVGs, images.go draws %d: run go generate ./internal/demo", staticDir, len(files), len(names))
	}
	for _, name := range names {
		want, _ := Image(name)
		got, err := os.ReadFile(filepath.Join(staticDir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is missing or stale: run go generate ./internal/demo", name)
		}
	}
}

// TestImagesWellFormed parses every SVG and checks what browsers and screen readers need.
func TestImagesWellFormed(t *testing.T) {
	for _, name := range ImageNames() {
		b, ok := Image(name)
		if !ok {
			t.Fatalf("Image(%q) = false", name)
		}
		var svg struct {
			XMLName xml.Name
			ViewBox string `xml:"viewBox,attr"`
			Role    string `xml:"role,attr"`
			Label   string `xml:"aria-label,attr"`
			Title   string `xml:"title"`
		}
		if err := xml.Unmarshal(b, &svg); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if svg.XMLName.Local != "svg" || svg.ViewBox != "0 0 300 300" || svg.Role != "img" || svg.Label == "" || svg.Title != svg.Label {
			t.Errorf("%s: root %s viewBox %q role %q label %q title %q", name, svg.XMLName.Local, svg.ViewBox, svg.Role, svg.Label, svg.Title)
		}
		if len(b) > 8<<10 {
			t.Errorf("%s is %d bytes; keep illustrations small", name, len(b))
		}
	}
	if _, ok := Image("../demo.go"); ok {
		t.Error("Image accepted a path that is not an illustration")
	}
	if _, ok := Image("handbag-mauve.svg"); ok {
		t.Error("Image accepted an unknown name")
	}
}

// TestEveryProductHasItsImage checks each generated product points at an illustration that exists.
func TestEveryProductHasItsImage(t *testing.T) {
	for _, p := range Generate(Options{Seed: DefaultSeed}).Products {
		name := strings.TrimPrefix(p.Image, "/static/demo/img/")
		if _, ok := Image(name); !ok {
			t.Errorf("%s %s: image %s does not exist", p.Brand, p.Title, p.Image)
		}
	}
}
