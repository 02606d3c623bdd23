package clicks

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestTemplateApply(t *testing.T) {
	tests := []struct {
		name, template, target string
		source                 Source
		want                   string
	}{
		{"empty template", "", "https://shop.example/p/1?size=M", SourcePage, "https://shop.example/p/1?size=M"},
		{"add params", "?aff_id=42&utm_source=tagdrop", "https://shop.example/p/1", SourcePage,
			"https://shop.example/p/1?aff_id=42&utm_source=tagdrop"},
		{"params keep the offer's own", "?aff=1", "https://shop.example/p/1?size=38&colour=red", SourceDigest,
			"https://shop.example/p/1?aff=1&colour=red&size=38"},
		{"params replace a same-named one", "?utm_source=tagdrop", "https://shop.example/p?utm_source=feed", SourcePage,
			"https://shop.example/p?utm_source=tagdrop"},
		{"source placeholder", "?subid={source}", "https://shop.example/p", SourcePush, "https://shop.example/p?subid=push"},
		{"keeps fragment", "?a=1", "https://shop.example/p#reviews", SourcePage, "https://shop.example/p?a=1#reviews"},
		{"deep link", "https://network.example/deeplink?id=42&murl={url_encoded}", "https://shop.example/p/1?size=M&c=a%20b",
			SourcePage, "https://network.example/deeplink?id=42&murl=" + url.QueryEscape("https://shop.example/p/1?size=M&c=a%20b")},
		{"deep link with source", "https://network.example/d/{source}?u={url_encoded}", "http://shop.example/x", SourceCollection,
			"https://network.example/d/collection?u=http%3A%2F%2Fshop.example%2Fx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := ParseTemplate(tt.template)
			if err != nil {
				t.Fatalf("ParseTemplate(%q): %v", tt.template, err)
			}
			got, err := tpl.Apply(tt.target, tt.source)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if got != tt.want {
				t.Errorf("Apply = %q\n        want %q", got, tt.want)
			}
		})
	}
}

func TestParseTemplateRefuses(t *testing.T) {
	tests := []struct{ name, template, says string }{
		{"http deep link", "http://network.example/d?u={url_encoded}", "https"},
		{"javascript", "javascript:alert(1)//{url_encoded}", "start with"},
		{"no placeholder", "https://network.example/d?u=x", "exactly once"},
		{"two placeholders", "https://n.example/d?u={url_encoded}&v={url_encoded}", "exactly once"},
		{"placeholder in host", "https://{url_encoded}.example/", "host"},
		{"placeholder host suffix", "https://evil.example{url_encoded}/", "host"},
		{"user info", "https://user:pw@network.example/?u={url_encoded}", "user name"},
		{"unknown placeholder", "?aff={partner}", "unknown placeholder"},
		{"url in params", "?murl={url_encoded}", "deep link"},
		{"empty params", "?", "at least one"},
		{"nameless param", "?=x", "no name"},
		{"duplicate param", "?a=1&a=2", "more than once"},
		{"spaces", "?a=1 2", "spaces"},
		{"bare word", "tagdrop", "start with"},
		{"scheme relative", "//network.example/?u={url_encoded}", "start with"},
		{"too long", "?a=" + strings.Repeat("x", 2100), "characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTemplate(tt.template)
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("ParseTemplate(%q) = %v, want a TemplateError", tt.template, err)
			}
			if !strings.Contains(te.Error(), tt.says) {
				t.Errorf("error %q does not say %q", te.Error(), tt.says)
			}
		})
	}
}

func TestSafeTargetRefusesOpenRedirects(t *testing.T) {
	for _, raw := range []string{
		"", "javascript:alert(1)", "data:text/html,<script>x</script>", "//evil.example/", "/products/1",
		"evil.example", "https://", "https://user:pw@evil.example/", "ftp://shop.example/x",
		"https://shop.example/\r\nSet-Cookie: x=1", "https:\\\\evil.example", "mailto:a@b.example", "https:evil.example",
	} {
		if _, err := SafeTarget(raw); !errors.Is(err, ErrUnsafeTarget) {
			t.Errorf("SafeTarget(%q) = %v, want ErrUnsafeTarget", raw, err)
		}
		if _, err := (Template{}).Apply(raw, SourcePage); err == nil {
			t.Errorf("Apply(%q) succeeded", raw)
		}
	}
	for _, raw := range []string{"https://shop.example/p/1", "http://shop.example:8080/p?x=1"} {
		if _, err := SafeTarget(raw); err != nil {
			t.Errorf("SafeTarget(%q): %v", raw, err)
		}
	}
}
