package clicks

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"testing"
)

// oldV1Token was made by the version-1-only Signer (before collection ids) with the secret
// below for Token{OfferID: 77, ProductID: 8, Source: SourceDigest, UserID: 3}: links like it
// live on in sent e-mails and must keep verifying.
const oldV1Token = "AU0IAgOjLUmMm6Q6ig0VUzIzAKDo"

func TestOldV1TokenStillVerifies(t *testing.T) {
	s := mustSigner(t, "0123456789abcdef0123456789abcdef")
	got, err := s.Verify(oldV1Token)
	want := Token{OfferID: 77, ProductID: 8, Source: SourceDigest, UserID: 3}
	if err != nil || got != want {
		t.Fatalf("Verify(old v1 token) = %+v, %v; want %+v", got, err, want)
	}
	// A token without a collection is still signed as version 1, byte for byte.
	raw, err := s.Sign(want)
	if err != nil || raw != oldV1Token {
		t.Errorf("Sign(no collection) = %q, %v; want the v1 token %q", raw, err, oldV1Token)
	}
}

func TestCollectionTokenRoundTrip(t *testing.T) {
	s := mustSigner(t, "0123456789abcdef0123456789abcdef")
	for _, tok := range []Token{
		{OfferID: 5, ProductID: 6, Source: SourceCollection, CollectionID: 1},
		{OfferID: 1 << 40, ProductID: 3, Source: SourceCollection, UserID: 1 << 33, CollectionID: 1 << 40},
	} {
		raw, err := s.Sign(tok)
		if err != nil {
			t.Fatal(err)
		}
		bin, _ := base64.RawURLEncoding.DecodeString(raw)
		if bin[0] != tokenVersionCollection {
			t.Errorf("token with a collection has version %d, want %d", bin[0], tokenVersionCollection)
		}
		got, err := s.Verify(raw)
		if err != nil || got != tok {
			t.Errorf("round trip = %+v, %v; want %+v", got, err, tok)
		}
		u, err := s.TokenURL("https://t.example/", tok)
		if err != nil || u != "https://t.example/out/"+raw {
			t.Errorf("TokenURL = %q, %v", u, err)
		}
	}
	if _, err := s.Sign(Token{OfferID: 1, ProductID: 1, Source: SourceCollection, CollectionID: -1}); err == nil {
		t.Error("Sign accepted a negative collection id")
	}
}

// TestVersionsAreStrict: a correctly signed body in the wrong layout for its version byte is
// refused, so v1 and v2 can never be read as each other.
func TestVersionsAreStrict(t *testing.T) {
	s := mustSigner(t, "0123456789abcdef0123456789abcdef")
	body := func(version byte, collection ...uint64) string {
		b := []byte{version}
		b = binary.AppendUvarint(b, 77)
		b = binary.AppendUvarint(b, 8)
		b = append(b, sourceCodes[SourceCollection])
		b = binary.AppendUvarint(b, 0)
		for _, c := range collection {
			b = binary.AppendUvarint(b, c)
		}
		return base64.RawURLEncoding.EncodeToString(append(b, s.mac(b)...))
	}
	if _, err := s.Verify(body(tokenVersionCollection, 9)); err != nil {
		t.Fatalf("a well-formed v2 body did not verify: %v", err)
	}
	for name, raw := range map[string]string{
		"v1 with a collection id":    body(tokenVersion, 9),
		"v2 without a collection id": body(tokenVersionCollection),
		"v2 with collection 0":       body(tokenVersionCollection, 0),
		"v2 with trailing bytes":     body(tokenVersionCollection, 9, 1),
		"unknown version 3":          body(3, 9),
	} {
		if got, err := s.Verify(raw); !errors.Is(err, ErrBadToken) {
			t.Errorf("%s: Verify = %+v, %v; want ErrBadToken", name, got, err)
		}
	}
}
