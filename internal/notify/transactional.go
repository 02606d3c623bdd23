package notify

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	htmltemplate "html/template"
	"net/url"
	"strings"
	"time"
)

// Transactional mail: the messages an account's own actions cause (verification, password reset,
// a sign-in link, and the notice that someone tried to sign up with the address). Each carries
// at most one link, absolute and built from the site's base URL, never from a request's Host
// header, which a visitor controls. Their Message-IDs are derived from the link token (or given),
// so the same mail queued twice is refused by the outbox instead of sent twice.

// The kinds of transactional mail, as stored in Message.Kind.
const (
	KindVerify        = "verify"
	KindReset         = "reset"
	KindSignIn        = "signin"
	KindSignupAttempt = "signup-attempt"
)

// AccountMail is what a transactional mail needs.
type AccountMail struct {
	UserID int64
	// To is the account's (normalised) address.
	To string
	// BaseURL is the site's public address, e.g. "https://tagdrop.example"; links start with it.
	BaseURL string
	// Token is the single-use link token; empty for the sign-up notice.
	Token string
	// Next is the on-site path a sign-in link returns to ("" for the home page).
	Next string
	// Valid is how long the link works, said in the mail.
	Valid time.Duration
	// Nonce makes the Message-ID of a mail without a token unique (the sign-up notice).
	Nonce string
}

// The paths the links open; the web package serves them.
const (
	VerifyPath       = "/verify"
	ResetPath        = "/password/reset"
	SignInLinkPath   = "/signin/link/confirm"
	ForgotPath       = "/password/forgot"
	SignInPath       = "/signin"
	linkTokenParam   = "t"
	linkNextParam    = "next"
	messageIDDefault = "tagdrop"
)

// link builds an absolute link to path on the site with the token (and next) in the query.
func (m AccountMail) link(path string) (string, error) {
	base, err := url.Parse(strings.TrimRight(m.BaseURL, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return "", fmt.Errorf("mail to %s: base URL %q is not an absolute http(s) URL", m.To, m.BaseURL)
	}
	u := *base
	u.Path = strings.TrimRight(base.Path, "/") + path
	q := url.Values{}
	if m.Token != "" {
		q.Set(linkTokenParam, m.Token)
	}
	if m.Next != "" && m.Next != "/" {
		q.Set(linkNextParam, m.Next)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// messageID is "<KIND.HASH@HOST>": HASH is of the token (never the token itself, which must not
// sit in headers that mail systems log) or of the nonce.
func (m AccountMail) messageID(kind string) (string, error) {
	seed := m.Token
	if seed == "" {
		seed = m.Nonce
	}
	if seed == "" {
		return "", fmt.Errorf("%s mail to %s: no token or nonce for its Message-ID", kind, m.To)
	}
	sum := sha256.Sum256([]byte(kind + "\x00" + seed))
	host := messageIDDefault
	if u, err := url.Parse(m.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "<" + kind + "." + hex.EncodeToString(sum[:12]) + "@" + host + ">", nil
}

// mailContent is one transactional mail's words.
type mailContent struct {
	Subject string
	Heading string
	Lines   []string // paragraphs before the button
	Button  string   // the button's label ("" for no button)
	Link    string
	After   []string // paragraphs after the button
}

// RenderVerification is the "confirm your address" mail sent at sign-up.
func RenderVerification(m AccountMail) (Message, error) {
	link, err := m.link(VerifyPath)
	if err != nil {
		return Message{}, err
	}
	return render(m, KindVerify, mailContent{
		Subject: "Confirm your e-mail address for tagdrop",
		Heading: "Confirm your address",
		Lines:   []string{"Welcome to tagdrop. Please confirm that this is your e-mail address, so your sale digests and sign-in links reach you."},
		Button:  "Confirm my address",
		Link:    link,
		After: []string{fmt.Sprintf("The link works once and for %s.", validFor(m.Valid)),
			"If you did not create a tagdrop account, ignore this mail: nothing will be sent to you again."},
	})
}

// RenderPasswordReset is the mail with a link to choose a new password.
func RenderPasswordReset(m AccountMail) (Message, error) {
	link, err := m.link(ResetPath)
	if err != nil {
		return Message{}, err
	}
	return render(m, KindReset, mailContent{
		Subject: "Reset your tagdrop password",
		Heading: "Choose a new password",
		Lines:   []string{"Someone (we hope you) asked to reset the password of the tagdrop account for this address."},
		Button:  "Choose a new password",
		Link:    link,
		After: []string{fmt.Sprintf("The link works once and for %s. Setting a new password signs you out on every device.", validFor(m.Valid)),
			"If you did not ask for this, ignore this mail: your password stays as it is."},
	})
}

// RenderSignInLink is the password-less sign-in mail.
func RenderSignInLink(m AccountMail) (Message, error) {
	link, err := m.link(SignInLinkPath)
	if err != nil {
		return Message{}, err
	}
	return render(m, KindSignIn, mailContent{
		Subject: "Your tagdrop sign-in link",
		Heading: "Sign in to tagdrop",
		Lines:   []string{"Press the button to sign in to tagdrop on this device. No password needed."},
		Button:  "Sign in",
		Link:    link,
		After: []string{fmt.Sprintf("The link works once and for %s.", validFor(m.Valid)),
			"If you did not ask for it, ignore this mail: nobody can sign in without the link."},
	})
}

// RenderSignupAttempt tells an account's owner that someone tried to sign up with their address.
// The sign-up page answers exactly as for a new address, so only the owner learns of it.
func RenderSignupAttempt(m AccountMail) (Message, error) {
	signin, err := AccountMail{To: m.To, BaseURL: m.BaseURL}.link(SignInPath)
	if err != nil {
		return Message{}, err
	}
	forgot, err := AccountMail{To: m.To, BaseURL: m.BaseURL}.link(ForgotPath)
	if err != nil {
		return Message{}, err
	}
	return render(m, KindSignupAttempt, mailContent{
		Subject: "You already have a tagdrop account",
		Heading: "You already have an account",
		Lines: []string{"Someone just tried to create a tagdrop account with this address. There already is one, so nothing was changed.",
			"If it was you, sign in instead:"},
		Button: "Sign in",
		Link:   signin,
		After: []string{"Forgot your password? Choose a new one at " + forgot,
			"If it was not you, you need do nothing: your account is unchanged."},
	})
}

func validFor(d time.Duration) string {
	switch {
	case d <= 0:
		return "a limited time"
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d.Hours()/24))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int(d.Hours()))
	case d >= time.Hour:
		return "one hour"
	default:
		return fmt.Sprintf("%d minutes", int(d.Minutes()))
	}
}

// render builds both parts of a transactional mail.
func render(m AccountMail, kind string, c mailContent) (Message, error) {
	if m.To == "" || strings.ContainsAny(m.To, "\r\n") {
		return Message{}, fmt.Errorf("%s mail: bad recipient %q", kind, m.To)
	}
	id, err := m.messageID(kind)
	if err != nil {
		return Message{}, err
	}
	var text strings.Builder
	text.WriteString(c.Heading + "\n\n")
	for _, l := range c.Lines {
		text.WriteString(l + "\n\n")
	}
	if c.Link != "" {
		text.WriteString(c.Link + "\n\n")
	}
	for _, l := range c.After {
		text.WriteString(l + "\n\n")
	}
	text.WriteString("-- \ntagdrop\n")
	var html bytes.Buffer
	if err := transactionalHTML.Execute(&html, c); err != nil {
		return Message{}, fmt.Errorf("%s mail to %s: %w", kind, m.To, err)
	}
	return Message{UserID: m.UserID, Kind: kind, MessageID: id, To: m.To, Subject: c.Subject,
		TextBody: text.String(), HTMLBody: html.String()}, nil
}

// transactionalHTML is a single-column mail that reads well on a phone: inline styles only (mail
// clients drop style sheets), a table for the button (Outlook), the link also as text.
var transactionalHTML = htmltemplate.Must(htmltemplate.New("mail").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{.Subject}}</title></head>
<body style="margin:0;padding:0;background:#fbf8f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#fbf8f5;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#ffffff;border:1px solid #e7e0da;border-radius:12px;">
<tr><td style="padding:28px 24px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1d1b1a;">
<p style="margin:0 0 20px;font-size:20px;font-weight:700;letter-spacing:-0.01em;">tag<span style="color:#b63a0b;">drop</span></p>
<h1 style="margin:0 0 12px;font-family:Georgia,'Times New Roman',serif;font-size:24px;font-weight:600;">{{.Heading}}</h1>
{{range .Lines}}<p style="margin:0 0 14px;">{{.}}</p>
{{end}}{{if .Button}}<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 20px;"><tr><td style="border-radius:999px;background:#1d1b1a;">
<a href="{{.Link}}" style="display:inline-block;padding:12px 24px;color:#ffffff;font-weight:700;text-decoration:none;border-radius:999px;">{{.Button}}</a>
</td></tr></table>
<p style="margin:0 0 14px;font-size:13px;color:#645d59;">Or open this address: <a href="{{.Link}}" style="color:#645d59;word-break:break-all;">{{.Link}}</a></p>
{{end}}{{range .After}}<p style="margin:0 0 14px;font-size:14px;color:#3d3835;">{{.}}</p>
{{end}}</td></tr></table>
</td></tr></table>
</body></html>
`))
