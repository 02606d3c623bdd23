package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestUnsubscribeToken(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	born := time.UnixMilli(1_780_000_000_123)
	tok := UnsubscribeToken(secret, 42, born)
	if id, ok := UnsubscribeTokenUser(tok); !ok || id != 42 {
		t.Fatalf("token user: %d %v", id, ok)
	}
	if !VerifyUnsubscribeToken(secret, tok, 42, born) {
		t.Fatal("own token refused")
	}
	other := UnsubscribeToken(secret, 43, born)
	_, mac, _ := strings.Cut(other, ".")
	for _, bad := range []string{"", "42", "42.", "42." + mac, "043." + mac[:3], "+42." + tok[3:], tok + "x", "-1." + tok[3:], tok[:len(tok)-1]} {
		if VerifyUnsubscribeToken(secret, bad, 42, born) {
			t.Errorf("token %q accepted", bad)
		}
	}
	if VerifyUnsubscribeToken([]byte("another secret of thirty-two b.."), tok, 42, born) {
		t.Error("a token of another installation was accepted")
	}
	if VerifyUnsubscribeToken(secret, tok, 43, born) {
		t.Error("a token was accepted for another user id")
	}
	if u := UnsubscribeURL("https://t.example/", secret, 42, born); u != "https://t.example/unsubscribe/"+tok {
		t.Errorf("URL %s", u)
	}
}

// An id reused by a later account (SQLite may reuse a deleted account's id) does not inherit
// the old account's unsubscribe links, nor does a token of the first version, which signed
// only the id.
func TestUnsubscribeTokenBindsAccountCreation(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	first, second := time.UnixMilli(1_780_000_000_000), time.UnixMilli(1_780_000_000_001)
	old := UnsubscribeToken(secret, 7, first)
	if VerifyUnsubscribeToken(secret, old, 7, second) {
		t.Fatal("the old account's token works for the account that reused its id")
	}
	if !VerifyUnsubscribeToken(secret, UnsubscribeToken(secret, 7, second), 7, second) {
		t.Fatal("the new account's own token is refused")
	}
	if VerifyUnsubscribeToken(secret, "7."+v1MAC(secret, 7), 7, first) {
		t.Fatal("a token of the first form (id only) is accepted")
	}
}

// v1MAC is the first token form's MAC (the id alone), kept here to prove it no longer works.
func v1MAC(secret []byte, userID int64) string {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("tagdrop unsubscribe v1\x00"))
	h.Write(strconv.AppendInt(nil, userID, 10))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:unsubscribeMACLen])
}
