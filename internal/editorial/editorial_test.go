package editorial

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	ok := Collection{Title: "Micro bags", Slug: "micro-bags-2021", Status: Draft, CoverImage: "https://img.example/c.jpg",
		Items: []Item{{ProductID: 1}, {ProductID: 2, Blurb: "tiny"}}}
	tests := []struct {
		name  string
		edit  func(*Collection)
		field string // "" for valid
	}{
		{"valid draft", func(*Collection) {}, ""},
		{"valid published, no cover", func(c *Collection) { c.Status, c.CoverImage = Published, "" }, ""},
		{"valid scheduled", func(c *Collection) { c.Status, c.PublishAt = Scheduled, time.Now() }, ""},
		{"no title", func(c *Collection) { c.Title = "  " }, "title"},
		{"long title", func(c *Collection) { c.Title = strings.Repeat("x", 201) }, "title"},
		{"no slug", func(c *Collection) { c.Slug = "" }, "slug"},
		{"upper-case slug", func(c *Collection) { c.Slug = "Micro-Bags" }, "slug"},
		{"double hyphen", func(c *Collection) { c.Slug = "micro--bags" }, "slug"},
		{"slug with slash", func(c *Collection) { c.Slug = "a/b" }, "slug"},
		{"trailing hyphen", func(c *Collection) { c.Slug = "bags-" }, "slug"},
		{"javascript cover", func(c *Collection) { c.CoverImage = "javascript:alert(1)" }, "cover_image"},
		{"data cover", func(c *Collection) { c.CoverImage = "data:image/png;base64,AAAA" }, "cover_image"},
		{"http cover (blocked by the CSP)", func(c *Collection) { c.CoverImage = "http://img.example/c.jpg" }, "cover_image"},
		{"site path cover (the demo's)", func(c *Collection) { c.CoverImage = "/static/demo/img/x.svg" }, ""},
		{"protocol-relative cover", func(c *Collection) { c.CoverImage = "//evil.example/x.jpg" }, "cover_image"},
		{"backslash cover", func(c *Collection) { c.CoverImage = "/\\evil.example/x.jpg" }, "cover_image"},
		{"relative cover", func(c *Collection) { c.CoverImage = "x.jpg" }, "cover_image"},
		{"scheduled without time", func(c *Collection) { c.Status = Scheduled }, "publish_at"},
		{"unknown status", func(c *Collection) { c.Status = "live" }, "status"},
		{"duplicate product", func(c *Collection) { c.Items = append(c.Items, Item{ProductID: 1}) }, "items"},
		{"long blurb", func(c *Collection) { c.Items[0].Blurb = strings.Repeat("é", 1001) }, "items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			c.Items = slices.Clone(ok.Items)
			tt.edit(&c)
			errs := c.Validate()
			if tt.field == "" {
				if errs != nil {
					t.Fatalf("Validate = %v, want valid", errs)
				}
				return
			}
			if errs.For(tt.field) == "" {
				t.Fatalf("Validate = %v, want an error on %s", errs, tt.field)
			}
		})
	}
}

func TestEmbeddedProducts(t *testing.T) {
	md := "Intro\n\n{{product 12}}\n\nText {{product 13}} inline is not an embed.\n\n   {{product 14}}  \n\n" +
		"{{product 12}}\n\n```\n{{product x}}\n```\n\n{{product 0}}\n"
	if got := EmbeddedProducts(md); !slices.Equal(got, []int64{12, 14}) {
		t.Errorf("EmbeddedProducts = %v, want [12 14]", got)
	}
	if got := EmbedPlaceholder(7); got != "{{product 7}}" || !EmbedParagraph.MatchString("<p>"+got+"</p>") {
		t.Errorf("EmbedPlaceholder(7) = %q", got)
	}
}

func TestNewestFor(t *testing.T) {
	ts := []Teaser{{ID: 3, Brands: []string{"Staud"}}, {ID: 2, Brands: []string{"Ganni", "Toteme"}}, {ID: 1, Brands: []string{"Ganni"}}}
	tests := []struct {
		brands []string
		want   int64
	}{
		{[]string{"Ganni"}, 2}, {[]string{"Staud", "Ganni"}, 3}, {[]string{"Khaite"}, 0}, {nil, 0},
	}
	for _, tt := range tests {
		got := NewestFor(ts, tt.brands)
		if (got == nil && tt.want != 0) || (got != nil && got.ID != tt.want) {
			t.Errorf("NewestFor(%v) = %+v, want %d", tt.brands, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		md   string
		max  int
		want string
	}{
		{"# Title\n\n{{product 3}}\n\nSmall is *still* the **point**, see [this](https://x.example).\n\nMore.", 100, "Small is still the point, see this."},
		{"one two three four five six", 14, "one two three…"},
		{"", 10, ""},
	}
	for _, tt := range tests {
		if got := Excerpt(tt.md, tt.max); got != tt.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q", tt.md, tt.max, got, tt.want)
		}
	}
}
