package main

import "testing"

func TestPushContact(t *testing.T) {
	for _, c := range []struct{ name, base, from, want string }{
		{"https site", "https://sales.example.com", "tagdrop <sales@example.com>", "https://sales.example.com"},
		{"http site with mail", "http://127.0.0.1:8080", "tagdrop <sales@example.com>", "mailto:sales@example.com"},
		{"http site without mail", "http://tagdrop.lan:8080", "", "mailto:postmaster@tagdrop.lan"},
	} {
		if got := pushContact(c.base, c.from); got != c.want {
			t.Errorf("%s: pushContact(%q, %q) = %q, want %q", c.name, c.base, c.from, got, c.want)
		}
	}
}
