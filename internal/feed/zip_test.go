package feed

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipped builds a zip archive of the named files (name, content pairs).
func zipped(t *testing.T, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		if strings.HasSuffix(files[i], "/") {
			if _, err := zw.Create(files[i]); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, files[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testdataText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A zipped feed, as affiliate networks hand them out, reads like the feed itself: from a
// stream (a download, copied aside) and from a file (read in place); macOS's resource forks
// and directories in the archive are passed over.
func TestZippedFeed(t *testing.T) {
	cj := testdataText(t, "cj.csv")
	archive := zipped(t, "feeds/", "", "feeds/cj_products.csv", cj, "__MACOSX/feeds/._cj_products.csv", "\x00\x05\x16\x07", "feeds/.DS_Store", "x")
	items, rows, format, err := readAll(t, bytes.NewReader(archive))
	if err != nil || format != CSV || len(items) != 3 || len(rows) != 1 {
		t.Fatalf("zipped CJ from a stream: err %v, format %q, %d items, %d rows", err, format, len(items), len(rows))
	}
	path := filepath.Join(t.TempDir(), "feed.zip")
	if err := os.WriteFile(path, archive, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items2, rows2, format, err := readAll(t, f)
	if err != nil || format != CSV || len(items2) != 3 || len(rows2) != 1 {
		t.Fatalf("zipped CJ from a file: err %v, format %q, %d items, %d rows", err, format, len(items2), len(rows2))
	}
	for i := range items {
		if items[i].ID != items2[i].ID || items[i].Price != items2[i].Price {
			t.Errorf("item %d: %+v from a stream, %+v from a file", i, items[i], items2[i])
		}
	}
	plain, _, _, err := readAll(t, strings.NewReader(cj))
	if err != nil || len(plain) != len(items) || plain[0].ID != items[0].ID {
		t.Errorf("the plain feed reads %d items (%v), the zipped one %d", len(plain), err, len(items))
	}
	gmc := zipped(t, "gmc.xml", testdataText(t, "rss.xml"))
	if _, _, format, err := readAll(t, bytes.NewReader(gmc)); err != nil || format != GMCXML {
		t.Errorf("zipped Merchant XML: format %q, err %v", format, err)
	}
}

// An archive that holds no feed, several files or broken bytes is refused with a message that
// says so, naming the files.
func TestZippedFeedErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		archive []byte
		want    string
	}{
		{"empty", zipped(t, "feeds/", ""), "holds no file"},
		{"two files", zipped(t, "a.csv", "id,title\n1,x\n", "b.csv", "id,title\n2,y\n"), "holds 2 files (a.csv, b.csv)"},
		{"broken", append([]byte(zipMagic), bytes.Repeat([]byte{0xff}, 200)...), "zip-compressed but is not readable"},
	} {
		_, _, _, err := readAll(t, bytes.NewReader(c.archive))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want one saying %q", c.name, err, c.want)
		}
	}
}

// A zip archive broken inside its feed fails the read however early the damage is: the
// error sticks, so it is never taken for a feed that ended early (which a complete feed's
// import would read as every later item gone).
func TestZippedFeedBrokenInside(t *testing.T) {
	var rows strings.Builder
	rows.WriteString("id,title,price\n")
	for i := range 20000 {
		fmt.Fprintf(&rows, "SKU-%d,Mini bag number %d in a colour of its own,%d.00 EUR\n", i, i*7919%100003, 50+i%400)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "feed.csv", Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, rows.String())
	zw.Close()
	archive := buf.Bytes()
	for i := 3000; i < 3040; i++ {
		archive[i] ^= 0xa5
	}
	items, _, _, err := readAll(t, bytes.NewReader(archive))
	if err == nil {
		t.Fatalf("a broken archive read as %d items and no error", len(items))
	}
	if !strings.Contains(err.Error(), "zip archive: feed.csv") {
		t.Errorf("err %v, want one naming the archive's member", err)
	}
}
