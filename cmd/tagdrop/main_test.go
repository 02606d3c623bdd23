package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
)

// runCmd runs one tagdrop command line in-process with the given environment variables.
func runCmd(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &environment{stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}
	code = run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func TestHelpAndUnknownCommand(t *testing.T) {
	for _, name := range []string{"serve", "import", "extract", "search", "digest", "gen", "bench", "migrate", "user", "feed"} {
		t.Run(name, func(t *testing.T) {
			code, out, _ := runCmd(t, nil, name, "--help")
			if code != 0 || strings.Count(out, "Usage: tagdrop "+name) != 1 {
				t.Fatalf("%s --help: code %d, output %q", name, code, out)
			}
		})
	}
	// A --help after a positional argument prints the usage once too.
	for _, args := range [][]string{{"feed", "add", "x.xml", "--help"}, {"brand", "merge", "A", "--help"}, {"backup", "x.db", "--help"}} {
		code, out, _ := runCmd(t, nil, args...)
		if want := "Usage: tagdrop " + args[0]; code != 0 || strings.Count(out, want) != 1 {
			t.Errorf("%v: code %d, %d times %q in %q", args, code, strings.Count(out, want), want, out)
		}
	}
	code, _, errOut := runCmd(t, nil, "frobnicate")
	if code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Fatalf("unknown command: code %d, stderr %q", code, errOut)
	}
}

func TestUserCommandsAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "t.db")
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte("correct horse battery\r\n# rotated 2026-11-01\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// The database comes from TAGDROP_DB, not a flag.
	vars := map[string]string{"TAGDROP_DB": db}
	if code, out, errOut := runCmd(t, vars, "user", "add", "Ada@Example.com", "--role", "editor", "--password-file", pw); code != 0 || !strings.Contains(out, "added ada@example.com (editor") {
		t.Fatalf("user add: code %d, out %q, err %q", code, out, errOut)
	}
	// Only the file's first line is the password.
	conn, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	u, err := conn.UserByEmail(context.Background(), "ada@example.com")
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := account.CheckPassword(u.PasswordHash, "correct horse battery"); !ok {
		t.Fatal("the password is not the password file's first line")
	}
	if code, _, errOut := runCmd(t, vars, "user", "add", "ada@example.com"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("duplicate user add: code %d, err %q", code, errOut)
	}
	code, out, _ := runCmd(t, vars, "user", "list")
	if code != 0 || !strings.Contains(out, "ada@example.com") || !strings.Contains(out, "editor") || !strings.Contains(out, "set") {
		t.Fatalf("user list: code %d, out %q", code, out)
	}
	// A flag wins over the environment: another database has no users.
	code, out, _ = runCmd(t, vars, "user", "list", "--db", "sqlite:"+filepath.Join(dir, "other.db"))
	if code != 0 || strings.Contains(out, "ada@example.com") {
		t.Fatalf("--db did not override TAGDROP_DB: %q", out)
	}
	if code, out, errOut := runCmd(t, vars, "user", "prefs", "ada@example.com", "--size", "shoes=EU:38", "--size", "tops=letter:s",
		"--max-price", "450", "--min-discount", "30", "--frequency", "weekly"); code != 0 ||
		!strings.Contains(out, "shoes=EU:38, tops=letter:S") || !strings.Contains(out, "€450.00") || !strings.Contains(out, "weekly") {
		t.Fatalf("user prefs: code %d, out %q, err %q", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, vars, "user", "prefs", "ada@example.com", "--brand", "Nonexistent Label"); code != 1 || !strings.Contains(errOut, "Nonexistent Label") {
		t.Fatalf("unknown brand: code %d, err %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, vars, "user", "prefs", "ada@example.com", "--size", "hats=EU:3"); code != 1 || !strings.Contains(errOut, "hats") {
		t.Fatalf("bad size kind: code %d, err %q", code, errOut)
	}
	if code, out, _ := runCmd(t, vars, "user", "role", "ada@example.com", "admin"); code != 0 || !strings.Contains(out, "now admin") {
		t.Fatalf("user role: code %d, out %q", code, out)
	}
	if code, _, errOut := runCmd(t, vars, "user", "role", "ada@example.com", "emperor"); code != 1 || !strings.Contains(errOut, "emperor") {
		t.Fatalf("bad role: code %d, err %q", code, errOut)
	}
	if code, out, _ := runCmd(t, vars, "user", "passwd", "ada@example.com", "--password-file", pw); code != 0 || !strings.Contains(out, "password changed") {
		t.Fatalf("user passwd: code %d, out %q", code, out)
	}
	if code, out, _ := runCmd(t, vars, "user", "delete", "ada@example.com"); code != 0 || !strings.Contains(out, "deleted") {
		t.Fatalf("user delete: code %d, out %q", code, out)
	}
	if code, _, errOut := runCmd(t, vars, "user", "delete", "ada@example.com"); code != 1 || !strings.Contains(errOut, "no account") {
		t.Fatalf("second delete: code %d, err %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, vars, "user", "add", "not-an-address"); code != 1 || !strings.Contains(errOut, "not valid") {
		t.Fatalf("bad address: code %d, err %q", code, errOut)
	}
}

func TestBadInputIsOneClearLine(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	os.WriteFile(corrupt, bytes.Repeat([]byte("garbage!"), 1000), 0o644)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	tests := []struct {
		name string
		vars map[string]string
		args []string
		code int
		want string
	}{
		{"bad db url", nil, []string{"migrate", "--db", "mysql://x"}, 1, "not understood"},
		{"corrupt sqlite", nil, []string{"migrate", "--db", "sqlite:" + corrupt}, 1, "not a SQLite database"},
		{"unreachable postgres", nil, []string{"migrate", "--db", "postgres://postgres@127.0.0.1:1/x?connect_timeout=2"}, 1, "unreachable"},
		{"port in use", nil, []string{"serve", "--addr", ln.Addr().String(), "--db", "sqlite:" + filepath.Join(dir, "s.db")}, 1, "already in use"},
		{"bad role", nil, []string{"serve", "--role", "chef"}, 2, "--role"},
		{"bad env value", map[string]string{"TAGDROP_DEMO": "perhaps"}, []string{"serve"}, 2, "TAGDROP_DEMO"},
		{"stray argument", nil, []string{"migrate", "extra"}, 2, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, tt.vars, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Fatalf("code %d (want %d), stderr %q (want %q)", code, tt.code, errOut, tt.want)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") > 0 || strings.Contains(errOut, "goroutine") {
				t.Fatalf("error output is not one line: %q", errOut)
			}
		})
	}
}

func TestMigrateReportsVersion(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "m.db")
	code, out, errOut := runCmd(t, nil, "migrate", "--db", db)
	var at, known int
	_, err := fmt.Sscanf(out[max(strings.Index(out, "schema version"), 0):], "schema version %d (this tagdrop knows up to %d)", &at, &known)
	if code != 0 || err != nil || at < 1 || at != known {
		t.Fatalf("migrate: code %d, out %q, err %q", code, out, errOut)
	}
}
