package editorial

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Limits on what an editor may write. They keep a page, its Atom entry and a digest's teaser a
// sensible size; none of them is a security boundary (rendering is).
const (
	MaxTitle    = 200
	MaxSlug     = 80
	MaxCoverURL = 2000
	MaxIntro    = 50000
	MaxBlurb    = 1000
	MaxItems    = 100
)

// slugPattern is a slug: lower-case letters and digits in words joined by single hyphens.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// FieldError is a problem with one field of the editor's form; Field is the form field's name
// ("title", "slug", "cover_image", "intro", "publish_at", "status", "items"), Message says what
// is wrong in words an editor understands.
type FieldError struct {
	Field   string
	Message string
}

// Error implements error.
func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// FieldErrors is every problem found in one collection, in form order.
type FieldErrors []FieldError

// Error implements error.
func (es FieldErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return "collection: " + strings.Join(parts, "; ")
}

// For returns the message for field, "" when the field is fine.
func (es FieldErrors) For(field string) string {
	for _, e := range es {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Validate checks a collection as the editor submitted it (slug uniqueness and the products'
// existence are the store's to check). Nil means it may be saved.
func (c Collection) Validate() FieldErrors {
	var errs FieldErrors
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	switch n := utf8.RuneCountInString(c.Title); {
	case strings.TrimSpace(c.Title) == "":
		add("title", "Give the collection a title.")
	case n > MaxTitle:
		add("title", "The title is too long (at most 200 characters).")
	}
	switch {
	case c.Slug == "":
		add("slug", "Give the collection a slug: its address, such as micro-bags-2021.")
	case len(c.Slug) > MaxSlug:
		add("slug", "The slug is too long (at most 80 characters).")
	case !slugPattern.MatchString(c.Slug):
		add("slug", "Use only lower-case letters, digits and single hyphens between words, such as micro-bags-2021.")
	}
	if c.CoverImage != "" && !IsHTTPS(c.CoverImage) && !isSitePath(c.CoverImage) {
		add("cover_image", "The cover image must be an https:// address of a picture (or a path on this site, such as /static/cover.jpg).")
	} else if len(c.CoverImage) > MaxCoverURL {
		add("cover_image", "The cover image address is too long (at most 2,000 characters).")
	}
	if len(c.IntroMD) > MaxIntro {
		add("intro", "The intro is too long (at most 50,000 bytes).")
	}
	switch c.Status {
	case Draft, Published:
	case Scheduled:
		if c.PublishAt.IsZero() {
			add("publish_at", "A scheduled collection needs a date and time to appear.")
		}
	default:
		add("status", "Choose draft, scheduled or published.")
	}
	if len(c.Items) > MaxItems {
		add("items", "A collection holds at most 100 products.")
	}
	seen := map[int64]bool{}
	for _, it := range c.Items {
		if utf8.RuneCountInString(it.Blurb) > MaxBlurb {
			add("items", "A product's blurb is too long (at most 1,000 characters).")
			break
		}
		if it.ProductID != 0 && seen[it.ProductID] {
			add("items", "A product is in the collection twice; remove one.")
			break
		}
		seen[it.ProductID] = true
	}
	return errs
}

// IsHTTPS reports whether s is an absolute https URL with a host: the kind of address an editor
// may give for a cover picture. Plain http is refused because the site's Content Security
// Policy (img-src 'self' https: data:) would block the picture on every page.
func IsHTTPS(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	return u.Scheme == "https"
}

// isSitePath reports whether s is a path on this site ("/static/x.svg"; not "//host/x", which
// is another host): the demo's pictures are served so.
func isSitePath(s string) bool {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.ContainsAny(s, "\\ \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "" && u.Host == ""
}
