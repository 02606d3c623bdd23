package editorial

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Teaser is a visible collection as a digest shows it, with the brands of its products, so a
// digest run can pick each shopper's collection without a query per shopper.
type Teaser struct {
	ID        int64
	Slug      string
	Title     string
	IntroMD   string
	Published time.Time // publish_at, or created_at for one published without a date
	// Brands are the names of the brands of its products (brands.name), each once.
	Brands []string
}

// NewestFor returns the newest teaser (teasers are newest first) that has a product of one of
// brands, or nil when none has.
func NewestFor(teasers []Teaser, brands []string) *Teaser {
	if len(brands) == 0 {
		return nil
	}
	follow := make(map[string]bool, len(brands))
	for _, b := range brands {
		follow[b] = true
	}
	for i := range teasers {
		for _, b := range teasers[i].Brands {
			if follow[b] {
				return &teasers[i]
			}
		}
	}
	return nil
}

// mdLink is a Markdown link or image: its text is kept, its address dropped.
var mdLink = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

// Excerpt is the plain text of the first paragraph of a Markdown intro (embeds and headings
// skipped), emphasis marks and link addresses removed, cut at a word boundary to at most max
// characters: a digest shows it as text under the collection's title.
func Excerpt(md string, max int) string {
	for _, para := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n\n") {
		p := strings.TrimSpace(para)
		if p == "" || strings.HasPrefix(p, "#") || strings.HasPrefix(p, "```") || embedLine.MatchString(p) {
			continue
		}
		p = mdLink.ReplaceAllString(p, "$1")
		p = strings.NewReplacer("**", "", "__", "", "*", "", "`", "", "> ", "").Replace(p)
		p = strings.Join(strings.Fields(p), " ")
		if utf8.RuneCountInString(p) <= max {
			return p
		}
		cut := string([]rune(p)[:max])
		if i := strings.LastIndexByte(cut, ' '); i > max/2 {
			cut = cut[:i]
		}
		return strings.TrimRight(cut, " ,.;:–-") + "…"
	}
	return ""
}
