// Package e2e holds end-to-end tests that build the real tagdrop binary, run it as a user would
// (`tagdrop serve --demo` on a free port with a temporary database) and drive it with headless
// Chromium through internal/web/browsertest. They need the Go toolchain and /usr/bin/chromium;
// without Chromium they skip, and `go test -short` skips them too.
package e2e
