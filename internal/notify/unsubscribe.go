package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
)

// Unsubscribe tokens name a shopper and carry an HMAC-SHA256 of their id under the
// installation's secret (kept in the settings table, see store.MailSecret): "42.<mac>". They
// need no database row, never expire, and cannot be forged or moved to another shopper without
// the secret. Anyone holding a shopper's token can turn their digests off, which is exactly what
// the link in their mail is for.

// unsubscribeMACLen is the MAC's length in bytes (128 bits).
const unsubscribeMACLen = 16

func unsubscribeMAC(secret []byte, userID int64) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("tagdrop unsubscribe v1\x00"))
	h.Write(strconv.AppendInt(nil, userID, 10))
	return h.Sum(nil)[:unsubscribeMACLen]
}

// UnsubscribeToken is the token for a shopper.
func UnsubscribeToken(secret []byte, userID int64) string {
	return strconv.FormatInt(userID, 10) + "." + base64.RawURLEncoding.EncodeToString(unsubscribeMAC(secret, userID))
}

// UnsubscribeURL is the one-click unsubscribe address for a shopper: BASE/unsubscribe/TOKEN.
func UnsubscribeURL(baseURL string, secret []byte, userID int64) string {
	return strings.TrimRight(baseURL, "/") + "/unsubscribe/" + UnsubscribeToken(secret, userID)
}

// VerifyUnsubscribeToken returns the shopper a token names, or false when it was not made with
// this secret.
func VerifyUnsubscribeToken(secret []byte, token string) (int64, bool) {
	id, mac, ok := strings.Cut(token, ".")
	if !ok || len(id) > 19 {
		return 0, false
	}
	userID, err := strconv.ParseInt(id, 10, 64)
	if err != nil || userID <= 0 || strconv.FormatInt(userID, 10) != id {
		return 0, false
	}
	got, err := base64.RawURLEncoding.DecodeString(mac)
	if err != nil || !hmac.Equal(got, unsubscribeMAC(secret, userID)) {
		return 0, false
	}
	return userID, true
}
