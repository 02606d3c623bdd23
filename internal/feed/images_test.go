package feed

import (
	"reflect"
	"testing"
)

// TestSplitImageLinks: commas separate addresses only before the next address, so CDN paths
// with commas stay whole.
func TestSplitImageLinks(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"https://a/1.jpg", []string{"https://a/1.jpg"}},
		{"https://a/1.jpg,https://a/2.jpg , http://a/3.jpg,", []string{"https://a/1.jpg", "https://a/2.jpg", "http://a/3.jpg"}},
		{"https://c/upload/w_500,h_500,c_fill/a.jpg,https://c/upload/w_500,h_500/b.jpg",
			[]string{"https://c/upload/w_500,h_500,c_fill/a.jpg", "https://c/upload/w_500,h_500/b.jpg"}},
		{"//cdn/a.jpg, //cdn/b.jpg", []string{"//cdn/a.jpg", "//cdn/b.jpg"}},
		{"/img/a.jpg,/img/b.jpg", []string{"/img/a.jpg", "/img/b.jpg"}},
		{"www.x.com/a.jpg, www.x.com/b.jpg", []string{"www.x.com/a.jpg", "www.x.com/b.jpg"}},
		{"https://x/a.jpg,,https://x/b.jpg,", []string{"https://x/a.jpg", "https://x/b.jpg"}},
		{"a.jpg, b.jpg", []string{"a.jpg", "b.jpg"}},
		{"ftp://x/a.jpg,HTTPS://x/b.jpg", []string{"ftp://x/a.jpg", "HTTPS://x/b.jpg"}},
	}
	for _, tt := range tests {
		if got := appendImageLinks(nil, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("appendImageLinks(nil, %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGMCXMLCommaSeparatedImages: an XML additional_image_link holding several addresses
// gives each one.
func TestGMCXMLCommaSeparatedImages(t *testing.T) {
	doc := gmcDoc(`<item><g:id>I</g:id><g:title>Belt</g:title><g:price>45.00 USD</g:price>
<g:additional_image_link>https://x.example/b2.jpg,https://x.example/b3.jpg</g:additional_image_link>
<g:additional_image_link>https://x.example/b4.jpg</g:additional_image_link></item>
`)
	items, rows := readWith(t, doc, Options{})
	want := []string{"https://x.example/b2.jpg", "https://x.example/b3.jpg", "https://x.example/b4.jpg"}
	if len(rows) != 0 || len(items) != 1 || !reflect.DeepEqual(items[0].AdditionalImageLinks, want) {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	tsv := "id\ttitle\tprice\tadditional_image_link\nA\tBag\t10.00 USD\thttps://c.example/w_5,h_5/a.jpg,https://c.example/b.jpg\n"
	items, _ = readWith(t, tsv, Options{})
	if len(items) != 1 || !reflect.DeepEqual(items[0].AdditionalImageLinks, []string{"https://c.example/w_5,h_5/a.jpg", "https://c.example/b.jpg"}) {
		t.Fatalf("tsv items %+v", items)
	}
}

// TestAddImagesAllocs: adding image addresses to an item whose slice has room allocates
// nothing, with one address or several.
func TestAddImagesAllocs(t *testing.T) {
	it := Item{AdditionalImageLinks: make([]string, 0, 8)}
	for _, v := range []string{" https://x/a.jpg ", "https://x/a.jpg,https://x/b.jpg"} {
		if n := testing.AllocsPerRun(100, func() {
			it.AdditionalImageLinks = it.AdditionalImageLinks[:0]
			addImages(&it, v)
		}); n != 0 {
			t.Errorf("addImages(%q): %v allocations", v, n)
		}
	}
}
