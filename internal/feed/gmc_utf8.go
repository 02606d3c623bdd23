package feed

import (
	"bufio"
	"bytes"
	"io"
	"sync"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// utf8Fallback prepares the input of encoding/xml's reader. XML without a declared encoding,
// or declaring UTF-8, is UTF-8; yet shop software pastes windows-1252 text into such feeds
// ("Chlo\xe9"), which encoding/xml refuses ("invalid UTF-8"). Such a feed's valid UTF-8 is
// passed through and only bytes that are not UTF-8 are read as windows-1252, as delimited feeds
// are (decodeText) and declared single-byte encodings are (charsetReader). A feed declaring
// any other encoding is returned as it is, for encoding/xml's charset reader. The fast reader
// never reads through this: it hands items with bytes that are not UTF-8 to encoding/xml's
// reader, so valid feeds pay nothing.
func utf8Fallback(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(1024)
	if bytes.HasPrefix(head, []byte("<?xml")) && len(head) > 5 && isSpace(head[5]) {
		end := bytes.Index(head, []byte("?>"))
		if end < 0 || !plainDeclaration(head[5:end]) {
			return br
		}
	}
	return bufio.NewReaderSize(transform.NewReader(br, windows1252Bytes()), 64<<10)
}

// windows1252Bytes is the utf8OrBytes that falls back on windows-1252, made once: it holds no
// state, so every reader shares it.
var windows1252Bytes = sync.OnceValue(func() *utf8OrBytes {
	t, _ := newUTF8OrBytes(charmap.Windows1252)
	return t
})
