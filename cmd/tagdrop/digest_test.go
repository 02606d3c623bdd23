package main

import (
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// TestDigestDryRun loads a small demo and previews the demo shopper's digest as a script would.
func TestDigestDryRun(t *testing.T) {
	ctx := context.Background()
	loc := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	conn, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	// Today is recent so the demo's sales are still on when the command runs with the real clock.
	opts := demo.Options{Products: 120, Days: 28, Step: 7, Today: time.Now().UTC().Truncate(24 * time.Hour)}
	if _, err := demo.Load(ctx, conn, ingest.New(conn, nil), nil, io.Discard, opts); err != nil {
		t.Fatal(err)
	}
	u, err := conn.UserByEmail(ctx, demo.ShopperEmail)
	if err != nil {
		t.Fatal(err)
	}
	prefs, err := conn.Preferences(ctx, u.ID)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}

	code, out, errOut := runCmd(t, nil, "digest", "--db", loc, "--dry-run", "--user", demo.ShopperEmail, "--json")
	if code != 0 {
		t.Fatalf("digest: code %d: %s", code, errOut)
	}
	var raw struct {
		User  string                       `json:"user"`
		Items []map[string]json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("no JSON: %v\n%s", err, out)
	}
	if raw.User != demo.ShopperEmail || len(raw.Items) == 0 {
		t.Fatalf("digest = user %q, %d items:\n%s", raw.User, len(raw.Items), out)
	}
	fields := []string{"offer_id", "product_id", "title", "brand", "size", "color", "price", "regular_price", "currency", "discount_pct", "retailer", "reason"}
	var items []digestItemJSON
	if err := json.Unmarshal([]byte(out), &struct {
		Items *[]digestItemJSON `json:"items"`
	}{&items}); err != nil {
		t.Fatal(err)
	}
	products := map[int64]bool{}
	for i, it := range raw.Items {
		for _, f := range fields {
			if _, ok := it[f]; !ok {
				t.Errorf("item %d lacks %q", i, f)
			}
		}
		if len(it) != len(fields) {
			t.Errorf("item %d has %d fields, want %d: %v", i, len(it), len(fields), it)
		}
		got := items[i]
		if !slices.ContainsFunc(prefs.Brands, func(b string) bool { return strings.EqualFold(b, got.Brand) }) {
			t.Errorf("item %d is of %q, which the shopper does not follow (%v)", i, got.Brand, prefs.Brands)
		}
		price, err1 := catalog.ParseDecimal(got.Price, got.Currency)
		regular, err2 := catalog.ParseDecimal(got.RegularPrice, got.Currency)
		if err1 != nil || err2 != nil || price >= regular || got.DiscountPct <= 0 || catalog.FormatDecimal(price, got.Currency) != got.Price {
			t.Errorf("item %d is not a sale: %+v", i, got)
		}
		if !strings.HasPrefix(got.Reason, "follows "+got.Brand) {
			t.Errorf("item %d reason %q", i, got.Reason)
		}
		if products[got.ProductID] {
			t.Errorf("product %d twice", got.ProductID)
		}
		products[got.ProductID] = true
	}

	t.Logf("%d items; first: %+v", len(items), items[0])
	t.Run("table", func(t *testing.T) {
		code, out, errOut := runCmd(t, nil, "digest", "--db", loc, "--dry-run", "--user", demo.ShopperEmail)
		if code != 0 || !strings.Contains(out, "would receive") || !strings.Contains(out, items[0].Title) {
			t.Fatalf("code %d, out %q, err %q", code, out, errOut)
		}
	})
	t.Run("a preview writes nothing and equals the real digest", func(t *testing.T) {
		count := func() (n int) {
			conn, err := store.Open(ctx, loc)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if err := conn.SQL().QueryRow(`SELECT (SELECT COUNT(*) FROM digests) + (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM sent_items)`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := count()
		if code, _, errOut := runCmd(t, nil, "digest", "--db", loc, "--dry-run", "--user", demo.ShopperEmail, "--json"); code != 0 {
			t.Fatalf("dry run: %s", errOut)
		}
		if after := count(); after != before {
			t.Fatalf("a dry run wrote %d rows", after-before)
		}
		if code, _, errOut := runCmd(t, nil, "digest", "--db", loc, "--user", demo.ShopperEmail, "--json"); code != 0 {
			t.Fatalf("digest: %s", errOut)
		}
		conn, err := store.Open(ctx, loc)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		rows, err := conn.SQL().Query(`SELECT i.offer_id FROM digest_items i JOIN digests d ON d.id = i.digest_id
			WHERE d.user_id = $1 ORDER BY i.position`, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		var stored []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			stored = append(stored, id)
		}
		rows.Close()
		previewed := make([]int64, len(items))
		for i, it := range items {
			previewed[i] = it.OfferID
		}
		if !slices.Equal(stored, previewed) {
			t.Errorf("stored digest %v, previewed %v", stored, previewed)
		}
	})
	errs := []struct {
		name string
		args []string
		want string
	}{
		{"unknown user", []string{"digest", "--db", loc, "--dry-run", "--user", "nobody@example.com"}, `no user "nobody@example.com"`},
	}
	t.Run("bad period", func(t *testing.T) {
		if code, _, errOut := runCmd(t, nil, "digest", "--db", loc, "--period", "2026-13-01"); code != 2 || !strings.Contains(errOut, "--period") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
	})
	t.Run("no --user", func(t *testing.T) {
		if code, _, errOut := runCmd(t, nil, "digest", "--db", loc, "--dry-run"); code != 2 || !strings.Contains(errOut, "--user EMAIL") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
	})
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, nil, tt.args...)
			if code != 1 || !strings.Contains(errOut, tt.want) {
				t.Fatalf("code %d, stderr %q, want 1 and %q", code, errOut, tt.want)
			}
		})
	}
}

// TestDigestRunCommand makes the digests due on a small demo, twice: the second run finds the
// slot done. Then one shopper's digest for a named period, and the text summary.
func TestDigestRunCommand(t *testing.T) {
	ctx := context.Background()
	loc := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	conn, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	opts := demo.Options{Products: 120, Days: 28, Step: 7, Today: time.Now().UTC().Truncate(24 * time.Hour)}
	if _, err := demo.Load(ctx, conn, ingest.New(conn, nil), nil, io.Discard, opts); err != nil {
		t.Fatal(err)
	}
	before, err := conn.Outbox(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	counts := func(args ...string) alerts.RunCounts {
		t.Helper()
		code, out, errOut := runCmd(t, nil, append([]string{"digest", "--db", loc, "--json", "--base-url", "https://tagdrop.example"}, args...)...)
		if code != 0 {
			t.Fatalf("digest %v: code %d: %s", args, code, errOut)
		}
		var c alerts.RunCounts
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("no JSON: %v\n%s", err, out)
		}
		return c
	}
	first := counts()
	if first.Considered == 0 || first.Due != first.Considered || first.Stored == 0 || first.Items == 0 || first.Failed != 0 {
		t.Fatalf("first run %+v: the demo shopper should get a digest", first)
	}
	if again := counts(); again.Due != 0 || again.Stored != 0 || again.Considered != first.Considered {
		t.Errorf("second run %+v, want nothing due", again)
	}
	conn, err = store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	after, err := conn.Outbox(ctx, 1000)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(after)-len(before) != first.Stored {
		t.Errorf("outbox grew by %d messages, want %d", len(after)-len(before), first.Stored)
	}
	var digest *notify.Message
	for i := range after {
		if after[i].Kind == "digest" && after[i].To == demo.ShopperEmail {
			digest = &after[i]
		}
	}
	if digest == nil || !strings.Contains(digest.ListUnsubscribe, "https://tagdrop.example/") || !strings.Contains(digest.MessageID, "@tagdrop.example>") {
		t.Fatalf("the demo shopper's digest message: %+v", digest)
	}
	// Items link through signed click-outs that name the digest and the shopper.
	links := regexp.MustCompile(`https://tagdrop\.example/out/[A-Za-z0-9_-]+`).FindAllString(digest.TextBody, -1)
	if len(links) == 0 {
		t.Fatalf("no click-out links in the digest's text:\n%s", digest.TextBody)
	}
	conn, err = store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := conn.ClickSecret(ctx)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	signer, err := clicks.NewSigner(secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		tok, err := signer.Verify(strings.TrimPrefix(l, "https://tagdrop.example/out/"))
		if err != nil || tok.Source != clicks.SourceDigest || tok.UserID != digest.UserID || tok.OfferID == 0 {
			t.Errorf("click-out %s: %+v, %v", l, tok, err)
		}
	}

	one := counts("--user", demo.ShopperEmail, "--period", "2030-01-01")
	if one.Considered != 1 || one.Due != 1 || one.Stored+one.Empty != 1 {
		t.Errorf("one shopper for 2030-01-01: %+v", one)
	}
	code, out, errOut := runCmd(t, nil, "digest", "--db", loc, "--user", demo.ShopperEmail, "--period", "2030-01-01")
	if code != 0 || !strings.Contains(out, "1 shoppers considered, 0 due") {
		t.Errorf("text summary: code %d, out %q, err %q", code, out, errOut)
	}
}
