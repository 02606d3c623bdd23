package clicks

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// An affiliate template is how a retailer's affiliate network wants links to look. It is one of
// two forms, set by an admin per retailer and applied at redirect time:
//
//   - query parameters to add to the offer's own URL, written as a query string starting with
//     "?": "?aff_id=42&utm_source=tagdrop". A parameter the offer URL already has is replaced.
//   - a network deep link, an https URL with the offer's URL in it once, URL-encoded, where
//     {url_encoded} stands: "https://network.example/deeplink?id=42&murl={url_encoded}".
//
// Either form may also use {source}, replaced by the link's surface (page, digest, …), for
// networks that report per sub-id. The empty template sends shoppers to the offer URL as it is.

// placeholders a template may hold.
const (
	phURL    = "{url_encoded}"
	phSource = "{source}"
)

// maxTemplate bounds a template's length.
const maxTemplate = 2000

// Template is a parsed, validated affiliate template.
type Template struct {
	raw      string
	params   url.Values // query form: what to add
	order    []string   // query form: parameter names in the admin's order
	deeplink string     // deep-link form
}

// TemplateError says what is wrong with a template an admin entered.
type TemplateError struct{ Message string }

func (e *TemplateError) Error() string { return "affiliate template: " + e.Message }

func bad(format string, args ...any) error {
	return &TemplateError{Message: fmt.Sprintf(format, args...)}
}

// ParseTemplate validates an admin's template. Surrounding spaces are ignored; "" is the empty
// template (no affiliate link).
func ParseTemplate(raw string) (Template, error) {
	raw = strings.TrimSpace(raw)
	switch {
	case raw == "":
		return Template{}, nil
	case len(raw) > maxTemplate:
		return Template{}, bad("is %d characters long; at most %d", len(raw), maxTemplate)
	case strings.ContainsAny(raw, " \t\r\n"):
		return Template{}, bad("must not contain spaces or line breaks")
	case strings.HasPrefix(raw, "?"):
		return parseParams(raw)
	case strings.HasPrefix(raw, "https://"):
		return parseDeeplink(raw)
	case strings.Contains(raw, "://"):
		return Template{}, bad("a deep link must start with https://")
	}
	return Template{}, bad(`start with "?" to add query parameters, or give an https:// deep link containing %s`, phURL)
}

func parseParams(raw string) (Template, error) {
	if strings.Contains(raw, phURL) {
		return Template{}, bad("%s belongs in a deep link, not in query parameters", phURL)
	}
	if err := unknownPlaceholder(raw); err != nil {
		return Template{}, err
	}
	vals, err := url.ParseQuery(raw[1:])
	if err != nil {
		return Template{}, bad("the query parameters do not parse: %v", err)
	}
	if len(vals) == 0 {
		return Template{}, bad(`"?" must be followed by at least one name=value parameter`)
	}
	t := Template{raw: raw, params: vals}
	for _, pair := range strings.Split(raw[1:], "&") {
		name, _, _ := strings.Cut(pair, "=")
		name, _ = url.QueryUnescape(name)
		if name == "" {
			return Template{}, bad("a parameter has no name")
		}
		if len(vals[name]) > 1 {
			return Template{}, bad("parameter %q is given more than once", name)
		}
		t.order = append(t.order, name)
	}
	return t, nil
}

func parseDeeplink(raw string) (Template, error) {
	if n := strings.Count(raw, phURL); n != 1 {
		return Template{}, bad("a deep link must contain %s exactly once (it has it %d times)", phURL, n)
	}
	if err := unknownPlaceholder(raw); err != nil {
		return Template{}, err
	}
	probe := strings.NewReplacer(phURL, "x", phSource, "x").Replace(raw)
	u, err := url.Parse(probe)
	if err != nil {
		return Template{}, bad("the deep link is not a URL: %v", err)
	}
	if u.Scheme != "https" || u.Host == "" || u.Hostname() == "" {
		return Template{}, bad("a deep link must be an https:// URL with a host")
	}
	if u.User != nil {
		return Template{}, bad("a deep link must not carry a user name or password")
	}
	authority := raw[len("https://"):]
	if i := strings.IndexAny(authority, "/?#"); i >= 0 {
		authority = authority[:i]
	}
	if strings.Contains(authority, "{") {
		return Template{}, bad("placeholders may not stand in the deep link's host")
	}
	return Template{raw: raw, deeplink: raw}, nil
}

// unknownPlaceholder refuses {anything} but the known placeholders, which would otherwise
// reach shoppers literally.
func unknownPlaceholder(raw string) error {
	rest := strings.NewReplacer(phURL, "", phSource, "").Replace(raw)
	if i := strings.IndexAny(rest, "{}"); i >= 0 {
		return bad("unknown placeholder near %q; use %s or %s", snippet(rest, i), phURL, phSource)
	}
	return nil
}

func snippet(s string, i int) string {
	end := min(len(s), i+20)
	return s[i:end]
}

// String is the template as the admin wrote it (trimmed).
func (t Template) String() string { return t.raw }

// IsZero reports the empty template.
func (t Template) IsZero() bool { return t.raw == "" }

// ErrUnsafeTarget means a redirect target is not an absolute http(s) URL (or, through a
// template, not https); the redirect goes to the product page on tagdrop instead.
var ErrUnsafeTarget = errors.New("click-out target is not a safe http(s) URL")

// Apply returns where a shopper clicking an offer whose page is target, from source, is sent.
// The target itself must be an absolute http(s) URL; a deep link yields https only.
func (t Template) Apply(target string, source Source) (string, error) {
	u, err := SafeTarget(target)
	if err != nil {
		return "", err
	}
	switch {
	case t.deeplink != "":
		out := strings.NewReplacer(phURL, url.QueryEscape(u.String()), phSource, url.QueryEscape(string(source))).Replace(t.deeplink)
		if _, err := SafeTarget(out); err != nil || !strings.HasPrefix(out, "https://") {
			return "", ErrUnsafeTarget
		}
		return out, nil
	case t.params != nil:
		q := u.Query()
		for _, name := range t.order {
			q.Set(name, strings.ReplaceAll(t.params.Get(name), phSource, string(source)))
		}
		u.RawQuery = q.Encode()
		return u.String(), nil
	}
	return u.String(), nil
}

// SafeTarget parses a URL and accepts only an absolute http or https URL with a host and no
// user info: never javascript:, data:, a scheme-relative //host or a path on tagdrop.
func SafeTarget(raw string) (*url.URL, error) {
	if raw == "" || len(raw) > 4096 || strings.ContainsAny(raw, "\x00\r\n\t \\") {
		return nil, ErrUnsafeTarget
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" || u.User != nil || u.Opaque != "" {
		return nil, ErrUnsafeTarget
	}
	return u, nil
}
