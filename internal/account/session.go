package account

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// SessionLifetime is how long a sign-in lasts without being renewed.
const SessionLifetime = 30 * 24 * time.Hour

// NewSessionToken returns a fresh random session token (for the cookie) and its hash (for the
// database). Only the hash is stored, so a leaked database cannot be replayed as sessions.
func NewSessionToken() (token, hash string, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b[:])
	return token, HashSessionToken(token), nil
}

// HashSessionToken is the stored form of a session token.
func HashSessionToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
