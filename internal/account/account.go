// Package account holds tagdrop's shoppers, editors and admins: roles, e-mail address rules and
// password hashing with argon2id. Storage lives in the store package.
package account

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
)

// Role is what a user may do.
type Role string

// The roles, from least to most powerful.
const (
	Shopper Role = "shopper"
	Editor  Role = "editor"
	Admin   Role = "admin"
)

// ParseRole validates a role name.
func ParseRole(s string) (Role, error) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case Shopper, Editor, Admin:
		return r, nil
	}
	return "", fmt.Errorf("role %q is not one of shopper, editor, admin", s)
}

// User is an account.
type User struct {
	ID            int64
	Email         string
	Role          Role
	DisplayName   string
	PasswordHash  string
	EmailVerified bool
	CreatedAt     time.Time
}

// NormalizeEmail checks an address and returns it in the form accounts are keyed by (trimmed,
// lower-case). Display names and anything that could smuggle a header line are refused.
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("e-mail address is empty")
	}
	if strings.ContainsAny(s, "\r\n<>\" ,;") {
		return "", fmt.Errorf("e-mail address %q contains characters an address may not have", s)
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
		return "", fmt.Errorf("e-mail address %q is not valid", s)
	}
	return strings.ToLower(s), nil
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 8

// argon2id parameters (RFC 9106's second recommended option, memory-constrained).
const (
	argonTime    = 3
	argonMemory  = 64 * 1024
	argonThreads = 2
	argonKeyLen  = 32
	argonSaltLen = 16
)

// HashPassword hashes a password with argon2id into the PHC string format.
func HashPassword(password string) (string, error) {
	if len(password) < MinPasswordLength {
		return "", fmt.Errorf("password is shorter than %d characters", MinPasswordLength)
	}
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// ErrBadHash means a stored hash is not an argon2id PHC string.
var ErrBadHash = errors.New("stored password hash is not argon2id")

// CheckPassword reports whether password matches hash, in time independent of where they differ.
func CheckPassword(hash, password string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, ErrBadHash
	}
	var version int
	var mem, iters uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, ErrBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &iters, &threads); err != nil {
		return false, ErrBadHash
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil {
		return false, ErrBadHash
	}
	want, err := enc.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, ErrBadHash
	}
	got := argon2.IDKey([]byte(password), salt, iters, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// DummyCheck spends the same time as a real password check; sign-in calls it for unknown
// addresses so that timing does not reveal which addresses have accounts.
func DummyCheck(password string) {
	salt := make([]byte, argonSaltLen)
	argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
}
