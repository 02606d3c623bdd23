package feed_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/sampledata"
)

// gmcResult is everything a reader gives for one input.
type gmcResult struct {
	Items []feed.Item
	Rows  []feed.RowError
	End   string // the error that ended the feed ("EOF" for a clean end)
}

func readGMC(t testing.TB, r feed.Reader, size int) gmcResult {
	var res gmcResult
	for steps := 0; ; steps++ {
		if steps > size+10 {
			t.Fatalf("still reading after %d steps of a %d-byte input", steps, size)
		}
		it, err := r.Next()
		var row *feed.RowError
		switch {
		case errors.As(err, &row):
			res.Rows = append(res.Rows, *row)
			res.Items = append(res.Items, it)
		case err != nil:
			res.End = err.Error()
			if _, again := r.Next(); again == nil || again.Error() != err.Error() {
				t.Fatalf("Next after %v gave %v", err, again)
			}
			return res
		default:
			res.Items = append(res.Items, it)
		}
	}
}

// compareGMC reads data with encoding/xml, the serial fast reader and the parallel one (tiny
// chunks from the first item, and the production settings), fails on any difference, and
// reports whether the fast reader handed over to encoding/xml.
func compareGMC(t testing.TB, data []byte) bool {
	slow, fast, fellBack := feed.NewGMCXMLReaders(bytes.NewReader(data), bytes.NewReader(data))
	want := readGMC(t, slow, len(data))
	checkGMC(t, "fast", readGMC(t, fast, len(data)), want)
	for _, tiny := range []bool{true, false} {
		par, parFellBack := feed.NewGMCFastParallelReader(bytes.NewReader(data), tiny)
		checkGMC(t, fmt.Sprintf("fast parallel (tiny chunks %v)", tiny), readGMC(t, par, len(data)), want)
		if parFellBack() != fellBack() {
			t.Fatalf("fast parallel (tiny chunks %v) handed to encoding/xml: %v, serial: %v", tiny, parFellBack(), fellBack())
		}
	}
	return fellBack()
}

// checkGMC fails, saying where, when the named reader's result differs from encoding/xml's.
func checkGMC(t testing.TB, name string, got, want gmcResult) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	if got.End != want.End {
		t.Fatalf("end: %s %q, encoding/xml %q", name, got.End, want.End)
	}
	if len(got.Items) != len(want.Items) {
		t.Fatalf("%s gave %d items, encoding/xml %d", name, len(got.Items), len(want.Items))
	}
	for i := range got.Items {
		if !reflect.DeepEqual(got.Items[i], want.Items[i]) {
			t.Fatalf("item %d differs:\n%s  %+v\nencoding/xml  %+v", i, name, got.Items[i], want.Items[i])
		}
	}
	t.Fatalf("row errors differ:\n%s  %+v\nencoding/xml  %+v", name, got.Rows, want.Rows)
}

func TestGMCFastMatchesEncodingXML(t *testing.T) {
	type input struct {
		name string
		data []byte
		fast bool // the whole input must be read without encoding/xml
	}
	var inputs []input

	fixtures, err := filepath.Glob(filepath.Join("testdata", "*.xml"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no XML fixtures: %v", err)
	}
	for _, p := range fixtures {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		plain := filepath.Base(p) == "rss.xml" || filepath.Base(p) == "atom.xml"
		inputs = append(inputs, input{name: p, data: b, fast: plain})
	}

	var big bytes.Buffer
	if _, err := demo.WriteBigFeed(&big, demo.DefaultSeed, 2000); err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, input{name: "WriteBigFeed", data: big.Bytes(), fast: true})
	crlf := bytes.ReplaceAll(big.Bytes(), []byte("\n"), []byte("\r\n"))
	inputs = append(inputs, input{name: "WriteBigFeed CRLF", data: crlf[:len(crlf)*2/3], fast: false})

	dir := t.TempDir()
	m, err := demo.WriteFeeds(dir, demo.Generate(demo.Options{Seed: demo.DefaultSeed, Products: 80, Days: 10, Step: 5}))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range m.Snapshots {
		for _, f := range s.Files {
			b, err := os.ReadFile(filepath.Join(dir, f.Path))
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, input{name: f.Path, data: b, fast: true})
		}
	}

	for _, tt := range inputs {
		t.Run(tt.name, func(t *testing.T) {
			fellBack := compareGMC(t, tt.data)
			if tt.fast && fellBack {
				t.Errorf("the fast reader handed a plain feed to encoding/xml")
			}
			// Every prefix ends somewhere odd: mid-tag, mid-entity, mid-item.
			for _, cut := range []int{len(tt.data) / 3, len(tt.data) / 2, len(tt.data) - 20} {
				if cut > 0 {
					compareGMC(t, tt.data[:cut])
				}
			}
		})
	}
}

func TestGMCFastMatchesRealSamples(t *testing.T) {
	root := sampledata.Path(t, "feeds")
	var files []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no XML samples under %s: %v", root, err)
	}
	for _, p := range files {
		t.Run(filepath.Base(p), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if compareGMC(t, b) {
				t.Logf("%s: handed to encoding/xml", p)
			}
		})
	}
}

func TestGMCFastOddInputs(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>` + "\n"
	const item = "<item>\n<g:id>A1</g:id>\n<g:title>Dress</g:title>\n<g:price>10.00 EUR</g:price>\n</item>\n"
	tests := []struct {
		name, body string
		fast       bool
	}{
		{"plain", item + item, true},
		{"entities", "<item><g:id>A&amp;1&#233;&#xE9;&eacute;&nbsp;</g:id><title>T &lt;b&gt; &quot;x&apos;</title><g:price>1 EUR</g:price></item>", true},
		{"cdata and nested shipping", "<item><g:id>A</g:id><g:title><![CDATA[ <T> ]]></g:title><g:price>1 EUR</g:price><g:shipping><g:price>2 EUR</g:price></g:shipping></item>", true},
		{"g title wins", "<item><title>plain</title><g:title>g</g:title><g:id>A</g:id><g:price>1 EUR</g:price></item>", true},
		{"atom link href", "<item><g:id>A</g:id><title>T</title><link rel=\"x\" href=\" https://x/?a=1&amp;b=2 \"/><g:price>1 EUR</g:price></item>", true},
		{"missing price", "<item><g:id>A</g:id><title>T</title></item>" + item, true},
		{"comment in item", "<item><!-- c --><g:id>A</g:id><title>T</title><g:price>1 EUR</g:price></item>" + item, false},
		{"attribute on field", item + "<item><g:id x=\"1\">A</g:id><title>T</title><g:price>1 EUR</g:price></item>", false},
		{"unknown entity", item + "<item><g:id>A&bogus;</g:id><title>T</title><g:price>1 EUR</g:price></item>" + item, false},
		{"bad nesting", item + "<item><g:id>A</g:title><title>T</title><g:price>1 EUR</g:price></item>" + item, false},
		{"control character", item + "<item><g:id>A\x01</g:id></item>", false},
		{"namespace on channel child", "<x xmlns:g=\"urn:other\">" + item + "</x>" + item, false},
		{"prefixed item", "<a:item><g:id>A</g:id><title>T</title><g:price>1 EUR</g:price></a:item>", false},
		{"truncated", item + "<item><g:id>A</g:id>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := head + tt.body + "</channel></rss>\n"
			if tt.name == "truncated" {
				doc = head + tt.body
			}
			if fellBack := compareGMC(t, []byte(doc)); fellBack == tt.fast {
				t.Errorf("handed to encoding/xml: %v, want %v", fellBack, !tt.fast)
			}
		})
	}
}

func FuzzGMCXMLFast(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	for _, p := range fixtures {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>1</g:id><title>a&amp;b</title><g:price>1 EUR</g:price></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0"><entry><g:id>1</g:id><title>t</title><link href="u"/><g:price>1 EUR</g:price></entry></feed>`))
	// Several items around ones the workers cannot scan, so that mutations land in later chunks.
	f.Add([]byte(parFeed(4, "<item><g:description><![CDATA[</item>]]></g:description><g:id>X</g:id></item>\n<item><!-- c --></item>", 3)))
	f.Fuzz(func(t *testing.T, data []byte) {
		compareGMC(t, data)
	})
}

// failingReader gives data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestGMCFastReadError(t *testing.T) {
	var big bytes.Buffer
	if _, err := demo.WriteBigFeed(&big, demo.DefaultSeed, 300); err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{big.Len() / 2, big.Len() - 5, big.Len()} {
		data := big.Bytes()[:cut]
		broken := errors.New("connection reset")
		slow, fast, _ := feed.NewGMCXMLReaders(&failingReader{data: data, err: broken}, &failingReader{data: data, err: broken})
		tiny, _ := feed.NewGMCFastParallelReader(&failingReader{data: data, err: broken}, true)
		par, _ := feed.NewGMCFastParallelReader(&failingReader{data: data, err: broken}, false)
		want := readGMC(t, slow, cut)
		for name, r := range map[string]feed.Reader{"fast": fast, "fast parallel (tiny chunks)": tiny, "fast parallel": par} {
			got := readGMC(t, r, cut)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("cut at %d: %s ends %q after %d items, encoding/xml %q after %d", cut, name, got.End, len(got.Items), want.End, len(want.Items))
			}
			if !strings.Contains(got.End, "connection reset") {
				t.Fatalf("cut at %d: %s lost the read error: %q", cut, name, got.End)
			}
		}
	}
}
