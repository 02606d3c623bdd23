package web

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestCollectionIntroSanitises: an intro is rendered, sanitised, and only then are embeds
// replaced by cards tagdrop writes, so nothing an editor types becomes script, an event
// handler, a javascript: link or a data: image, and an embed only ever yields a card.
func TestCollectionIntroSanitises(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	id := func(q string, args ...any) int64 {
		var v int64
		if err := db.SQL().QueryRowContext(ctx, q+" RETURNING id", args...).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	r := id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop <b>A</b>', 1)`)
	b := id(`INSERT INTO brands (slug, name, created_at) VALUES ('x', 'Brand "><script>alert(1)</script>', 1)`)
	p := id(`INSERT INTO products (product_key, brand_id, title, image_url, created_at, updated_at) VALUES ('k', $1, $2, 'javascript:alert(2)', 1, 1)`,
		b, `Bag <img src=x onerror=alert(3)>`)
	id(`INSERT INTO offers (retailer_id, product_id, item_id, url, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
		VALUES ($1, $2, 'i', 'https://shop.example/bag', 'EUR', 9000, 12000, 'in_stock', 1, 1, 1)`, r, p)
	s, err := New(Config{}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	embed := "{{product " + strconv.FormatInt(p, 10) + "}}"

	tests := []struct {
		name      string
		md        string
		wantCards int
		wantText  string // must appear in the text content
	}{
		{"script tag", "Hi <script>alert(1)</script> there", 0, "Hi"},
		{"event handler", `<img src="https://i.example/a.jpg" onerror="alert(1)"> and <b onclick="x()">b</b>`, 0, ""},
		{"javascript link", "[click](javascript:alert(1)) and [ok](https://ok.example)", 0, "click"},
		{"javascript link, encoded", "[click](jav&#x61;script:alert(1))", 0, "click"},
		{"data image", "![pixel](data:image/png;base64,iVBORw0KGgo=)", 0, ""},
		{"data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", 0, "x"},
		{"vbscript link", "[x](vbscript:msgbox(1))", 0, "x"},
		{"raw iframe", `<iframe src="https://evil.example"></iframe>`, 0, ""},
		{"style attribute", `<p style="background:url(javascript:alert(1))">x</p>`, 0, ""},
		{"embed alone", "Intro\n\n" + embed + "\n\nOutro", 1, "Outro"},
		{"embed inside a link text stays text", "[" + embed + "](https://ok.example)", 0, "{{product"},
		{"embed in code stays code", "```\n" + embed + "\n```", 0, "{{product"},
		{"embed inline stays text", "See " + embed + " here", 0, "{{product"},
		{"embed of a missing product is dropped", "{{product 987654}}", 0, ""},
		{"raw html faking an embed paragraph", "<p>" + embed + "</p>", 0, ""},
		{"attribute holding an embed paragraph", `[a](https://ok.example "<p>` + embed + `</p>")`, 0, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.collectionIntro(ctx, tt.md)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(strings.NewReader("<div>" + string(got) + "</div>"))
			if err != nil {
				t.Fatal(err)
			}
			cards := 0
			var txt strings.Builder
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.TextNode {
					txt.WriteString(n.Data)
				}
				if n.Type == html.ElementNode {
					switch n.Data {
					case "script", "iframe", "style", "object", "embed", "form":
						t.Errorf("<%s> survived in %q", n.Data, got)
					case "article":
						cards++
					}
					for _, a := range n.Attr {
						v := strings.ToLower(strings.TrimSpace(a.Val))
						if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
							t.Errorf("<%s %s=%q> survived", n.Data, a.Key, a.Val)
						}
						// Only http(s) and site addresses; the one data: URL allowed is tagdrop's own
						// placeholder picture, which the card shows for the product's javascript: image.
						safe := strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//")
						if (a.Key == "href" || a.Key == "src") && !safe && a.Val != string(placeholderImage) {
							t.Errorf("<%s %s=%q> is not an http(s) or site address", n.Data, a.Key, a.Val)
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			if cards != tt.wantCards {
				t.Errorf("%d product cards, want %d: %q", cards, tt.wantCards, got)
			}
			if !strings.Contains(txt.String(), tt.wantText) {
				t.Errorf("text %q does not contain %q", txt.String(), tt.wantText)
			}
			if tt.wantCards > 0 {
				// The card shows the product's hostile title and brand as text, links the product page.
				if !strings.Contains(txt.String(), "Bag <img src=x onerror=alert(3)>") || !strings.Contains(txt.String(), `Brand "><script>`) {
					t.Errorf("card text = %q; want the title and brand shown as text", txt.String())
				}
				if !strings.Contains(string(got), `href="/products/`+strconv.FormatInt(p, 10)+`"`) {
					t.Errorf("card does not link the product page: %q", got)
				}
			}
		})
	}
}
