package notify_test

import (
	"bytes"
	"encoding/xml"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

// atomDoc is what the tests read back with encoding/xml.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Summary string `xml:"summary"`
		Content struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func TestWriteAtom(t *testing.T) {
	at := time.Date(2026, 11, 26, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	hostile := "Bag <script>alert(1)</script> & \"co\" \x00\x1b end"
	f := notify.AtomFeed{ID: "tag:tagdrop.example,2026:shopper-feed/7", Title: "Your sales", SelfURL: "https://tagdrop.example/feeds/t.atom?a=1&b=2",
		Updated: at, Entries: []notify.AtomEntry{
			{ID: "tag:tagdrop.example,2026:digest/1/2", Title: hostile, URL: "https://tagdrop.example/products/2", Updated: at,
				Summary: "€199 · 38", HTML: `<p><img src="https://img.example/a.jpg?x=1&amp;y=2" alt="a"></p>`},
		}}
	var buf bytes.Buffer
	if err := notify.WriteAtom(&buf, f); err != nil {
		t.Fatal(err)
	}
	var doc atomDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, buf.String())
	}
	if doc.ID != f.ID || doc.Title != "Your sales" || doc.Author.Name == "" || doc.Updated != "2026-11-26T08:30:00Z" {
		t.Fatalf("feed head %+v", doc)
	}
	if len(doc.Links) != 1 || doc.Links[0].Rel != "self" || doc.Links[0].Href != f.SelfURL {
		t.Fatalf("links %+v", doc.Links)
	}
	if len(doc.Entries) != 1 {
		t.Fatalf("%d entries", len(doc.Entries))
	}
	e := doc.Entries[0]
	// Markup comes back as text; characters XML cannot carry are replaced, not passed through.
	if want := "Bag <script>alert(1)</script> & \"co\" \uFFFD\uFFFD end"; e.Title != want {
		t.Errorf("title %q, want %q", e.Title, want)
	}
	if e.Content.Type != "html" || e.Content.Body != f.Entries[0].HTML {
		t.Errorf("content %+v", e.Content)
	}
	if e.ID != f.Entries[0].ID || e.Link.Href != f.Entries[0].URL || e.Updated != "2026-11-26T08:30:00Z" || e.Summary != "€199 · 38" {
		t.Errorf("entry %+v", e)
	}
}
