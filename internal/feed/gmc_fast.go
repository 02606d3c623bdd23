package feed

import (
	"bytes"
	"io"
	"runtime"
	"strings"
)

// gmcFastReader reads the common flat shape of Google Merchant Center XML (UTF-8, no DTD, items
// of plain text fields) by byte search instead of encoding/xml's tokenizer, which costs most of
// an import's reading time. It gives exactly what gmcReader gives: whenever it meets anything it
// does not handle itself (a declared encoding other than UTF-8, a DOCTYPE, a comment or
// processing instruction, attributes on a field other than a link, namespaces declared below
// the root, anything malformed), it hands the rest of the input, from the start of the item or
// tag at fault, to a gmcReader primed with the open elements and the line reached, so the
// result is that reader's by construction.
type gmcFastReader struct {
	src  io.Reader
	buf  []byte
	pos  int   // first unconsumed byte of buf
	eof  bool  // src is exhausted or failed
	rerr error // the read error that ended src, other than io.EOF
	line int   // line of buf[pos]

	started bool // the prolog and root element have been read
	// stack holds the names of the open elements outside items; stack[0] is the root. It is
	// copied on push, never changed in place, so parallel chunks keep snapshots of it for free.
	stack []string
	done  bool // the root has closed and only white space followed: io.EOF

	slow *gmcReader // set once the rest of the input is the encoding/xml reader's

	// itemScanner is the scratch for the items scanned on the caller's goroutine, and ns.
	itemScanner
	// parallel is the state of scanning items on other goroutines (gmc_fast_par.go).
	parallel
}

// fastMaxToken bounds how far the fast reader looks for the end of one item or tag before
// handing the input to encoding/xml, which streams: memory stays flat on any input.
const fastMaxToken = 4 << 20

// newGMCFastReader returns a fast reader of src that, with more than one core, scans items in
// chunks on other goroutines (2 chunks in flight per core) once the first serialItems are read.
func newGMCFastReader(src io.Reader) *gmcFastReader {
	r := &gmcFastReader{src: src, line: 1}
	if procs := runtime.GOMAXPROCS(0); procs > 1 {
		r.setParallel(2*procs, []int{chunkItems}, serialItems, rewindBackoff)
	}
	return r
}

// Next returns the next item; see Reader. Items already split into chunks and scanned on other
// goroutines come first, in feed order; the serial step below handles everything else.
func (r *gmcFastReader) Next() (Item, error) {
	if r.slow != nil {
		return r.slow.Next()
	}
	for {
		if len(r.queue) == 0 && r.parallelNow() {
			r.topUp()
		}
		if len(r.queue) == 0 {
			break
		}
		if it, err, ok := r.fromQueue(); ok {
			r.count++
			return it, err
		}
	}
	r.stopped = false
	if r.done {
		return Item{}, io.EOF
	}
	if !r.started && !r.prolog() {
		return r.handoff()
	}
	name, n, ok := r.advance()
	if r.done {
		return Item{}, io.EOF
	}
	if !ok {
		return r.handoff()
	}
	it, err, ok := r.item(name, n)
	if !ok {
		return r.handoff() // not a plain item: encoding/xml reads it
	}
	r.count++
	return it, err
}

// advance consumes everything up to the next item's start tag, which it leaves unconsumed: ok
// reports that r.pos is at a plain <name> start tag of n bytes. Otherwise the rest of the input,
// from r.pos, is encoding/xml's, or the feed has ended cleanly (r.done).
func (r *gmcFastReader) advance() (name string, n int, ok bool) {
	for {
		r.skipSpace()
		if r.pos == len(r.buf) {
			if !r.fill() {
				if len(r.stack) == 0 && r.rerr == nil {
					r.done = true
				}
				return "", 0, false // unclosed elements: encoding/xml says which
			}
			continue
		}
		if r.buf[r.pos] != '<' {
			if len(r.stack) == 0 || !r.skipText() {
				return "", 0, false
			}
			continue
		}
		if name, n := plainItemTag(r.buf[r.pos:]); n > 0 && len(r.stack) > 0 {
			return name, n, true
		}
		end := r.find(r.pos, ">")
		if end < 0 {
			return "", 0, false
		}
		tag := r.buf[r.pos : end+1]
		switch {
		case len(tag) > 1 && tag[1] == '/':
			name, ok := parseEndTag(tag)
			if !ok || len(r.stack) == 0 || r.stack[len(r.stack)-1] != name {
				return "", 0, false
			}
			r.stack = r.stack[:len(r.stack)-1]
			r.consume(len(tag))
		case bytes.HasPrefix(r.buf[r.pos:], []byte("<![CDATA[")) && len(r.stack) > 0:
			end := r.find(r.pos, "]]>")
			if end < 0 {
				return "", 0, false
			}
			var ok bool
			if r.scratch, ok = xmlText(r.scratch[:0], r.buf[r.pos+9:end], true); !ok {
				return "", 0, false
			}
			r.consume(end + 3 - r.pos)
		case len(tag) > 1 && (tag[1] == '!' || tag[1] == '?'):
			return "", 0, false
		default:
			st, ok := parseStartTag(tag)
			if !ok || len(r.stack) == 0 || st.prefix != "" && (st.local == "item" || st.local == "entry") {
				return "", 0, false
			}
			if st.prefix == "" && (st.local == "item" || st.local == "entry") {
				if len(st.attrs) > 0 || st.empty {
					return "", 0, false
				}
				return st.local, len(tag), true
			}
			for _, a := range st.attrs {
				if a.isNS() {
					return "", 0, false
				}
			}
			if !st.empty {
				r.stack = append(r.stack[:len(r.stack):len(r.stack)], st.qname)
			}
			r.consume(len(tag))
		}
	}
}

// plainItemTag recognises the usual bare "<item>" and "<entry>" start tags without parsing them
// (advance reads them as parseStartTag would), returning the name and the tag's length, or 0.
func plainItemTag(b []byte) (string, int) {
	switch {
	case bytes.HasPrefix(b, []byte("<item>")):
		return "item", 6
	case bytes.HasPrefix(b, []byte("<entry>")):
		return "entry", 7
	}
	return "", 0
}

// prolog reads the XML declaration, if any, and the root element, reporting whether both are
// of the plain kind the fast reader handles; it consumes nothing when not.
func (r *gmcFastReader) prolog() bool {
	p := 0
	if r.find(0, ">") < 0 {
		return false
	}
	if bytes.HasPrefix(r.buf, []byte("<?xml")) && len(r.buf) > 5 && isSpace(r.buf[5]) {
		end := bytes.Index(r.buf, []byte("?>"))
		if end < 0 || !plainDeclaration(r.buf[5:end]) {
			return false
		}
		p = end + 2
	}
	for {
		for p < len(r.buf) && isSpace(r.buf[p]) {
			p++
		}
		if p < len(r.buf) || !r.fill() {
			break
		}
	}
	if p >= len(r.buf) || r.buf[p] != '<' {
		return false
	}
	end := r.find(p, ">")
	if end < 0 {
		return false
	}
	st, ok := parseStartTag(r.buf[p : end+1])
	if !ok || st.prefix != "" || (st.local != "rss" && st.local != "feed") || st.empty {
		return false
	}
	ns := map[string]string{}
	for _, a := range st.attrs {
		switch {
		case a.isNS() && strings.ContainsAny(a.value, "\"&<\r\n\t"):
			return false // not safe to copy into the fallback reader's prefix
		case a.prefix == "" && a.local == "xmlns":
			ns[""] = a.value
		case a.prefix == "xmlns":
			ns[a.local] = a.value
		}
	}
	if _, bad := ns["xml"]; bad || isGoogleNamespace(ns[""]) {
		return false // unprefixed fields are g: fields: encoding/xml resolves them
	}
	r.ns = ns
	r.stack = []string{st.qname}
	r.consume(end + 1)
	r.started = true
	return true
}

// plainDeclaration reports whether the XML declaration's pseudo-attributes are version 1.0 and,
// if given, encoding UTF-8: any other encoding needs encoding/xml's charset reader.
func plainDeclaration(b []byte) bool {
	st, ok := parseStartTag(append(append([]byte("<x"), b...), '>'))
	if !ok {
		return false
	}
	for _, a := range st.attrs {
		switch a.qname {
		case "version":
			if a.value != "1.0" {
				return false
			}
		case "encoding":
			if !bytes.EqualFold([]byte(a.value), []byte("utf-8")) {
				return false
			}
		case "standalone":
		default:
			return false
		}
	}
	return true
}

// item reads the item whose start tag (of n bytes) is at r.pos. ok is false when the item is not
// of the plain kind; nothing is consumed then.
func (r *gmcFastReader) item(name string, n int) (Item, error, bool) {
	line := r.line + bytes.Count(r.buf[r.pos:r.pos+n], []byte{'\n'})
	if r.find(r.pos+n, "</"+name) < 0 {
		return Item{}, nil, false
	}
	// The end tag's '>' may not be in the buffer yet.
	if r.find(bytes.Index(r.buf[r.pos+n:], []byte("</"+name))+r.pos+n, ">") < 0 {
		return Item{}, nil, false
	}
	it, used, ok := r.scanItem(r.buf[r.pos+n:], name)
	if !ok {
		return Item{}, nil, false
	}
	r.consume(n + used)
	it.Line = line
	if reason := parseItem(&it, r.currency); reason != "" {
		return it, &RowError{Line: line, Item: it.ID, Reason: reason}, true
	}
	return it, nil, true
}

// handoff gives the rest of the input, from r.pos, to encoding/xml, after a copy of the open
// elements' start tags (with the root's namespace declarations) written on one line, so that
// its lines are the file's lines shifted by a known amount.
func (r *gmcFastReader) handoff() (Item, error) {
	var prefix bytes.Buffer
	for i, name := range r.stack {
		prefix.WriteString("<" + name)
		if i == 0 {
			for p, uri := range r.ns {
				if p == "" {
					prefix.WriteString(` xmlns="` + uri + `"`)
				} else {
					prefix.WriteString(` xmlns:` + p + `="` + uri + `"`)
				}
			}
		}
		prefix.WriteByte('>')
	}
	tail := r.src
	if r.rerr != nil {
		tail = errReader{r.rerr}
	}
	rest := io.MultiReader(&prefix, bytes.NewReader(r.buf[r.pos:]), tail)
	r.slow = newGMCReader(rest)
	r.slow.currency = r.currency
	r.slow.rooted = r.started && len(r.stack) == 0
	r.slow.lineBase = r.line - 1
	r.buf = nil
	return r.slow.Next()
}

// fill reads more input into the buffer, reporting whether any arrived.
func (r *gmcFastReader) fill() bool {
	if r.eof {
		return false
	}
	if r.pos > 0 && r.pos >= len(r.buf)/2 {
		r.buf = r.buf[:copy(r.buf, r.buf[r.pos:])]
		r.pos = 0
	}
	if cap(r.buf)-len(r.buf) < 32<<10 {
		nb := make([]byte, len(r.buf), 2*cap(r.buf)+64<<10)
		copy(nb, r.buf)
		r.buf = nb
	}
	for {
		n, err := r.src.Read(r.buf[len(r.buf):cap(r.buf)])
		r.buf = r.buf[:len(r.buf)+n]
		if err != nil {
			r.eof = true
			if err != io.EOF {
				r.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// find returns the index in r.buf of the first pat at or after from, reading more input as
// needed, or -1 when there is none within fastMaxToken bytes. from is relative to buf[0] and
// may move when the buffer is compacted: callers use r.pos-relative offsets after it.
func (r *gmcFastReader) find(from int, pat string) int {
	rel := from - r.pos
	searched := rel
	for {
		if i := bytes.Index(r.buf[r.pos+searched:], []byte(pat)); i >= 0 {
			return r.pos + searched + i
		}
		if len(r.buf)-r.pos-rel > fastMaxToken {
			return -1
		}
		if s := len(r.buf) - r.pos - len(pat) + 1; s > searched {
			searched = s
		}
		if !r.fill() {
			return -1
		}
	}
}

// consume moves past n bytes, counting their lines; while a parallel chunk is being split it
// keeps a copy of them, so that the input can be rebuilt from any of its items (rewind).
func (r *gmcFastReader) consume(n int) {
	if r.building != nil {
		r.building.raw = append(r.building.raw, r.buf[r.pos:r.pos+n]...)
	}
	r.line += bytes.Count(r.buf[r.pos:r.pos+n], []byte{'\n'})
	r.pos += n
}

// skipSpace consumes white space.
func (r *gmcFastReader) skipSpace() {
	for {
		i := r.pos
		for i < len(r.buf) && isSpace(r.buf[i]) {
			i++
		}
		r.consume(i - r.pos)
		if r.pos < len(r.buf) || !r.fill() {
			return
		}
	}
}

// skipText consumes character data between elements outside items, reporting false when it
// is not plain (a bad entity, a character XML forbids, or no markup after it).
func (r *gmcFastReader) skipText() bool {
	end := r.find(r.pos, "<")
	if end < 0 {
		return false
	}
	var ok bool
	r.text, ok = xmlText(r.text[:0], r.buf[r.pos:end], false)
	if !ok {
		return false
	}
	r.consume(end - r.pos)
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// errReader gives the read error that stopped the fast reader to the fallback reader.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
