package jobs

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

var testEnvelope = notify.Envelope{From: "tagdrop <sales@tagdrop.example>"}

// transportTo makes transports to a test server (no TLS: it is on loopback).
func transportTo(addr string) func() (MailTransport, error) {
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	return func() (MailTransport, error) {
		return notify.NewTransport(notify.SMTPConfig{Host: host, Port: p, TLS: notify.TLSNone, Timeout: 10 * time.Second}, testEnvelope)
	}
}

func queueMail(t testing.TB, db *store.DB, n int, to func(i int) string) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for i := range n {
		mid := fmt.Sprintf("<digest-%d@tagdrop.test>", i)
		id, err := db.QueueMessage(context.Background(), notify.Message{Kind: "digest", MessageID: mid, To: to(i),
			Subject: "Sale " + strconv.Itoa(i), TextBody: "text", HTMLBody: "<p>html</p>", ListUnsubscribe: "https://t.example/unsubscribe/1.x"})
		if err != nil {
			t.Fatal(err)
		}
		ids[mid] = id
	}
	return ids
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSenderOutcomes runs the sender against a real SMTP server that accepts most addresses,
// refuses one for good (550) and one for now (452).
func TestSenderOutcomes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for _, e := range []string{"gone@example.com", "ok@example.com"} {
			if _, err := db.CreateUser(ctx, e, account.Shopper, "", true); err != nil {
				t.Fatal(err)
			}
		}
		srv := smtptest.Start(t, smtptest.Options{Rcpt: func(to string) error {
			switch to {
			case "gone@example.com":
				return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
			case "full@example.com":
				return &smtp.SMTPError{Code: 452, EnhancedCode: smtp.EnhancedCode{4, 2, 2}, Message: "mailbox full"}
			}
			return nil
		}})
		to := func(i int) string {
			switch i {
			case 3:
				return "gone@example.com"
			case 5:
				return "full@example.com"
			}
			return "ok@example.com"
		}
		ids := queueMail(t, db, 20, to)
		s := NewSender(db, transportTo(srv.Addr), SenderConfig{Connections: 2, Batch: 4, Poll: 20 * time.Millisecond}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		runCtx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- s.Run(runCtx) }()
		waitFor(t, "every message settled", 30*time.Second, func() bool {
			c, _ := db.OutboxCounts(ctx)
			return c[notify.Sent] == 18 && c[notify.Failed] == 1
		})
		stop()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if srv.Count() != 18 {
			t.Errorf("server received %d messages, want 18", srv.Count())
		}
		gone, _ := db.Message(ctx, ids["<digest-3@tagdrop.test>"])
		if gone.Status != notify.Failed || gone.LastError == "" {
			t.Errorf("550: %+v, want failed with the reason", gone)
		}
		if b, _ := db.AddressBounced(ctx, "gone@example.com"); !b {
			t.Error("550 did not mark the address bounced")
		}
		if b, _ := db.AddressBounced(ctx, "ok@example.com"); b {
			t.Error("a delivered address was marked bounced")
		}
		full, _ := db.Message(ctx, ids["<digest-5@tagdrop.test>"])
		if full.Status != notify.Queued || full.Attempts != 1 || full.LastError == "" {
			t.Errorf("452: %+v, want queued for a later retry with the reason", full)
		}
		// The retry waits for its backoff: nothing claims it now.
		if msgs, _ := db.ClaimMessages(ctx, 10, time.Minute); len(msgs) != 0 {
			t.Errorf("a message in backoff was claimable: %+v", msgs)
		}
	})
}

func TestLimiterSpacesSends(t *testing.T) {
	l := newLimiter(200) // 5 ms apart, a burst of 100 ms worth (20) after a pause
	ctx := context.Background()
	start := time.Now()
	for range 40 {
		if err := l.wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// 40 sends at 200/s with a burst of 20 take at least (40-20) × 5 ms.
	if d := time.Since(start); d < 95*time.Millisecond {
		t.Errorf("40 sends at 200/s took %v", d)
	}
	if newLimiter(0) != nil {
		t.Error("rate 0 must mean no limit")
	}
}

// Environment of the sender child process (TestSenderChild).
const (
	childDBEnv   = "TAGDROP_TEST_SENDER_DB"
	childSMTPEnv = "TAGDROP_TEST_SENDER_SMTP"
)

// TestSenderChild is the sender in a child process of TestSenderSurvivesKill; run directly it
// does nothing.
func TestSenderChild(t *testing.T) {
	loc := os.Getenv(childDBEnv)
	if loc == "" {
		t.Skip("only runs as TestSenderSurvivesKill's child")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	db, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := NewSender(db, transportTo(os.Getenv(childSMTPEnv)),
		SenderConfig{Connections: 2, Batch: 10, Lease: time.Second, Poll: 20 * time.Millisecond},
		slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	_ = s.Run(ctx)
}

// TestSenderSurvivesKill runs the sender in a child process, SIGKILLs it twice in the middle of
// sending, restarts it, and checks what a real SMTP server received: every message, and a
// message twice only if it was in flight (claimed, not yet recorded as sent) at a kill, with
// the same Message-ID.
func TestSenderSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: this test starts and kills child processes")
	}
	t.Run("sqlite", func(t *testing.T) {
		loc := "sqlite:" + filepath.Join(t.TempDir(), "tagdrop.db")
		survivesKill(t, loc)
	})
	t.Run("postgres", func(t *testing.T) { survivesKill(t, storetest.PostgresURL(t)) })
}

func survivesKill(t *testing.T, loc string) {
	ctx := context.Background()
	db, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const n = 300
	ids := queueMail(t, db, n, func(i int) string { return fmt.Sprintf("shopper%d@example.com", i) })
	srv := smtptest.Start(t, smtptest.Options{Delay: 2 * time.Millisecond})

	var logs bytes.Buffer
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSenderChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), childDBEnv+"="+loc, childSMTPEnv+"="+srv.Addr)
		cmd.Stdout, cmd.Stderr = &logs, &logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	kill := func(cmd *exec.Cmd) {
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
	}
	defer func() {
		if t.Failed() {
			t.Logf("sender output:\n%s", logs.String())
		}
	}()

	// inFlight lists the messages claimed but not recorded as sent: after a kill, the only
	// ones that may reach the server twice.
	inFlight := map[string]bool{}
	byID := map[int64]string{}
	for mid, id := range ids {
		byID[id] = mid
	}
	noteInFlight := func() int {
		count := 0
		for _, m := range outbox(t, db) {
			if m.Status == notify.Queued && m.Attempts > 0 {
				inFlight[byID[m.ID]] = true
				count++
			}
		}
		return count
	}

	for _, at := range []int{n / 4, n / 2} {
		cmd := start()
		if !srv.Wait(at, time.Minute) {
			kill(cmd)
			t.Fatalf("the sender delivered %d of %d before the kill", srv.Count(), at)
		}
		kill(cmd)
		c := noteInFlight()
		t.Logf("killed after %d deliveries with %d messages in flight", srv.Count(), c)
	}
	cmd := start()
	waitFor(t, "every message recorded as sent", time.Minute, func() bool {
		c, _ := db.OutboxCounts(ctx)
		return c[notify.Sent] == n
	})
	kill(cmd)

	received := map[string]int{}
	for _, m := range srv.Messages() {
		received[m.MessageID]++
	}
	dups := 0
	for mid := range ids {
		switch c := received[mid]; {
		case c == 0:
			t.Errorf("%s was never delivered", mid)
		case c > 1:
			dups += c - 1
			if !inFlight[mid] {
				t.Errorf("%s delivered %d times though it was not in flight at a kill", mid, c)
			}
		}
	}
	for mid := range received {
		if _, ok := ids[mid]; !ok {
			t.Errorf("the server received an unknown Message-ID %q", mid)
		}
	}
	if dups > len(inFlight) {
		t.Errorf("%d duplicates, more than the %d messages in flight at the kills", dups, len(inFlight))
	}
	t.Logf("%d messages, %d deliveries, %d duplicates, %d in flight at the kills", n, srv.Count(), dups, len(inFlight))
}

func outbox(t *testing.T, db *store.DB) []notify.Message {
	t.Helper()
	msgs, err := db.Outbox(context.Background(), 100000)
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}
