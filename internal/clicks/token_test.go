package clicks

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func mustSigner(t testing.TB, secret string) *Signer {
	t.Helper()
	s, err := NewSigner([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTokenRoundTrip(t *testing.T) {
	s := mustSigner(t, "0123456789abcdef0123456789abcdef")
	tests := []struct {
		name string
		tok  Token
	}{
		{"page, anonymous", Token{OfferID: 1, ProductID: 1, Source: SourcePage}},
		{"digest with shopper", Token{OfferID: 123456, ProductID: 789, Source: SourceDigest, UserID: 42}},
		{"push, large ids", Token{OfferID: 1 << 40, ProductID: 1<<40 + 7, Source: SourcePush, UserID: 1 << 33}},
		{"collection", Token{OfferID: 5, ProductID: 6, Source: SourceCollection, UserID: 7}},
		{"feed", Token{OfferID: 5, ProductID: 6, Source: SourceFeed}},
		{"api", Token{OfferID: 5, ProductID: 6, Source: SourceAPI}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := s.Sign(tt.tok)
			if err != nil {
				t.Fatal(err)
			}
			if len(raw) > 60 || strings.ContainsAny(raw, "+/=") {
				t.Errorf("token %q is not compact base64url", raw)
			}
			got, err := s.Verify(raw)
			if err != nil {
				t.Fatalf("Verify(%q): %v", raw, err)
			}
			if got != tt.tok {
				t.Errorf("round trip = %+v, want %+v", got, tt.tok)
			}
		})
	}
}

func TestSignRefusesBadInput(t *testing.T) {
	s := mustSigner(t, "0123456789abcdef")
	for _, tok := range []Token{
		{OfferID: 0, ProductID: 1, Source: SourcePage},
		{OfferID: 1, ProductID: 0, Source: SourcePage},
		{OfferID: 1, ProductID: 1, Source: "email"},
		{OfferID: 1, ProductID: 1, Source: SourcePage, UserID: -1},
	} {
		if _, err := s.Sign(tok); err == nil {
			t.Errorf("Sign(%+v) succeeded", tok)
		}
	}
	if _, err := NewSigner([]byte("short")); err == nil {
		t.Error("NewSigner accepted a 5-byte secret")
	}
}

func TestVerifyRefusesTampering(t *testing.T) {
	s := mustSigner(t, "0123456789abcdef0123456789abcdef")
	other := mustSigner(t, "fedcba9876543210fedcba9876543210")
	raw, err := s.Sign(Token{OfferID: 77, ProductID: 8, Source: SourceDigest, UserID: 3})
	if err != nil {
		t.Fatal(err)
	}
	bin, _ := base64.RawURLEncoding.DecodeString(raw)
	flip := func(i int) string {
		b := append([]byte(nil), bin...)
		b[i] ^= 0x01
		return base64.RawURLEncoding.EncodeToString(b)
	}
	forged, _ := other.Sign(Token{OfferID: 77, ProductID: 8, Source: SourceDigest, UserID: 3})
	cases := map[string]string{
		"empty":            "",
		"not base64":       "!!!!!!!!!!!!!!!!!!!!!!!",
		"padded":           raw + "==",
		"std alphabet":     strings.NewReplacer("-", "+", "_", "/").Replace(raw) + "+/",
		"truncated":        raw[:len(raw)-2],
		"extended":         raw + "AA",
		"offer byte":       flip(1),
		"last mac byte":    flip(len(bin) - 1),
		"version byte":     flip(0),
		"other secret":     forged,
		"much too long":    strings.Repeat("A", 5000),
		"mac only":         base64.RawURLEncoding.EncodeToString(bin[len(bin)-macSize:]),
		"swapped mac body": base64.RawURLEncoding.EncodeToString(append(append([]byte{}, bin[len(bin)-macSize:]...), bin[:len(bin)-macSize]...)),
	}
	for name, tok := range cases {
		t.Run(name, func(t *testing.T) {
			if got, err := s.Verify(tok); !errors.Is(err, ErrBadToken) {
				t.Errorf("Verify(%q) = %+v, %v; want ErrBadToken", tok, got, err)
			}
		})
	}
	// Every single-bit change anywhere is caught.
	for i := range bin {
		for bit := range 8 {
			b := append([]byte(nil), bin...)
			b[i] ^= 1 << bit
			if _, err := s.Verify(base64.RawURLEncoding.EncodeToString(b)); err == nil {
				t.Fatalf("a flip of bit %d of byte %d verified", bit, i)
			}
		}
	}
}

func TestURL(t *testing.T) {
	s := mustSigner(t, "0123456789abcdef")
	u, err := s.URL("https://tagdrop.example/", 9, 4, SourcePush, 12)
	if err != nil {
		t.Fatal(err)
	}
	tok, ok := strings.CutPrefix(u, "https://tagdrop.example/out/")
	if !ok {
		t.Fatalf("URL = %q, want it under https://tagdrop.example/out/", u)
	}
	got, err := s.Verify(tok)
	if err != nil || got != (Token{OfferID: 9, ProductID: 4, Source: SourcePush, UserID: 12}) {
		t.Errorf("URL token = %+v, %v", got, err)
	}
	if _, err := s.URL("", 9, 4, "sms", 0); err == nil {
		t.Error("URL with an unknown source succeeded")
	}
}
