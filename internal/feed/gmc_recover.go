package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
)

// recovery lets gmcReader skip one item that is not well-formed XML (a bare "&" in a title,
// a Latin-1 byte in a UTF-8 feed, a mistyped end tag) instead of ending the feed there: the item
// becomes a row error and a new decoder starts after its end tag, primed with the open elements.
// Skipping is only safe when the item's extent is certain, so it is refused (and the feed ends
// as before) when the decoder reads through a charset transcoder, when an open element or the
// item has a prefix the primer could not repeat, or when another item starts before the end tag;
// when a comment, CDATA section, directive or processing instruction comes before the end tag
// found (it may hide it); when the decoder had read more than maxSkipTail bytes past the end
// tag, or the bytes read again after skips would outgrow those read from the source (reading
// would turn quadratic); and after a document type declaration, whose entities a feed may use
// everywhere (and which tagdrop never expands: such a feed ends at the first use, as it always
// has).
type recovery struct {
	src        *rawSource
	transcoded bool       // a declared encoding put a transcoder between src and the decoder
	doctype    bool       // the document has a <!DOCTYPE …> (or another directive)
	stack      []openElem // the open elements outside items, root first
	defaultNS  string     // the default namespace in effect at the top of stack
	skipped    int        // broken items skipped so far
	reread     int64      // bytes handed to a new decoder again after skips, so far
	// rereadSpent is set when a skip would have read again more bytes than the source had
	// handed out so far: the feed is abandoned rather than read in quadratic time.
	rereadSpent bool
}

// openElem is an element outside items, as a primer for a new decoder writes it again.
type openElem struct {
	tag       string // "<name xmlns…>"
	repeat    bool   // the tag can be written again as it was (no prefix on its name)
	defaultNS string // the default namespace in effect inside it
}

// maxSkip bounds how far a broken item's end tag is looked for.
const maxSkip = 4 << 20

// maxSkipTail bounds the bytes after a broken item's end tag that the decoder had already read
// (an unclosed CDATA section or comment reads on to the end of the feed): they are read again
// after a skip, so more of them refuse it.
const maxSkipTail = 64 << 10

// maxBrokenItems is how many broken items are skipped before the feed is abandoned: a feed
// that broken is not worth reading on, and each skip rereads up to maxSkip bytes.
const maxBrokenItems = 1000

// push records an element opened outside items.
func (r *gmcReader) push(se xml.StartElement) {
	ns := r.defaultNS
	repeat := true
	var tag strings.Builder
	tag.WriteString("<" + se.Name.Local)
	for _, a := range se.Attr {
		decl := a.Name.Space == "" && a.Name.Local == "xmlns" || a.Name.Space == "xmlns"
		if !decl {
			continue
		}
		if strings.ContainsAny(a.Value, "\"&<\n\r\t") {
			repeat = false // not safe to write again as it is
		}
		if a.Name.Space == "" {
			ns = a.Value
			tag.WriteString(` xmlns="` + a.Value + `"`)
		} else {
			tag.WriteString(` xmlns:` + a.Name.Local + `="` + a.Value + `"`)
		}
	}
	tag.WriteByte('>')
	repeat = repeat && se.Name.Space == ns
	r.stack = append(r.stack, openElem{tag: tag.String(), repeat: repeat, defaultNS: ns})
	r.defaultNS = ns
}

// pop records the end of an element outside items.
func (r *gmcReader) pop() {
	if n := len(r.stack); n > 0 {
		r.stack = r.stack[:n-1]
	}
	r.defaultNS = ""
	if n := len(r.stack); n > 0 {
		r.defaultNS = r.stack[n-1].defaultNS
	}
}

// startItem starts recording the item's bytes and reports whether its start tag was a plain
// <item> or <entry> (no prefix, no namespace declarations), whose end tag skipBroken can find.
func (r *gmcReader) startItem(se xml.StartElement) bool {
	r.src.rec, r.src.recording, r.src.overflow = r.src.rec[:0], true, false
	for _, a := range se.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			return false
		}
	}
	return se.Name.Space == r.defaultNS
}

// skipBroken turns an item that broke the decoder into a row error and restarts reading after
// its end tag, or returns nil when it cannot (err is then the feed's end). After maxBrokenItems
// skips it returns nil with r.skipped at maxBrokenItems, and when the re-read budget is spent
// with r.rereadSpent set, which Next reports as the feed's end.
func (r *gmcReader) skipBroken(plain bool, name string, line int, id string, err error) *RowError {
	var se *xml.SyntaxError
	if !errors.As(err, &se) || !plain || r.transcoded || r.doctype || len(r.stack) == 0 || r.skipped >= maxBrokenItems {
		return nil
	}
	var primer strings.Builder
	for _, e := range r.stack {
		if !e.repeat {
			return nil
		}
		primer.WriteString(e.tag)
	}
	end, ok := r.src.findEnd(name)
	if !ok {
		return nil
	}
	tail := r.src.rec[end:]
	if len(tail) > maxSkipTail {
		return nil
	}
	if r.reread+int64(len(tail)) > r.src.read {
		r.rereadSpent = true
		return nil
	}
	r.reread += int64(len(tail))
	r.skipped++
	// The bytes after the end tag are read again, by the new decoder, before the rest of the
	// source: one reader whatever the number of skips.
	resume := r.src.lines - bytes.Count(tail, []byte{'\n'}) // line breaks before the resume point
	r.lineBase += resume
	pending := make([]byte, 0, len(tail)+len(r.src.pending))
	r.src.pending = append(append(pending, tail...), r.src.pending...)
	r.src.primer = []byte(primer.String())
	r.src.lines, r.src.rec = 0, r.src.rec[:0]
	r.stack, r.defaultNS = nil, ""
	r.dec = r.newDecoder()
	return &RowError{Line: line, Item: id,
		Reason: fmt.Sprintf("XML syntax error on line %d: %s; the item is skipped", se.Line+r.lineBase-resume, se.Msg)}
}

// rawSource hands the decoder its input one byte at a time (it is an io.ByteReader, so the
// decoder buffers nothing of its own), counting line breaks and, while an item is read,
// recording the bytes. A primer, written first, is neither counted nor recorded; pending bytes,
// read next (what followed a skipped item's end tag), are counted and recorded as r's are.
type rawSource struct {
	r         *bufio.Reader
	primer    []byte
	pending   []byte
	lines     int    // line breaks handed out
	read      int64  // bytes read from r (not the primer's or pending ones)
	rec       []byte // the bytes handed out since recording started, up to maxSkip
	recording bool
	overflow  bool // recording went past maxSkip
}

// ReadByte hands out the next byte.
func (s *rawSource) ReadByte() (byte, error) {
	if len(s.primer) > 0 {
		b := s.primer[0]
		s.primer = s.primer[1:]
		return b, nil
	}
	if len(s.pending) > 0 {
		b := s.pending[0]
		s.pending = s.pending[1:]
		s.account(b)
		return b, nil
	}
	b, err := s.r.ReadByte()
	if err == nil {
		s.read++
		s.account(b)
	}
	return b, err
}

// Read hands out bytes (a charset transcoder reads this way).
func (s *rawSource) Read(p []byte) (int, error) {
	if len(s.primer) > 0 {
		n := copy(p, s.primer)
		s.primer = s.primer[n:]
		return n, nil
	}
	if len(s.pending) > 0 {
		n := copy(p, s.pending)
		s.pending = s.pending[n:]
		for _, b := range p[:n] {
			s.account(b)
		}
		return n, nil
	}
	n, err := s.r.Read(p)
	s.read += int64(n)
	for _, b := range p[:n] {
		s.account(b)
	}
	return n, err
}

// account counts and records one byte handed out.
func (s *rawSource) account(b byte) {
	if b == '\n' {
		s.lines++
	}
	if s.recording {
		if len(s.rec) < maxSkip {
			s.rec = append(s.rec, b)
		} else {
			s.overflow = true
		}
	}
}

// stopRecording ends an item's recording; the bytes stay until the next item.
func (s *rawSource) stopRecording() { s.recording = false }

// findEnd reads on, recording, until the item's end tag </name> is in the recording, and
// returns the offset just after it. It fails when another <name> start tag, a comment, CDATA
// section, directive or processing instruction comes first (the item's own end tag is missing,
// mistyped or maybe hidden), when the input ends, or after maxSkip bytes. It reads no byte past
// the end tag: what it reads is read again after a skip only when the decoder had read it.
func (s *rawSource) findEnd(name string) (int, bool) {
	if s.overflow {
		return 0, false
	}
	if end, ok, done := itemEnd(s.rec, name); done {
		return end, ok
	}
	s.recording = true
	defer s.stopRecording()
	for len(s.rec) < maxSkip {
		b, err := s.ReadByte()
		if err != nil {
			return 0, false
		}
		if b != '>' {
			continue
		}
		// The first end tag to complete is the first in the recording: one that began before
		// this call was either decided above or is still incomplete. So once the recording
		// ends with one, itemEnd decides on it.
		if endTagAtEnd(s.rec, name) {
			end, ok, _ := itemEnd(s.rec, name)
			return end, ok
		}
	}
	return 0, false
}

// itemEnd looks for the end tag </name> in b (all of b before it is checked for a start tag
// <name). done reports a decision: the offset after the end tag (ok), or a start tag or hiding
// markup first (not ok).
func itemEnd(b []byte, name string) (end int, ok, done bool) {
	closeTag := []byte("</" + name)
	for i := 0; ; {
		j := bytes.Index(b[i:], closeTag)
		if j < 0 {
			return 0, false, false
		}
		k := i + j + len(closeTag)
		for k < len(b) && isSpace(b[k]) {
			k++
		}
		if k == len(b) {
			return 0, false, false
		}
		if b[k] == '>' {
			// A start tag first means the item's own end tag is missing or mistyped; a
			// comment, CDATA section, directive or processing instruction first may hide this
			// end tag (`<!-- </item><item>… -->`), and telling which is the decoder's work:
			// refused.
			if hasStartTag(b[:i+j], name) || hasHidingMarkup(b[:i+j]) {
				return 0, false, true
			}
			return k + 1, true, true
		}
		i += j + 1
	}
}

// hasHidingMarkup says whether b holds the start of a comment, CDATA section, directive or
// processing instruction ("<!" or "<?"), inside which "</item>" is text, not an end tag, or
// ends inside a quoted attribute value or holds a "<" in one (`<g:link x="</item><item>…">`),
// where the same holds.
func hasHidingMarkup(b []byte) bool {
	return bytes.Contains(b, []byte("<!")) || bytes.Contains(b, []byte("<?")) || attrHides(b)
}

// attrHides says whether b, read as markup, ends inside a quoted attribute value or has a "<"
// inside one.
func attrHides(b []byte) bool {
	inTag := false
	var quote byte
	for _, c := range b {
		switch {
		case !inTag:
			inTag = c == '<'
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '<' {
				return true
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			inTag = false
		}
	}
	return quote != 0
}

// hasStartTag says whether b holds a start tag <name (followed by white space, ">" or "/").
func hasStartTag(b []byte, name string) bool { return nextStartTag(b, name) >= 0 }
