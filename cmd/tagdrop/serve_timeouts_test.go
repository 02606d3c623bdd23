package main

import (
	"bufio"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestSlowHeadersAreCutOff is a slow-header (slowloris) client against serve's HTTP server: it
// sends a request line and one header, then nothing. The server must close the connection once
// headerTimeout has passed, answering with no page; a normal request on another connection is
// served meanwhile. The wait is bounded so a server without the timeout fails instead of hanging.
func TestSlowHeadersAreCutOff(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: this test waits 5 s for the header timeout")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }), slog.New(slog.DiscardHandler))
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: tagdrop.example\r\n"); err != nil {
		t.Fatal(err)
	}

	res, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("a normal request while a slow one waits: %s", res.Status)
	}

	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(headerTimeout + 10*time.Second))
	rest, err := io.ReadAll(bufio.NewReader(conn))
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("the slow client was still connected after %s: no header timeout", time.Since(start).Round(time.Second))
	}
	if strings.Contains(string(rest), "200 OK") {
		t.Errorf("the slow client got a page: %q", rest)
	}
}
