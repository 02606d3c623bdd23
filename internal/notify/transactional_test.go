package notify

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// links returns the href of every <a> in an HTML part.
func links(t *testing.T, body string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key == "href" {
					out = append(out, a.Val)
				}
			}
		}
	}
	return out
}

func TestTransactionalMails(t *testing.T) {
	base := AccountMail{UserID: 7, To: "ada@example.com", BaseURL: "https://tagdrop.example/", Token: "tok-EN_123", Valid: time.Hour}
	tests := []struct {
		name   string
		render func(AccountMail) (Message, error)
		mail   AccountMail
		kind   string
		path   string
		token  bool
	}{
		{"verify", RenderVerification, base, KindVerify, VerifyPath, true},
		{"reset", RenderPasswordReset, base, KindReset, ResetPath, true},
		{"signin", RenderSignInLink, AccountMail{UserID: 7, To: "ada@example.com", BaseURL: "https://tagdrop.example", Token: "tok-EN_123", Next: "/search?q=bag&brand=Ganni"}, KindSignIn, SignInLinkPath, true},
		{"signup attempt", RenderSignupAttempt, AccountMail{UserID: 7, To: "ada@example.com", BaseURL: "https://tagdrop.example", Nonce: "n1"}, KindSignupAttempt, SignInPath, false},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.render(tt.mail)
			if err != nil {
				t.Fatal(err)
			}
			if m.Kind != tt.kind || m.To != "ada@example.com" || m.UserID != 7 || m.Subject == "" {
				t.Fatalf("message = %+v", m)
			}
			if !strings.HasPrefix(m.MessageID, "<"+tt.kind+".") || !strings.HasSuffix(m.MessageID, "@tagdrop.example>") || seen[m.MessageID] {
				t.Fatalf("Message-ID %q is not unique and well-formed", m.MessageID)
			}
			seen[m.MessageID] = true
			if strings.Contains(m.MessageID, "tok-EN_123") {
				t.Fatal("the Message-ID carries the token itself")
			}
			again, _ := tt.render(tt.mail)
			if again.MessageID != m.MessageID {
				t.Fatal("rendering the same mail twice gave two Message-IDs")
			}
			hrefs := links(t, m.HTMLBody)
			if len(hrefs) == 0 {
				t.Fatal("the HTML part has no link")
			}
			u, err := url.Parse(hrefs[0])
			if err != nil || u.Scheme != "https" || u.Host != "tagdrop.example" || u.Path != tt.path {
				t.Fatalf("link %q is not an absolute link to %s", hrefs[0], tt.path)
			}
			if got := u.Query().Get("t"); (got == "tok-EN_123") != tt.token {
				t.Fatalf("link token = %q", got)
			}
			if tt.mail.Next != "" && u.Query().Get("next") != tt.mail.Next {
				t.Fatalf("next = %q, want %q", u.Query().Get("next"), tt.mail.Next)
			}
			if !strings.Contains(m.TextBody, hrefs[0]) {
				t.Fatalf("the text part lacks the link %s:\n%s", hrefs[0], m.TextBody)
			}
			if !strings.Contains(m.HTMLBody, `style="`) {
				t.Fatal("the HTML part has no inline styles")
			}
		})
	}

	if _, err := RenderVerification(AccountMail{To: "a@example.com", Token: "x"}); err == nil {
		t.Error("a mail without a base URL rendered (its link would be relative)")
	}
	if _, err := RenderVerification(AccountMail{To: "a@example.com\r\nBcc: x@evil.test", BaseURL: "https://t.example", Token: "x"}); err == nil {
		t.Error("a recipient with a line break was accepted")
	}
	if _, err := RenderSignupAttempt(AccountMail{To: "a@example.com", BaseURL: "https://t.example"}); err == nil {
		t.Error("a notice without a nonce rendered with a fixed Message-ID")
	}
}
