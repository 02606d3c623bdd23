// Package e2e holds end-to-end tests that build the real tagdrop binary, run it as a user would
// (`tagdrop serve --demo` on a free port with a temporary database) and drive it with headless
// Chromium through internal/web/browsertest. They need the Go toolchain and /usr/bin/chromium;
// without Chromium they skip, and `go test -short` skips them too. The crash and load tests also
// run on PostgreSQL when TAGDROP_TEST_POSTGRES names a server; the cluster proof
// (cluster_test.go) runs a PostgreSQL instance of its own and skips without its server programs.
package e2e
