package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
)

// TestUserLifecycle drives every `tagdrop user` subcommand against one SQLite file, checking
// the database after each, not just the output.
func TestUserLifecycle(t *testing.T) {
	dir := t.TempDir()
	loc := "sqlite:" + filepath.Join(dir, "t.db")
	vars := map[string]string{"TAGDROP_DB": loc}
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte("first password 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lookup := func(email string) (account.User, error) {
		t.Helper()
		db, err := store.Open(context.Background(), loc)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		return db.UserByEmail(context.Background(), email)
	}

	// --help documents every subcommand.
	code, out, _ := runCmd(t, nil, "user", "--help")
	for _, sub := range []string{"add", "list", "passwd", "role", "prefs", "verify", "export", "delete"} {
		if code != 0 || !strings.Contains(out, "tagdrop user "+sub) {
			t.Errorf("user --help lacks %q (code %d)", sub, code)
		}
	}
	for _, sub := range []string{"verify", "export"} {
		if code, out, _ := runCmd(t, nil, "user", sub, "--help"); code != 0 || !strings.Contains(out, "Usage: tagdrop user "+sub) {
			t.Errorf("user %s --help: code %d, %q", sub, code, out)
		}
	}

	if code, _, errOut := runCmd(t, vars, "user", "add", "ada@example.com", "--password-file", pw); code != 0 {
		t.Fatalf("add: %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, vars, "user", "add", "bo@example.com"); code != 0 {
		t.Fatalf("add link-only: %d %s", code, errOut)
	}
	code, out, _ = runCmd(t, vars, "user", "list")
	if code != 0 || !strings.Contains(out, "ada@example.com") || !strings.Contains(out, "bo@example.com") || !strings.Contains(out, "link only") {
		t.Fatalf("list: %d %q", code, out)
	}

	// role
	if code, _, errOut := runCmd(t, vars, "user", "role", "ada@example.com", "admin"); code != 0 {
		t.Fatalf("role: %d %s", code, errOut)
	}
	if u, _ := lookup("ada@example.com"); u.Role != account.Admin {
		t.Fatalf("role after `user role`: %s", u.Role)
	}
	if code, _, errOut := runCmd(t, vars, "user", "role", "ada@example.com", "king"); code != 1 || !strings.Contains(errOut, "king") {
		t.Fatalf("bad role: %d %q", code, errOut)
	}

	// passwd
	if err := os.WriteFile(pw, []byte("second password 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd(t, vars, "user", "passwd", "ada@example.com", "--password-file", pw); code != 0 {
		t.Fatalf("passwd: %d %s", code, errOut)
	}
	u, _ := lookup("ada@example.com")
	if ok, _ := account.CheckPassword(u.PasswordHash, "second password 2"); !ok {
		t.Fatal("passwd did not set the password")
	}

	// verify: a sign-up's unverified account becomes verified.
	db, err := store.Open(context.Background(), loc)
	if err != nil {
		t.Fatal(err)
	}
	cy, err := db.CreateUser(context.Background(), "cy@example.com", account.Shopper, "", false)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, vars, "user", "verify", "cy@example.com"); code != 0 || !strings.Contains(out, "confirmed") {
		t.Fatalf("verify: %d %q %q", code, out, errOut)
	}
	if u, _ := lookup("cy@example.com"); !u.EmailVerified {
		t.Fatal("verify did not mark the address verified")
	}
	if code, _, errOut := runCmd(t, vars, "user", "verify", "nobody@example.com"); code != 1 || !strings.Contains(errOut, "no account for nobody@example.com") {
		t.Fatalf("verify unknown: %d %q", code, errOut)
	}

	// export: JSON on stdout with this account and not the others.
	code, out, errOut := runCmd(t, vars, "user", "export", "cy@example.com")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	var exp struct {
		Format string `json:"format"`
		User   struct {
			ID          int64  `json:"id"`
			Email       string `json:"email"`
			HasPassword bool   `json:"has_password"`
		} `json:"user"`
		Preferences map[string]any `json:"preferences"`
	}
	if err := json.Unmarshal([]byte(out), &exp); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, out)
	}
	if exp.Format != store.ExportFormat || exp.User.Email != "cy@example.com" || exp.User.ID != cy.ID || exp.User.HasPassword || exp.Preferences["frequency"] != "daily" {
		t.Fatalf("export = %+v", exp)
	}
	if strings.Contains(out, "ada@example.com") {
		t.Fatal("the export holds another account's address")
	}
	if code, _, _ := runCmd(t, vars, "user", "export"); code != 2 {
		t.Fatalf("export without EMAIL: code %d, want 2", code)
	}

	// delete
	if code, _, errOut := runCmd(t, vars, "user", "delete", "bo@example.com"); code != 0 {
		t.Fatalf("delete: %d %s", code, errOut)
	}
	if _, err := lookup("bo@example.com"); err == nil {
		t.Fatal("the account still exists after delete")
	}
	if code, _, _ := runCmd(t, vars, "user", "frobnicate"); code != 2 {
		t.Fatalf("unknown subcommand: code %d, want 2", code)
	}
}
