// Package sampledata locates the real third-party sample data (feeds, product pages, price
// strings, a taxonomy) that tests read at run time from ../shared/data beside the repository.
// That data is never copied into the project; tests that need it skip, naming the folder, when
// it is absent.
package sampledata

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the absolute path of rel inside the shared sample data, or skips the test with a
// message naming where it looked.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(root, "..", "shared", "data", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("sample data not found at %s (the shared data folder beside the repository): skipped", p)
	}
	return p
}

// repoRoot walks up from the working directory (a test's package folder) to the folder with go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
