package e2e_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// built is the tagdrop binary, built once per test run (see tagdropBinary).
var built struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// tagdropBinary builds the real tagdrop (CGO_ENABLED=0, as released) once for all tests and
// returns its path. The binary lives in a temporary folder removed by TestMain.
func tagdropBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "tagdrop-e2e-")
		if err != nil {
			built.err = err
			return
		}
		binDir = dir
		built.path = filepath.Join(dir, "tagdrop")
		build := exec.Command("go", "build", "-o", built.path, "github.com/tagdrop/tagdrop/cmd/tagdrop")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		built.out, built.err = build.CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.path
}

// binDir is the folder tagdropBinary built into, removed when the tests end.
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// database is one fresh, empty tagdrop database for a test, by its --db value.
type database struct {
	name string // "sqlite" or "postgres"
	url  string
}

// eachDatabase runs fn as a subtest with a fresh SQLite file and, when TAGDROP_TEST_POSTGRES
// names a server, a fresh PostgreSQL database (skipped with a message otherwise). fresh makes
// another empty database of the same kind.
func eachDatabase(t *testing.T, fn func(t *testing.T, fresh func() database)) {
	t.Run("sqlite", func(t *testing.T) {
		fn(t, func() database {
			return database{"sqlite", "sqlite:" + filepath.Join(t.TempDir(), "tagdrop.db")}
		})
	})
	t.Run("postgres", func(t *testing.T) {
		if os.Getenv(storetest.PostgresEnv) == "" {
			t.Skipf("PostgreSQL half skipped: set %s to a server URL, e.g. %s=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable",
				storetest.PostgresEnv, storetest.PostgresEnv)
		}
		fn(t, func() database { return database{"postgres", storetest.PostgresURL(t)} })
	})
}

// writeBigFeed writes a complete Merchant Center feed of items items for demo.BigFeedRetailer.
func writeBigFeed(t *testing.T, seed uint64, items int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "atelier-row.xml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if _, err := demo.WriteBigFeed(w, seed, items); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// tagdrop runs the binary to completion and returns its stdout; a non-zero exit fails the test
// unless allowFail.
func tagdrop(t *testing.T, allowFail bool, args ...string) (stdout []byte, err error) {
	t.Helper()
	cmd := exec.Command(tagdropBinary(t), args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	if err != nil && !allowFail {
		t.Fatalf("tagdrop %v: %v\nstdout:\n%s\nstderr:\n%s", args, err, out.String(), errOut.String())
	}
	return out.Bytes(), err
}

// importReport is the part of `tagdrop import --json` the tests read.
type importReport struct {
	Read      int `json:"read"`
	New       int `json:"new"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
	Rejected  int `json:"rejected"`
	Gone      int `json:"gone"`
}

// importArgs imports the big feed as its retailer's complete catalogue.
func importArgs(db database, feed string) []string {
	return []string{"import", "--db", db.url, "--retailer", demo.BigFeedRetailer, "--format", "gmc-xml", "--full", "--json", feed}
}

// importFeed runs a whole import and returns its report.
func importFeed(t *testing.T, db database, feed string) importReport {
	t.Helper()
	out, _ := tagdrop(t, false, importArgs(db, feed)...)
	var r importReport
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("import --json printed %q: %v", out, err)
	}
	return r
}

// checkDB runs `tagdrop check --json` and fails the test if an invariant is broken.
func checkDB(t *testing.T, db database, when string) store.IntegrityReport {
	t.Helper()
	out, err := tagdrop(t, true, "check", "--json", "--db", db.url)
	var r store.IntegrityReport
	if jerr := json.Unmarshal(out, &r); jerr != nil {
		t.Fatalf("%s: tagdrop check --json printed %q (%v): %v", when, out, err, jerr)
	}
	if err != nil || !r.OK() {
		t.Fatalf("%s: integrity check failed (%v): %v", when, err, r.Err())
	}
	return r
}
