package notify

import (
	"encoding/xml"
	"io"
	"time"
)

// AtomFeed is a shopper's private feed of matches, written as Atom 1.0 (RFC 4287) by WriteAtom.
type AtomFeed struct {
	// ID is the feed's permanent IRI; it must not change when the feed's token does.
	ID       string
	Title    string
	Subtitle string
	// SelfURL is the feed's own address (rel="self"), AltURL the page it mirrors.
	SelfURL string
	AltURL  string
	// Updated is the newest entry's time (or now for an empty feed).
	Updated   time.Time
	Generator string
	Entries   []AtomEntry
}

// AtomEntry is one item of a feed.
type AtomEntry struct {
	ID      string
	Title   string
	URL     string
	Updated time.Time
	// Summary is plain text; HTML is an HTML fragment, sent escaped as type="html" content.
	Summary    string
	HTML       string
	Categories []string
}

type atomFeedXML struct {
	XMLName   xml.Name       `xml:"http://www.w3.org/2005/Atom feed"`
	ID        string         `xml:"id"`
	Title     atomText       `xml:"title"`
	Subtitle  *atomText      `xml:"subtitle,omitempty"`
	Updated   string         `xml:"updated"`
	Author    atomPerson     `xml:"author"`
	Generator string         `xml:"generator,omitempty"`
	Links     []atomLink     `xml:"link"`
	Entries   []atomEntryXML `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntryXML struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    *atomText      `xml:"content,omitempty"`
}

// atomTime is RFC 3339 in UTC, as Atom's date constructs require.
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// WriteAtom writes the feed as an Atom 1.0 document. Text goes through encoding/xml, which
// escapes markup characters and replaces characters XML cannot carry, so retailer text cannot
// break the document.
func WriteAtom(w io.Writer, f AtomFeed) error {
	doc := atomFeedXML{ID: f.ID, Title: atomText{Type: "text", Body: f.Title}, Updated: atomTime(f.Updated),
		Author: atomPerson{Name: "tagdrop"}, Generator: f.Generator}
	if f.Subtitle != "" {
		doc.Subtitle = &atomText{Type: "text", Body: f.Subtitle}
	}
	if f.SelfURL != "" {
		doc.Links = append(doc.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: f.SelfURL})
	}
	if f.AltURL != "" {
		doc.Links = append(doc.Links, atomLink{Rel: "alternate", Type: "text/html", Href: f.AltURL})
	}
	for _, e := range f.Entries {
		x := atomEntryXML{ID: e.ID, Title: atomText{Type: "text", Body: e.Title}, Updated: atomTime(e.Updated)}
		if e.URL != "" {
			x.Links = []atomLink{{Rel: "alternate", Type: "text/html", Href: e.URL}}
		}
		for _, c := range e.Categories {
			x.Categories = append(x.Categories, atomCategory{Term: c})
		}
		if e.Summary != "" {
			x.Summary = &atomText{Type: "text", Body: e.Summary}
		}
		if e.HTML != "" {
			x.Content = &atomText{Type: "html", Body: e.HTML}
		}
		doc.Entries = append(doc.Entries, x)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}
