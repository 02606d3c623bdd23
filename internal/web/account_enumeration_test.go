package web_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/riverqueue/river"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// acctCountingQueue records every call a handler makes to the account mail queue.
type acctCountingQueue struct {
	web.AccountMailQueue
	mu    sync.Mutex
	calls []string
}

func (q *acctCountingQueue) record(method string, args river.JobArgs) {
	js, _ := json.Marshal(args)
	q.mu.Lock()
	q.calls = append(q.calls, fmt.Sprintf("%s %s %s", method, args.Kind(), js))
	q.mu.Unlock()
}

// Insert records and enqueues.
func (q *acctCountingQueue) Insert(ctx context.Context, args river.JobArgs) error {
	q.record("Insert", args)
	return q.AccountMailQueue.Insert(ctx, args)
}

// InsertTx records and enqueues in tx.
func (q *acctCountingQueue) InsertTx(ctx context.Context, tx *sql.Tx, args river.JobArgs) error {
	q.record("InsertTx", args)
	return q.AccountMailQueue.InsertTx(ctx, tx, args)
}

// take returns the calls recorded since the last take.
func (q *acctCountingQueue) take() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.calls
	q.calls = nil
	return out
}

// acctRowCounts counts the rows an account request could write: link tokens and mails.
func acctRowCounts(t *testing.T, db *store.DB) string {
	t.Helper()
	var out []string
	for _, table := range []string{"account_tokens", "messages"} {
		var n int
		if err := db.SQL().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s=%d", table, n))
	}
	return strings.Join(out, " ")
}

// acctAnswer is everything a visitor sees of a response, the typed address replaced by ADDR.
func acctAnswer(res *http.Response, body, addr string) string {
	h := res.Header.Clone()
	h.Del("Date")
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "%d\n", res.StatusCode)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(h.Values(k), ", "))
	}
	b.WriteString(body)
	return strings.ReplaceAll(b.String(), addr, "ADDR")
}

// No account enumeration: sign-up, password reset and sign-in-link requests answer an address
// that has an account and one that has none byte for byte alike (the addresses have the same
// length, so even Content-Length matches), set no cookie, and make the same queue call with
// the same job (apart from the address); neither request writes a link token or a mail. What
// differs happens only when the job is worked, off the request path.
func TestAccountRequestsAnswerAlikeForKnownAndUnknown(t *testing.T) {
	const known, unknown = "known@example.com", "novel@example.com"
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		hash, err := account.HashPassword("known password 1")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateUser(context.Background(), known, account.Shopper, hash, true); err != nil {
			t.Fatal(err)
		}
		counter := &acctCountingQueue{}
		ts := acctSiteWith(t, db, web.Config{}, func(q web.AccountMailQueue) web.AccountMailQueue {
			counter.AccountMailQueue = q
			return counter
		})
		for _, tt := range []struct {
			path string
			form url.Values
			// knownMail and unknownMail are the mail each address gets once the job ran ("" none).
			knownMail, unknownMail string
		}{
			{"/password/forgot", url.Values{}, notify.KindReset, ""},
			{"/signin/link", url.Values{"next": {"/my-sales"}}, notify.KindSignIn, ""},
			// Last: it gives the unknown address an (unconfirmed) account.
			{"/signup", url.Values{"password": {"a new password 1"}}, notify.KindSignupAttempt, notify.KindVerify},
		} {
			t.Run(tt.path, func(t *testing.T) {
				var answers, calls []string
				for _, addr := range []string{known, unknown} {
					before := acctRowCounts(t, db)
					form := url.Values{"email": {addr}}
					for k, v := range tt.form {
						form[k] = v
					}
					res, body := acctNewVisitor(t, ts).post(tt.path, form)
					if res.StatusCode != http.StatusOK || len(res.Cookies()) != 0 {
						t.Fatalf("%s for %s: status %d, %d cookies", tt.path, addr, res.StatusCode, len(res.Cookies()))
					}
					answers = append(answers, acctAnswer(res, body, addr))
					got := counter.take()
					if len(got) != 1 {
						t.Fatalf("%s for %s made %d queue calls, want 1: %v", tt.path, addr, len(got), got)
					}
					calls = append(calls, strings.ReplaceAll(got[0], addr, "ADDR"))
					if after := acctRowCounts(t, db); after != before {
						t.Errorf("%s for %s wrote on the request path: %s, then %s", tt.path, addr, before, after)
					}
					if n := len(acctPendingMail(t, db)); n != 1 {
						t.Errorf("%s for %s: %d account_mail jobs waiting, want 1", tt.path, addr, n)
					}
					acctWorkMail(t, db)
				}
				if answers[0] != answers[1] {
					t.Errorf("the answers differ:\n--- %s\n%s\n--- %s\n%s", known, answers[0], unknown, answers[1])
				}
				if calls[0] != calls[1] {
					t.Errorf("the queue calls differ: %s vs %s", calls[0], calls[1])
				}
				// Off the request path, the job wrote what each address should get.
				for addr, kind := range map[string]string{known: tt.knownMail, unknown: tt.unknownMail} {
					all, err := db.Outbox(context.Background(), 1000)
					if err != nil {
						t.Fatal(err)
					}
					n := 0
					for _, m := range all {
						if m.To == addr && m.Kind == kind {
							n++
						}
					}
					if kind != "" && n != 1 {
						t.Errorf("%s: %d %s mails to %s, want 1", tt.path, n, kind, addr)
					}
				}
			})
		}
		for _, m := range acctMailsTo(t, db, unknown) {
			if m.Kind != notify.KindVerify {
				t.Errorf("the address without an account was mailed a %s", m.Kind)
			}
		}
	})
}

// acctMailsTo is every outbox message to an address.
func acctMailsTo(t *testing.T, db *store.DB, to string) []notify.Message {
	t.Helper()
	all, err := db.Outbox(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []notify.Message
	for _, m := range all {
		if m.To == to {
			out = append(out, m)
		}
	}
	return out
}
