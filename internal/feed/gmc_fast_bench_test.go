package feed_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// BenchmarkGMC reads a generated Google Merchant feed of 50,000 items (demo.WriteBigFeed, ~1 KB
// an item) with the encoding/xml reader, the fast reader scanning every item on the caller's
// goroutine, and the fast reader as Open makes it (scanning chunks of items on every core).
func BenchmarkGMC(b *testing.B) {
	const items = 50_000
	var buf bytes.Buffer
	if _, err := demo.WriteBigFeed(&buf, demo.DefaultSeed, items); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, reader := range []string{"encoding-xml", "fast", "fast-parallel"} {
		b.Run(reader, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				slow, fast, fellBack := feed.NewGMCXMLReaders(bytes.NewReader(data), bytes.NewReader(data))
				r := slow
				switch reader {
				case "fast":
					r = fast
				case "fast-parallel":
					r, fellBack = feed.NewGMCFastParallelReader(bytes.NewReader(data), false)
				}
				n := 0
				for {
					_, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != items || reader != "encoding-xml" && fellBack() {
					b.Fatalf("%d items, want %d; handed to encoding/xml: %v", n, items, fellBack())
				}
			}
			b.ReportMetric(float64(items*b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}
