package notify

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// testDigest is a realistic digest of n items: brands repeat, some items are the lowest in 30
// days, some questionable, one has no size.
func testDigest(n int) Digest {
	brands := []string{"Jacquemus", "By Far", "Ganni", "Acne Studios", "Totême", "Khaite", "Nanushka"}
	d := Digest{UserID: 42, To: "ada@example.com", MessageID: "<digest-42-2026-11-26@tagdrop>", BaseURL: "https://tagdrop.example",
		More: 12, MoreURL: "/my/sales", UnsubscribeURL: "https://tagdrop.example/unsubscribe/42.abc",
		Collection: &FeaturedCollection{Title: "Winter coats under €300", URL: "/collections/winter-coats", Intro: "Wool, cut long, marked down."}}
	for i := range n {
		it := DigestItem{ProductID: int64(i + 1), OfferID: int64(100 + i), Brand: brands[i%len(brands)],
			Title: fmt.Sprintf("Pleated wool midi skirt %d", i), Size: "M", Retailer: "Atelier Row",
			ImageURL: fmt.Sprintf("/static/demo/img/%d.svg", i), URL: fmt.Sprintf("https://tagdrop.example/out/%d?sig=x&u=1", i),
			Price: int64(12000 + i*500), RegularPrice: int64(24000 + i*500), Currency: "EUR", DiscountPct: 50 - i%3,
			Lowest30d: i%3 == 0, Questionable: i%5 == 4}
		if i == 2 {
			it.Size = ""
		}
		d.Items = append(d.Items, it)
	}
	return d
}

// hostileDigest puts markup, quotes, control characters and dangerous URLs everywhere.
func hostileDigest() Digest {
	d := testDigest(3)
	d.Items[0].Brand = `<script>alert("x")</script>`
	d.Items[0].Title = `Skirt "the one" & 'other' </td></tr></table><img src=x onerror=alert(1)>`
	d.Items[0].URL = "javascript:alert(1)"
	d.Items[0].ImageURL = "data:image/svg+xml,<svg onload=alert(1)>"
	d.Items[1].URL = "https://shop.example/p/1?q=a b&x=<y>&z='(1)'#frag\"x"
	d.Items[1].ImageURL = "https://img.example/ümlaut photo.jpg"
	d.Items[1].Brand = "Line\r\nBcc: evil@example.com"
	d.Items[1].Size = "M\x00L"
	d.Items[2].Retailer = "A\u2028B\tC"
	d.Items[2].URL = "//evil.example/x"
	d.MoreURL = "vbscript:msgbox"
	d.Collection.Title = `<b>bold</b>`
	d.Collection.URL = " https://tagdrop.example/collections/x\"onmouseover=\"alert(1) "
	d.UnsubscribeURL = "https://tagdrop.example/unsubscribe/1.x\r\nInjected: yes"
	return d
}

// normalise parses HTML and renders it back, so two documents compare by structure, text and
// attribute values rather than by how they were escaped.
func normalise(t *testing.T, s string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRenderDigestMatchesTemplate(t *testing.T) {
	noSize := testDigest(1)
	noSize.Items[0].RegularPrice = noSize.Items[0].Price // not discounted against its regular price
	noSize.More, noSize.Collection, noSize.UnsubscribeURL = 0, nil, ""
	tests := []struct {
		name string
		d    Digest
	}{
		{"twenty items", testDigest(20)},
		{"more counted up to a limit", func() Digest { d := testDigest(20); d.More, d.MoreAtLeast = 170, true; return d }()},
		{"hostile values", hostileDigest()},
		{"bare", noSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fast, err := RenderDigest(tt.d)
			if err != nil {
				t.Fatal(err)
			}
			ref, err := RenderDigestTemplate(tt.d)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := normalise(t, fast.HTMLBody), normalise(t, ref.HTMLBody); got != want {
				t.Errorf("fast HTML differs from html/template's:\nfast: %s\n ref: %s", got, want)
			}
			if fast.TextBody != ref.TextBody || fast.Subject != ref.Subject || fast.ListUnsubscribe != ref.ListUnsubscribe {
				t.Errorf("text, subject or List-Unsubscribe differ")
			}
		})
	}
}

// FuzzRenderDigest checks the fast renderer against html/template on any brand, title and URL.
func FuzzRenderDigest(f *testing.F) {
	f.Add(`<script>`, `"'&<>`, "javascript:x", "https://a.example/?q=<'\">")
	f.Add("Ganni", "Coat", "https://a.example/ü ()", "/relative path")
	f.Fuzz(func(t *testing.T, brand, title, u, img string) {
		d := testDigest(2)
		d.Items[0].Brand, d.Items[0].Title, d.Items[0].URL, d.Items[0].ImageURL = brand, title, u, img
		d.MoreURL = u
		fast, err1 := RenderDigest(d)
		ref, err2 := RenderDigestTemplate(d)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v / %v", err1, err2)
		}
		if err1 != nil {
			return
		}
		if normalise(t, fast.HTMLBody) != normalise(t, ref.HTMLBody) {
			t.Errorf("fast HTML differs from html/template's for brand %q title %q url %q img %q", brand, title, u, img)
		}
	})
}

func TestRenderDigestIsSafe(t *testing.T) {
	m, err := RenderDigest(hostileDigest())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(m.HTMLBody))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "b", "svg":
				t.Errorf("element <%s> came from data", n.Data)
			case "img":
				if n.Parent == nil || n.Parent.Data != "a" {
					t.Errorf("an <img> outside the item links came from data")
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("event handler attribute %s=%q", a.Key, a.Val)
				}
				if (a.Key == "href" || a.Key == "src") && a.Val != "#" && !strings.HasPrefix(a.Val, "https://") {
					t.Errorf("%s=%q is neither https nor #", a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if strings.ContainsAny(m.Subject, "\r\n") {
		t.Errorf("subject %q holds a line break", m.Subject)
	}
	if m.ListUnsubscribe != "#" {
		t.Errorf("List-Unsubscribe with a line break kept as %q", m.ListUnsubscribe)
	}
}

// TestRenderDigestContent reads the rendered parts the way a shopper would.
func TestRenderDigestContent(t *testing.T) {
	d := testDigest(20)
	m, err := RenderDigest(d)
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Jacquemus, By Far and 26 more on sale in your size" {
		t.Errorf("subject %q", m.Subject)
	}
	if m.MessageID != d.MessageID || m.To != d.To || m.Kind != "digest" || m.ListUnsubscribe != d.UnsubscribeURL {
		t.Errorf("message fields %+v", m)
	}
	doc, err := html.Parse(strings.NewReader(m.HTMLBody))
	if err != nil {
		t.Fatal(err)
	}
	text := textOf(doc)
	links := attrs(doc, "a", "href")
	imgs := attrs(doc, "img", "src")
	alts := attrs(doc, "img", "alt")
	for i, it := range d.Items {
		for _, want := range []string{it.Brand, it.Title, it.Retailer} {
			if !strings.Contains(text, want) || !strings.Contains(m.TextBody, want) {
				t.Errorf("item %d: %q missing from the HTML or text part", i, want)
			}
		}
		now, was := fmt.Sprintf("€%d.00", it.Price/100), fmt.Sprintf("€%d.00", it.RegularPrice/100)
		line := fmt.Sprintf("%s, was %s (-%d%%)", now, was, it.DiscountPct)
		if !strings.Contains(m.TextBody, line) {
			t.Errorf("item %d: text part lacks %q", i, line)
		}
		if !strings.Contains(text, now+" "+was+" -"+fmt.Sprint(it.DiscountPct)+"%") {
			t.Errorf("item %d: HTML lacks the prices %s, %s", i, now, was)
		}
		if !contains(links, it.URL) {
			t.Errorf("item %d: no link to %s", i, it.URL)
		}
		if !contains(imgs, d.BaseURL+it.ImageURL) || !contains(alts, it.Brand+" "+it.Title) {
			t.Errorf("item %d: image not shown as an absolute URL with alt text", i)
		}
	}
	count := func(s, sub string) int { return strings.Count(s, sub) }
	lowest, questionable := 0, 0
	for _, it := range d.Items {
		if it.Lowest30d {
			lowest++
		}
		if it.Questionable {
			questionable++
		}
	}
	if got := count(text, textLowest); got != lowest || count(m.TextBody, textLowest) != lowest {
		t.Errorf("%q shown %d times, want %d", textLowest, got, lowest)
	}
	if got := count(text, textQuestionable); got != questionable || count(m.TextBody, textQuestionable) != questionable {
		t.Errorf("questionable note shown %d times, want %d", got, questionable)
	}
	if count(text, "Size M") != 19 {
		t.Errorf("sizes: %d items show Size M, want 19 (one has no size)", count(text, "Size M"))
	}
	for _, want := range []string{"And 12 more on sale in your size", "Featured collection", d.Collection.Title, d.Collection.Intro, "Unsubscribe"} {
		if !strings.Contains(text, want) || !strings.Contains(m.TextBody, want) {
			t.Errorf("%q missing from a part", want)
		}
	}
	for _, want := range []string{d.BaseURL + d.MoreURL, d.BaseURL + d.Collection.URL, d.UnsubscribeURL, d.BaseURL + "/settings"} {
		if !contains(links, want) || !strings.Contains(m.TextBody, want) {
			t.Errorf("link %s missing from a part", want)
		}
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "title" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attrs(n *html.Node, tag, key string) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			for _, a := range n.Attr {
				if a.Key == key {
					out = append(out, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDigestSubject(t *testing.T) {
	item := func(brand string) DigestItem { return DigestItem{Brand: brand} }
	tests := []struct {
		name  string
		items []DigestItem
		more  int
		least bool
		want  string
	}{
		{"counted up to a limit", []DigestItem{item("Jacquemus"), item("By Far"), item("Ganni")}, 170, true, "Jacquemus, By Far and 171+ more on sale in your size"},
		{"no brands, counted up to a limit", []DigestItem{item("")}, 199, true, "200+ sale items in your size"},
		{"two brands and more", []DigestItem{item("Jacquemus"), item("By Far"), item("Ganni")}, 11, false, "Jacquemus, By Far and 12 more on sale in your size"},
		{"repeated brand counts once", []DigestItem{item("Jacquemus"), item("jacquemus"), item("By Far")}, 0, false, "Jacquemus and By Far on sale in your size"},
		{"one brand", []DigestItem{item("Ganni"), item("Ganni")}, 0, false, "Ganni on sale in your size"},
		{"one brand and more", []DigestItem{item("Ganni")}, 3, false, "Ganni and 3 more on sale in your size"},
		{"no brands", []DigestItem{item(""), item(" ")}, 1, false, "3 sale items in your size"},
		{"line breaks cleaned", []DigestItem{item("A\r\nBcc: x@y"), item("B")}, 0, false, "A Bcc: x@y and B on sale in your size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DigestSubject(&Digest{Items: tt.items, More: tt.more, MoreAtLeast: tt.least}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRenderDigestRefusesIncompleteDigests(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Digest)
		field string
	}{
		{"no address", func(d *Digest) { d.To = "" }, "to"},
		{"no message id", func(d *Digest) { d.MessageID = "" }, "message_id"},
		{"bad message id", func(d *Digest) { d.MessageID = "<a b@c>" }, "message_id"},
		{"no items", func(d *Digest) { d.Items = nil }, "items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDigest(2)
			tt.edit(&d)
			if _, err := RenderDigest(d); err == nil || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("error %v does not name %s", err, tt.field)
			}
		})
	}
}

// BenchmarkRenderDigest and BenchmarkRenderDigestTemplate render the same 20-item digest.
func BenchmarkRenderDigest(b *testing.B) {
	d := testDigest(20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderDigest(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderDigestTemplate(b *testing.B) {
	d := testDigest(20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderDigestTemplate(d); err != nil {
			b.Fatal(err)
		}
	}
}

func TestAppendMoneyMatchesCatalog(t *testing.T) {
	for _, cur := range []string{"EUR", "eur", "USD", "GBP", "JPY", "CHF", "KWD", "chf", "", "SEK"} {
		for _, v := range []int64{0, 1, 9, 10, 99, 100, 999, 1000, 12345, 99999, 100000, 123456789, 1 << 40, -5, -123456} {
			if got, want := string(appendMoney(nil, v, cur)), catalog.FormatMoney(v, cur); got != want {
				t.Errorf("appendMoney(%d, %q) = %q, want %q", v, cur, got, want)
			}
		}
	}
}

// TestRenderDigestMoreAtLeast: a count that stopped at the run's limit reads "170+ more" in
// both parts.
func TestRenderDigestMoreAtLeast(t *testing.T) {
	d := testDigest(3)
	d.More, d.MoreAtLeast = 170, true
	m, err := RenderDigest(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.TextBody, "And 170+ more on sale in your size") || !strings.Contains(m.HTMLBody, "And 170+ more on sale in your size") {
		t.Errorf("the count's + is missing:\n%s", m.TextBody)
	}
}

// TestRenderDigestOneSize: a one-size item (a bag) says "One size", not "Size One size", in both
// parts; a sized one keeps "Size".
func TestRenderDigestOneSize(t *testing.T) {
	d := testDigest(2)
	d.Items[0].Size, d.Items[1].Size = "One size", "EU 38"
	m, err := RenderDigest(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{m.HTMLBody, m.TextBody} {
		if strings.Contains(part, "Size One size") || !strings.Contains(part, "One size · at") || !strings.Contains(part, "Size EU 38 · at") {
			t.Errorf("sizes shown wrong in:\n%s", part)
		}
	}
}
