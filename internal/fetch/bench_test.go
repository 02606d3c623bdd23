package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkFetchGzip measures a 4 MiB feed served gzip-encoded from loopback through the guarded
// client (policy check, idle watchdog, two size limits, our own decoding) beside a plain
// net/http client that decodes gzip itself: the cost of the guards.
func BenchmarkFetchGzip(b *testing.B) {
	payload := bytes.Repeat([]byte("<item><g:id>SKU-000123-M</g:id><g:price>129.00 EUR</g:price></item>\n"), 4<<20/70)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(payload)
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz.Bytes())
	}))
	defer srv.Close()

	b.Run("guarded", func(b *testing.B) {
		c := New(Config{Allow: loopbackOnly})
		b.SetBytes(int64(len(payload)))
		for b.Loop() {
			_, body, err := c.Fetch(context.Background(), srv.URL, Conditional{})
			if err != nil || len(body) != len(payload) {
				b.Fatal(len(body), err)
			}
		}
	})
	b.Run("plain-net-http", func(b *testing.B) {
		c := &http.Client{}
		b.SetBytes(int64(len(payload)))
		for b.Loop() {
			resp, err := c.Get(srv.URL)
			if err != nil {
				b.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || len(body) != len(payload) {
				b.Fatal(len(body), err)
			}
		}
	})
}
