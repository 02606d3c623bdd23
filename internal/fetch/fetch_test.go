package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestConditionalGet(t *testing.T) {
	const etag, modified = `W/"feed-v1"`, "Tue, 03 Mar 2026 10:00:00 GMT"
	var got seen
	srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.add(r.Header.Get("If-None-Match") + "|" + r.Header.Get("If-Modified-Since"))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified) // no validators repeated: the client keeps the caller's
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, "<rss/>")
	}))
	c := newTestClient(t, Config{Allow: loopbackOnly}, nil)
	resp, body, err := c.Fetch(context.Background(), srv.URL+"/feed.xml", Conditional{})
	if err != nil || string(body) != "<rss/>" || resp.NotModified || resp.Status != 200 ||
		resp.ETag != etag || resp.LastModified != modified || resp.ContentType != "application/rss+xml" {
		t.Fatalf("first fetch: %+v %q %v", resp, body, err)
	}
	resp, body, err = c.Fetch(context.Background(), srv.URL+"/feed.xml", resp.Validators())
	if err != nil || !resp.NotModified || resp.Status != http.StatusNotModified || body != nil {
		t.Fatalf("second fetch: %+v %q %v, want 304 Not Modified", resp, body, err)
	}
	if resp.Validators() != (Conditional{ETag: etag, LastModified: modified}) {
		t.Fatalf("validators after 304: %+v", resp.Validators())
	}
	if want := "|," + etag + "|" + modified; got.String() != want {
		t.Fatalf("server saw conditional headers %q, want %q", got.String(), want)
	}
}

func TestContentEncodings(t *testing.T) {
	payload := bytes.Repeat([]byte("<item><g:id>A-1</g:id></item>\n"), 500)
	compress := func(enc string) []byte {
		var b bytes.Buffer
		var w io.WriteCloser
		switch enc {
		case "gzip":
			w = gzip.NewWriter(&b)
		case "zlib":
			w = zlib.NewWriter(&b)
		case "flate":
			w, _ = flate.NewWriter(&b, flate.DefaultCompression)
		default:
			return payload
		}
		w.Write(payload)
		w.Close()
		return b.Bytes()
	}
	tests := []struct {
		name, header, codec string
		wantErr             error
	}{
		{"identity", "", "none", nil},
		{"gzip", "gzip", "gzip", nil},
		{"x-gzip", "x-gzip", "gzip", nil},
		{"deflate as zlib", "deflate", "zlib", nil},
		{"deflate raw", "deflate", "flate", nil},
		{"identity named", "identity", "none", nil},
		{"brotli not asked for", "br", "none", ErrEncoding},
		{"gzip header on plain body", "gzip", "none", ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var accept seen
			srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				accept.add(r.Header.Get("Accept-Encoding"))
				if tt.header != "" {
					w.Header().Set("Content-Encoding", tt.header)
				}
				w.Write(compress(tt.codec))
			}))
			c := newTestClient(t, Config{Allow: loopbackOnly}, nil)
			_, body, err := c.Fetch(context.Background(), srv.URL+"/f", Conditional{})
			if accept.String() != acceptEncoding {
				t.Fatalf("Accept-Encoding %q, want %q", accept.String(), acceptEncoding)
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), srv.URL+"/f") {
					t.Fatalf("Fetch = %v, want %v naming the URL", err, tt.wantErr)
				}
				return
			}
			if err != nil || !bytes.Equal(body, payload) {
				t.Fatalf("Fetch = %d bytes, %v; want the %d-byte payload", len(body), err, len(payload))
			}
		})
	}
}

// A gzip stream cut short or corrupted mid-body is reported as a broken encoding of that URL.
func TestBrokenGzipBody(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(bytes.Repeat([]byte("abcdefgh"), 10000))
	zw.Close()
	broken := b.Bytes()
	broken[len(broken)-6] ^= 0xff // the CRC-32 in the trailer
	srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(broken)
	}))
	c := newTestClient(t, Config{Allow: loopbackOnly}, nil)
	_, _, err := c.Fetch(context.Background(), srv.URL+"/f.xml", Conditional{})
	if !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), srv.URL+"/f.xml") {
		t.Fatalf("Fetch = %v, want ErrEncoding naming the URL", err)
	}
}

func TestStatusErrorAndUserAgent(t *testing.T) {
	var ua seen
	srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.add(r.Header.Get("User-Agent"))
		http.Error(w, "gone", http.StatusGone)
	}))
	c := newTestClient(t, Config{Allow: loopbackOnly, UserAgent: "tagdrop/1.2.3 (+https://example.org/tagdrop)"}, nil)
	_, err := c.Get(context.Background(), srv.URL+"/old.xml", Conditional{})
	var se *StatusError
	if !errors.As(err, &se) || se.Status != http.StatusGone || se.URL != srv.URL+"/old.xml" {
		t.Fatalf("Get = %v, want a *StatusError 410 naming the URL", err)
	}
	if ua.String() != "tagdrop/1.2.3 (+https://example.org/tagdrop)" {
		t.Fatalf("User-Agent %q", ua.String())
	}
}
