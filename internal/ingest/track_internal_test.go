package ingest

import (
	"net/url"
	"testing"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestKeepOnSite holds links to the page's host and images to its registrable domain.
func TestKeepOnSite(t *testing.T) {
	page, _ := url.Parse("https://www.shop.co.uk/p/scarf")
	tests := []struct {
		name, link, image string
		wantLink, wantImg string
	}{
		{"same host", "https://www.shop.co.uk/p/scarf?size=m", "https://www.shop.co.uk/i/1.jpg",
			"https://www.shop.co.uk/p/scarf?size=m", "https://www.shop.co.uk/i/1.jpg"},
		{"www dropped either side", "https://shop.co.uk/p/scarf", "", "https://shop.co.uk/p/scarf", ""},
		{"image on the shop's CDN subdomain", "", "https://cdn.shop.co.uk/1.jpg",
			"https://www.shop.co.uk/p/scarf", "https://cdn.shop.co.uk/1.jpg"},
		{"link on another host of the domain", "https://outlet.shop.co.uk/scarf", "",
			"https://www.shop.co.uk/p/scarf", ""},
		{"link and image on another site", "https://evil.example/scarf", "https://evil.example/1.jpg",
			"https://www.shop.co.uk/p/scarf", ""},
		{"same suffix, other shop", "", "https://other.co.uk/1.jpg", "https://www.shop.co.uk/p/scarf", ""},
		{"not http", "javascript:alert(1)", "data:image/png;base64,AAAA", "https://www.shop.co.uk/p/scarf", ""},
		{"user info", "https://www.shop.co.uk@evil.example/x", "https://u:p@cdn.shop.co.uk/1.jpg",
			"https://www.shop.co.uk/p/scarf", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := []feed.Item{{Link: tt.link, ImageLink: tt.image}}
			if items[0].Link == "" {
				items[0].Link = page.String()
			}
			keepOnSite(items, page)
			if items[0].Link != tt.wantLink || items[0].ImageLink != tt.wantImg {
				t.Errorf("link %q image %q, want %q and %q", items[0].Link, items[0].ImageLink, tt.wantLink, tt.wantImg)
			}
		})
	}
	if got := registrable("10.0.0.1"); got != "10.0.0.1" {
		t.Errorf("registrable(10.0.0.1) = %q, want the address itself", got)
	}
}
