package account

import (
	"fmt"
	"time"
)

// Purpose says what an e-mailed single-use link does. A token made for one purpose is refused
// for every other, so a verification link cannot be replayed as a sign-in link.
type Purpose string

// The link purposes.
const (
	// VerifyEmail confirms that the shopper receives mail at the account's address.
	VerifyEmail Purpose = "verify"
	// ResetPassword lets the shopper choose a new password.
	ResetPassword Purpose = "reset"
	// SignInLink signs the shopper in without a password.
	SignInLink Purpose = "signin"
)

// ParsePurpose validates a purpose name.
func ParsePurpose(s string) (Purpose, error) {
	switch p := Purpose(s); p {
	case VerifyEmail, ResetPassword, SignInLink:
		return p, nil
	}
	return "", fmt.Errorf("token purpose %q is not one of verify, reset, signin", s)
}

// Lifetime is how long a link of this purpose works. Links that grant a sign-in are short-lived
// because mailboxes are read on shared and stolen devices; verification only proves receipt.
func (p Purpose) Lifetime() time.Duration {
	switch p {
	case VerifyEmail:
		return 7 * 24 * time.Hour
	case ResetPassword:
		return time.Hour
	default:
		return 20 * time.Minute
	}
}

// NewLinkToken returns a fresh random token for an e-mailed link and the hash to store. It is
// a session token by another name: 256 random bits, only the SHA-256 kept.
func NewLinkToken() (token, hash string, err error) { return NewSessionToken() }
