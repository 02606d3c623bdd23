package account

import (
	"strings"
	"testing"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Fatalf("hash %q is not argon2id PHC", h)
	}
	h2, _ := HashPassword("correct horse")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt missing")
	}
	for _, tt := range []struct {
		name, pw string
		want     bool
	}{{"right", "correct horse", true}, {"wrong", "correct horsf", false}, {"empty", "", false}} {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := CheckPassword(h, tt.pw)
			if err != nil || ok != tt.want {
				t.Fatalf("CheckPassword = %v, %v; want %v", ok, err, tt.want)
			}
		})
	}
	if _, err := CheckPassword("$2a$10$bcrypt", "x"); err == nil {
		t.Fatal("a non-argon2id hash was accepted")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Fatal("a short password was accepted")
	}
}

func TestNormalizeEmail(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"plain", "Ada@Example.COM", "ada@example.com", true},
		{"trimmed", "  bo@example.org ", "bo@example.org", true},
		{"header injection", "a@example.com\r\nBcc: x@evil.test", "", false},
		{"display name", "Ada <ada@example.com>", "", false},
		{"no domain dot", "ada@localhost", "", false},
		{"empty", "", "", false},
		{"two at", "a@b@example.com", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NormalizeEmail(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("NormalizeEmail(%q) = %q, %v", tt.in, got, err)
			}
		})
	}
}

func TestParseSizePref(t *testing.T) {
	tests := []struct {
		in   string
		want SizePref
		ok   bool
	}{
		{"shoes=EU:38", SizePref{"shoes", "EU", "38"}, true},
		{"tops=letter:m", SizePref{"tops", "letter", "M"}, true},
		{"bottoms=waist:27", SizePref{"bottoms", "waist", "27"}, true},
		{"shoes=eu:38.5", SizePref{"shoes", "EU", "38.5"}, true},
		{"shoes=US:38", SizePref{}, false},
		{"tops=waist:28", SizePref{}, false},
		{"shoes:38", SizePref{}, false},
		{"hats=EU:3", SizePref{}, false},
		{"shoes=EU:", SizePref{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSizePref(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("ParseSizePref(%q) = %+v, %v", tt.in, got, err)
			}
		})
	}
}
