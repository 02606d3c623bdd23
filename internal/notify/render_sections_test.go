package notify

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sectionDigest has loves on top, brand matches, then two saved-search groups.
func sectionDigest() Digest {
	d := testDigest(5)
	d.Items[3].Group = "From your saved search ‘Boots’"
	d.Items[4].Group = "From your saved search ‘<script>x</script>’"
	d.Loves = []DigestItem{
		{ProductID: 9, Title: "Wool coat", Brand: "Toteme", Size: "M", Retailer: "Shop A", URL: "/products/9", Price: 30000,
			RegularPrice: 36000, Currency: "EUR", Note: "Price drop"},
		{ProductID: 10, Title: "Boot \"x\" <b>", Brand: "Ganni", URL: "javascript:alert(1)", Price: 9000, Currency: "EUR",
			Note: "Back in stock\r\nBcc: evil@example.com"},
	}
	return d
}

func TestRenderDigestSections(t *testing.T) {
	for _, tt := range []struct {
		name string
		d    Digest
	}{
		{"loves and groups", sectionDigest()},
		{"loves only", func() Digest { d := sectionDigest(); d.Items, d.More, d.Collection = nil, 0, nil; return d }()},
	} {
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
			if fast.TextBody != ref.TextBody || fast.Subject != ref.Subject {
				t.Errorf("text or subject differ")
			}
			doc, err := html.Parse(strings.NewReader(fast.HTMLBody))
			if err != nil {
				t.Fatal(err)
			}
			var heads []string
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode && n.Data == "h2" && n.FirstChild != nil {
					heads = append(heads, n.FirstChild.Data)
				}
				if n.Type == html.ElementNode && n.Data == "script" {
					t.Errorf("a script element in the mail")
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			want := []string{"Your loves", "On sale in your size", "From your saved search ‘Boots’", "From your saved search ‘<script>x</script>’"}
			if len(tt.d.Items) == 0 {
				want = want[:1]
			}
			if strings.Join(heads, "|") != strings.Join(want, "|") {
				t.Errorf("headings %q, want %q", heads, want)
			}
			if !strings.Contains(fast.TextBody, "== Your loves ==\n\nToteme\nWool coat\n€300.00, was €360.00\nSize M · at Shop A\nPrice drop\n") {
				t.Errorf("text part lacks the love:\n%s", fast.TextBody)
			}
			if strings.ContainsAny(fast.Subject, "\r\n") {
				t.Errorf("subject %q has a line break", fast.Subject)
			}
		})
	}
}

func TestDigestSubjectWithLoves(t *testing.T) {
	one := Digest{Loves: []DigestItem{{Title: "Wool coat", Note: "Reached your target price"}}}
	if got, want := DigestSubject(&one), "Wool coat: reached your target price"; got != want {
		t.Errorf("one love: %q, want %q", got, want)
	}
	two := Digest{Loves: []DigestItem{{Title: "A"}, {Title: "B"}}, Items: []DigestItem{{Brand: "Ganni"}}}
	if got, want := DigestSubject(&two), "2 of your loves have news; Ganni on sale in your size"; got != want {
		t.Errorf("two loves and an item: %q, want %q", got, want)
	}
}
