package notify

import (
	"bytes"
	"encoding/base64"
	"math/rand/v2"
	"mime/quotedprintable"
	"strings"
	"testing"
)

// stdQuotedPrintable is what mime/quotedprintable's Writer makes of s.
func stdQuotedPrintable(s string) string {
	var out bytes.Buffer
	w := quotedprintable.NewWriter(&out)
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return out.String()
}

// stdBase64Lines is s in base64 from the standard library, cut into CRLF-ended lines of 76.
func stdBase64Lines(s string) string {
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	var out strings.Builder
	for len(enc) > 0 {
		n := min(len(enc), 76)
		out.WriteString(enc[:n])
		out.WriteString("\r\n")
		enc = enc[n:]
	}
	return out.String()
}

// randomText draws from the bytes that steer a quoted-printable encoder: line breaks of every
// kind, spaces and tabs (encoded at a line's end), "=", other ASCII, UTF-8 and stray high bytes,
// in runs long enough to need soft line breaks.
func randomText(r *rand.Rand) string {
	pieces := []string{"\n", "\r\n", "\r", " ", "\t", "=", "a", "Jacquemus", "€", "·", "\xff", ".", "  ",
		strings.Repeat("x", 70), strings.Repeat("y ", 40), "\x00", "~"}
	var b strings.Builder
	for range r.IntN(60) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestQuotedPrintableMatchesStandardLibrary(t *testing.T) {
	fixed := []string{"", " ", "\t", "a ", "a \n", "a\t\r\nb", "=", strings.Repeat("z", 75), strings.Repeat("z", 76),
		strings.Repeat("z", 74) + " ", strings.Repeat("z", 73) + "=", strings.Repeat("z", 72) + "€", "\r\x80\n", "x\r\r\n\n"}
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 20000 {
		var s string
		if i < len(fixed) {
			s = fixed[i]
		} else {
			s = randomText(r)
		}
		want := stdQuotedPrintable(s)
		prefix := "Header: x\r\n\r\n"
		got := appendQuotedPrintable([]byte(prefix), s)
		if string(got[:len(prefix)]) != prefix || string(got[len(prefix):]) != want {
			t.Fatalf("quoted-printable of %q:\n got %q\nwant %q", s, got[len(prefix):], want)
		}
	}
}

func TestBase64LinesMatchStandardLibrary(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for n := range 400 {
		src := make([]byte, n)
		for i := range src {
			src[i] = byte(r.IntN(256))
		}
		got := appendBase64Lines([]byte("--\r\n"), string(src))
		if want := "--\r\n" + stdBase64Lines(string(src)); string(got) != want {
			t.Fatalf("base64 of %d bytes:\n got %q\nwant %q", n, got, want)
		}
	}
}
