package clicks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// Source is the surface a click-out link was shown on.
type Source string

// The surfaces links are built for. Each has a one-byte code inside tokens; codes are never
// reused, so old links in old e-mails keep verifying.
const (
	SourcePage       Source = "page"
	SourceDigest     Source = "digest"
	SourcePush       Source = "push"
	SourceCollection Source = "collection"
	SourceFeed       Source = "feed"
	SourceAPI        Source = "api"
)

var sourceCodes = map[Source]byte{SourcePage: 1, SourceDigest: 2, SourcePush: 3, SourceCollection: 4, SourceFeed: 5, SourceAPI: 6}

var codeSources = func() map[byte]Source {
	m := map[byte]Source{}
	for s, c := range sourceCodes {
		m[c] = s
	}
	return m
}()

// Valid reports whether s is one of the known sources.
func (s Source) Valid() bool { _, ok := sourceCodes[s]; return ok }

// Token is what a click-out link names. ProductID travels with the offer so that a link to an
// offer deleted since still lands on the product's page on tagdrop.
type Token struct {
	OfferID   int64
	ProductID int64
	Source    Source
	// UserID is the shopper the link was made for (a digest's recipient, the signed-in shopper);
	// 0 when unknown.
	UserID int64
	// CollectionID is the editorial collection the link was shown in (0 for none), so clicks
	// can be counted per collection.
	CollectionID int64
}

// The first byte of every token is its version, so the format can change without misreading
// old links. Version 1 (offer, product, source, user) is still what Sign makes for a token
// without a collection, so those links stay as short as before; version 2 appends the
// collection id. Verify reads both, forever: links live on in old e-mails.
const (
	tokenVersion           = 1
	tokenVersionCollection = 2
)

// macSize is how much of the HMAC-SHA256 a token carries: 128 bits is far beyond guessing
// and keeps links short.
const macSize = 16

// minSecret is the shortest secret a Signer accepts.
const minSecret = 16

// ErrBadToken means a token was not made by this tagdrop: malformed, altered or forged.
var ErrBadToken = errors.New("click-out token is not valid")

// Signer makes and checks tokens with the installation's secret.
type Signer struct {
	key []byte
}

// NewSigner returns a signer for secret (at least 16 bytes).
func NewSigner(secret []byte) (*Signer, error) {
	if len(secret) < minSecret {
		return nil, fmt.Errorf("click-out secret: %d bytes, want at least %d", len(secret), minSecret)
	}
	return &Signer{key: append([]byte(nil), secret...)}, nil
}

// Sign encodes t as a compact base64url string: version, varint ids, source code, MAC.
func (s *Signer) Sign(t Token) (string, error) {
	code, ok := sourceCodes[t.Source]
	if !ok {
		return "", fmt.Errorf("click-out token: source %q is not one of page, digest, push, collection, feed, api", t.Source)
	}
	if t.OfferID <= 0 || t.ProductID <= 0 || t.UserID < 0 || t.CollectionID < 0 {
		return "", fmt.Errorf("click-out token: offer %d, product %d, user %d, collection %d: ids must be positive (user and collection 0 for none)",
			t.OfferID, t.ProductID, t.UserID, t.CollectionID)
	}
	buf := make([]byte, 0, 2+4*binary.MaxVarintLen64+macSize)
	version := byte(tokenVersion)
	if t.CollectionID > 0 {
		version = tokenVersionCollection
	}
	buf = append(buf, version)
	buf = binary.AppendUvarint(buf, uint64(t.OfferID))
	buf = binary.AppendUvarint(buf, uint64(t.ProductID))
	buf = append(buf, code)
	buf = binary.AppendUvarint(buf, uint64(t.UserID))
	if version == tokenVersionCollection {
		buf = binary.AppendUvarint(buf, uint64(t.CollectionID))
	}
	buf = append(buf, s.mac(buf)...)
	return base64.RawURLEncoding.EncodeToString(buf), nil
}

// Verify decodes a token and checks its MAC. Anything but a token Sign made with this secret
// gives ErrBadToken.
func (s *Signer) Verify(raw string) (Token, error) {
	// A token is at most ~75 characters; refuse long input before decoding it.
	if len(raw) < 8 || len(raw) > 96 || strings.ContainsAny(raw, "=+/") {
		return Token{}, ErrBadToken
	}
	buf, err := base64.RawURLEncoding.Strict().DecodeString(raw)
	if err != nil || len(buf) < 1+macSize || (buf[0] != tokenVersion && buf[0] != tokenVersionCollection) {
		return Token{}, ErrBadToken
	}
	body, mac := buf[:len(buf)-macSize], buf[len(buf)-macSize:]
	if !hmac.Equal(mac, s.mac(body)) {
		return Token{}, ErrBadToken
	}
	// The MAC matched, so the body is ours; still parse strictly.
	rest := body[1:]
	offer, rest, ok := uvarint(rest)
	if !ok {
		return Token{}, ErrBadToken
	}
	product, rest, ok := uvarint(rest)
	if !ok || len(rest) < 1 {
		return Token{}, ErrBadToken
	}
	src, ok := codeSources[rest[0]]
	if !ok {
		return Token{}, ErrBadToken
	}
	user, rest, ok := uvarint(rest[1:])
	if !ok || offer == 0 || product == 0 || offer > 1<<62 || product > 1<<62 || user > 1<<62 {
		return Token{}, ErrBadToken
	}
	var collection uint64
	if body[0] == tokenVersionCollection {
		collection, rest, ok = uvarint(rest)
		if !ok || collection == 0 || collection > 1<<62 {
			return Token{}, ErrBadToken
		}
	}
	if len(rest) != 0 {
		return Token{}, ErrBadToken
	}
	return Token{OfferID: int64(offer), ProductID: int64(product), Source: src, UserID: int64(user), CollectionID: int64(collection)}, nil
}

func (s *Signer) mac(body []byte) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write(body)
	return m.Sum(nil)[:macSize]
}

func uvarint(b []byte) (uint64, []byte, bool) {
	v, n := binary.Uvarint(b)
	if n <= 0 {
		return 0, nil, false
	}
	return v, b[n:], true
}

// URL is the click-out link for an offer of a product, shown on source to userID (0 for
// anyone): base is tagdrop's public address (web.Config.BaseURL), or "" for a link relative to
// the site. Digests, push messages and Atom feeds build their retailer links with it.
func (s *Signer) URL(base string, offerID, productID int64, source Source, userID int64) (string, error) {
	tok, err := s.Sign(Token{OfferID: offerID, ProductID: productID, Source: source, UserID: userID})
	if err != nil {
		return "", err
	}
	return strings.TrimRight(base, "/") + "/out/" + tok, nil
}

// TokenURL is URL for a whole Token, for links that carry more than URL's arguments (a
// collection page's links name the collection).
func (s *Signer) TokenURL(base string, t Token) (string, error) {
	tok, err := s.Sign(t)
	if err != nil {
		return "", err
	}
	return strings.TrimRight(base, "/") + "/out/" + tok, nil
}
