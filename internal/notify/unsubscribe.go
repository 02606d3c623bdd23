package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// Unsubscribe tokens name a shopper and carry an HMAC-SHA256 of their id and their account's
// creation time (Unix ms) under the installation's secret (kept in the settings table, see
// store.MailSecret): "42.<mac>". They need no database row, never expire, and cannot be forged
// or moved to another shopper without the secret. The creation time is signed because SQLite
// may give a deleted account's id to a new one: a token from the old account's mail must not
// unsubscribe the new one. Anyone holding a shopper's token can turn their digests off, which
// is exactly what the link in their mail is for.

// unsubscribeMACLen is the MAC's length in bytes (128 bits).
const unsubscribeMACLen = 16

func unsubscribeMAC(secret []byte, userID int64, createdAt time.Time) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("tagdrop unsubscribe v2\x00"))
	h.Write(strconv.AppendInt(nil, userID, 10))
	h.Write([]byte{0})
	h.Write(strconv.AppendInt(nil, createdAt.UnixMilli(), 10))
	return h.Sum(nil)[:unsubscribeMACLen]
}

// UnsubscribeToken is the token for a shopper whose account was created at createdAt.
func UnsubscribeToken(secret []byte, userID int64, createdAt time.Time) string {
	return strconv.FormatInt(userID, 10) + "." + base64.RawURLEncoding.EncodeToString(unsubscribeMAC(secret, userID, createdAt))
}

// UnsubscribeURL is the one-click unsubscribe address for a shopper: BASE/unsubscribe/TOKEN.
func UnsubscribeURL(baseURL string, secret []byte, userID int64, createdAt time.Time) string {
	return strings.TrimRight(baseURL, "/") + "/unsubscribe/" + UnsubscribeToken(secret, userID, createdAt)
}

// UnsubscribeTokenUser reads the shopper id a token names, checking only its shape; the
// caller loads that shopper and checks the token with VerifyUnsubscribeToken.
func UnsubscribeTokenUser(token string) (int64, bool) {
	id, mac, ok := strings.Cut(token, ".")
	if !ok || len(id) > 19 || base64.RawURLEncoding.DecodedLen(len(mac)) != unsubscribeMACLen {
		return 0, false
	}
	userID, err := strconv.ParseInt(id, 10, 64)
	if err != nil || userID <= 0 || strconv.FormatInt(userID, 10) != id {
		return 0, false
	}
	return userID, true
}

// VerifyUnsubscribeToken reports whether token was made with this secret for the shopper
// userID whose account was created at createdAt.
func VerifyUnsubscribeToken(secret []byte, token string, userID int64, createdAt time.Time) bool {
	id, ok := UnsubscribeTokenUser(token)
	if !ok || id != userID {
		return false
	}
	_, mac, _ := strings.Cut(token, ".")
	got, err := base64.RawURLEncoding.DecodeString(mac)
	return err == nil && hmac.Equal(got, unsubscribeMAC(secret, userID, createdAt))
}
