package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// lockedBuffer collects logs written from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeSendsMail: serve with SMTP settings from the environment delivers the outbox to a real
// SMTP server (with AUTH), and the password never reaches the logs.
func TestServeSendsMail(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{Username: "tagdrop", Password: "s3cret-pw"})
	dbLoc := "sqlite:" + filepath.Join(t.TempDir(), "s.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := store.Open(ctx, dbLoc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.QueueMessage(ctx, notify.Message{Kind: "welcome", MessageID: "<welcome-1@tagdrop>", To: "ada@example.com",
		Subject: "Welcome", TextBody: "Hello"}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	vars := map[string]string{"TAGDROP_SMTP_URL": "smtp://tagdrop:s3cret-pw@" + srv.Addr + "?tls=none", "TAGDROP_MAIL_FROM": "tagdrop <sales@tagdrop.example>"}
	pr, pw := io.Pipe()
	var logs lockedBuffer
	env := &environment{stdout: pw, stderr: &logs, getenv: func(k string) string { return vars[k] }}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, env, []string{"serve", "--addr", "127.0.0.1:0", "--db", dbLoc, "--log-level", "debug"})
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	for lines.Scan() && !strings.Contains(lines.Text(), "serving at") {
	}
	go io.Copy(io.Discard, pr)
	if !srv.Wait(1, 30*time.Second) {
		t.Fatalf("no mail delivered; logs:\n%s", logs.String())
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve exited %d", code)
	}
	m := srv.Messages()[0]
	if m.MessageID != "<welcome-1@tagdrop>" || m.From != "sales@tagdrop.example" {
		t.Errorf("received %s from %s", m.MessageID, m.From)
	}
	if strings.Contains(logs.String(), "s3cret-pw") {
		t.Errorf("the SMTP password reached the logs:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "REDACTED") {
		t.Errorf("the logs do not name the mail server (redacted):\n%s", logs.String())
	}
	db, err = store.Open(context.Background(), dbLoc)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if c, _ := db.OutboxCounts(context.Background()); c[notify.Sent] != 1 {
		t.Errorf("outbox %v, want the message sent", c)
	}
}

func TestServeMailSettingsErrors(t *testing.T) {
	tests := []struct {
		vars map[string]string
		args []string
		want string
	}{
		{nil, []string{"--smtp-url", "smtp://u:pw-secret@mail.example"}, "mail-from"},
		{nil, []string{"--smtp-url", "http://mail.example", "--mail-from", "a@b.example"}, "smtp-url"},
		{nil, []string{"--smtp-url", "smtp://mail.example", "--mail-from", "a@b.example", "--mail-reply-to", "nope"}, "mail-reply-to"},
		{nil, []string{"--mail-rate", "-1"}, "mail-rate"},
		{map[string]string{"TAGDROP_MAIL_LEASE": "500ms"}, nil, "mail-lease"},
		{map[string]string{"TAGDROP_SMTP_URL": "smtp://u:pw-secret@mail.example:99999"}, []string{"--mail-from", "a@b.example"}, "port"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.vars, append([]string{"serve", "--addr", "127.0.0.1:0"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "pw-secret") {
			t.Errorf("%v: exit %d, stderr %q: want 2 and a message naming %s without the password", tt.args, code, stderr, tt.want)
		}
	}
}
