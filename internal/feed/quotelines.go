package feed

import (
	"bufio"
	"bytes"
)

// quoteLines sits between a delimited feed's text and encoding/csv and repairs stray quotes
// line by line. encoding/csv, quoting leniently, reads a cell that starts with a quote and goes
// on after closing it (`"Best" seller tee`) as a quoted field that runs on to some later quote,
// swallowing the rows in between. quoteLines judges each record by its lines first. A record
// on one line whose lenient reading takes a quote as a character is read with such cells taken
// literally when that gives the header's number of cells. A record over several lines whose
// lenient reading never closes, or takes a quote as a character and has a later line that,
// read on its own, is a row (at least the header's number of cells), is split: its first line
// is read on its own, cells taken literally, and the lines after it are judged afresh, so every
// good row after a broken one is read. quoteLines rewrites a cell to be taken literally as a
// properly quoted one (`"""Best"" seller tee"`). A properly quoted cell over several lines
// passes as it is. Line breaks are never added or removed, so the lines encoding/csv reports
// stay the file's.
type quoteLines struct {
	r       *bufio.Reader
	comma   byte
	limit   int      // the most bytes gathered to judge one record; a longer one passes as it is
	columns int      // the header's cells: 0 until the header line has passed, -1 to judge nothing
	preface bool     // a "sep=" line comes before the header
	out     []byte   // judged bytes not yet read
	buf     []byte   // a line longer than r's buffer
	back    [][]byte // lines put back to be judged again
	rec     []byte   // the lines of a record over several lines, gathered
	ends    []int    // where each of those lines ends in rec
	rest    bool     // passing the rest of a line too long to judge
	err     error
}

func newQuoteLines(r *bufio.Reader, comma rune, limit int, excelSep bool) *quoteLines {
	q := &quoteLines{r: r, limit: limit, preface: excelSep}
	if comma < 0x80 {
		q.comma = byte(comma)
	} else {
		q.columns = -1
	}
	return q
}

// Read implements io.Reader.
func (q *quoteLines) Read(p []byte) (int, error) {
	for len(q.out) == 0 {
		if q.err != nil && len(q.back) == 0 {
			return 0, q.err
		}
		q.fill()
	}
	n := copy(p, q.out)
	q.out = q.out[n:]
	return n, nil
}

// readLine returns the next line with its line break (valid until the next call), and whether
// it is cut short at limit bytes. At the end of the input it sets q.err.
func (q *quoteLines) readLine() ([]byte, bool) {
	line, err := q.r.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		if err != nil {
			q.err = err
		}
		return line, false
	}
	q.buf = append(q.buf[:0], line...)
	for len(q.buf) <= q.limit {
		line, err = q.r.ReadSlice('\n')
		q.buf = append(q.buf, line...)
		if err != bufio.ErrBufferFull {
			if err != nil {
				q.err = err
			}
			return q.buf, false
		}
	}
	return q.buf, true
}

// nextLine is the next line to judge: one put back by fill, or the input's next.
func (q *quoteLines) nextLine() ([]byte, bool) {
	if len(q.back) > 0 {
		line := q.back[0]
		q.back = q.back[1:]
		return line, false
	}
	return q.readLine()
}

// fill judges the next record's lines into q.out.
func (q *quoteLines) fill() {
	line, long := q.nextLine()
	q.out = line
	switch {
	case q.rest || long:
		q.rest = long // pass on to the end of the line, as boundedReader skips to it
		return
	case q.columns < 0 || bytes.IndexByte(line, '"') < 0 && q.columns > 0:
		return
	case q.columns == 0:
		q.learnColumns(line)
		return
	}
	quoted, lazy := scanQuotes(line, q.comma, false)
	if !quoted {
		if !lazy {
			return
		}
		if n, stray := literalCells(chomp(line), q.comma); stray && n == q.columns {
			q.out = rewriteStray(nil, line, q.comma)
		}
		return
	}
	q.rec = append(q.rec[:0], line...)
	q.ends = append(q.ends[:0], len(q.rec))
	for quoted {
		next, long := q.nextLine()
		if len(next) == 0 {
			break
		}
		q.rec = append(q.rec, next...)
		q.ends = append(q.ends, len(q.rec))
		if long || len(q.rec) > q.limit {
			q.rest = long
			q.out = q.rec
			return
		}
		var l bool
		quoted, l = scanQuotes(next, q.comma, true)
		lazy = lazy || l
	}
	if quoted || lazy && q.firstIsRow() && q.holdsRow() {
		// A quote never closed, or one taken as a character that swallowed a row: the first
		// line is read on its own, its quotes as characters, and the others are judged afresh.
		q.out = rewriteStray(nil, q.rec[:q.ends[0]], q.comma)
		back := make([][]byte, 0, len(q.ends)-1+len(q.back))
		for i := 1; i < len(q.ends); i++ {
			back = append(back, append([]byte(nil), q.rec[q.ends[i-1]:q.ends[i]]...))
		}
		q.back = append(back, q.back...)
		return
	}
	q.out = q.rec
}

// holdsRow says whether one of the lines after the first of the record gathered in q.rec, read
// on its own with quotes that do not close a cell taken as characters, has at least the
// header's number of cells: a row, not a cell's next line.
func (q *quoteLines) holdsRow() bool {
	for i := 1; i < len(q.ends); i++ {
		if n, _ := literalCells(chomp(q.rec[q.ends[i-1]:q.ends[i]]), q.comma); n >= q.columns {
			return true
		}
	}
	return false
}

// learnColumns counts the header's cells from its line; the lines before it (Excel's "sep="
// line, blank lines, Rakuten's HDR record) are passed.
func (q *quoteLines) learnColumns(line []byte) {
	b := chomp(line)
	switch {
	case q.preface:
		q.preface = false
	case len(bytes.TrimSpace(b)) == 0:
	case bytes.HasPrefix(b, []byte("HDR")) && len(b) > 3 && b[3] == q.comma:
	default:
		q.columns = -1 // a header over several lines: nothing is judged
		if quoted, _ := scanQuotes(line, q.comma, false); !quoted {
			q.columns, _ = literalCells(b, q.comma)
		}
	}
}

// scanQuotes runs encoding/csv's lenient quoting over one line, from inside a quoted field or
// from a record's start, and returns whether the line ends inside a quoted field and whether a
// quote in a quoted field was taken as a character.
func scanQuotes(line []byte, comma byte, quoted bool) (stillQuoted, lazy bool) {
	for i := 0; i < len(line); {
		if !quoted { // at a field's start
			if line[i] == '"' {
				quoted = true
				i++
				continue
			}
			k := bytes.IndexByte(line[i:], comma)
			if k < 0 {
				return false, lazy
			}
			i += k + 1
			continue
		}
		k := bytes.IndexByte(line[i:], '"')
		if k < 0 {
			return true, lazy
		}
		i += k + 1
		switch rest := line[i:]; {
		case len(rest) > 0 && rest[0] == '"':
			i++
		case len(rest) > 0 && rest[0] == comma:
			quoted = false
			i++
		case len(chomp(rest)) == 0:
			return false, lazy
		default:
			lazy = true
		}
	}
	return quoted, lazy
}

// literalCells splits a line (without its line break) into cells the way a person reads it: a
// cell quoted from its first byte to a closing quote right before a separator or the line's
// end is one cell ("a, b"); any other cell runs to the next separator, its quotes taken as
// characters. It returns the number of cells and whether one of those starts with a quote.
func literalCells(b []byte, comma byte) (n int, stray bool) {
	for i := 0; ; n++ {
		end, quoted := cellEnd(b, i, comma)
		stray = stray || !quoted && i < len(b) && b[i] == '"' && !(end-i >= 2 && b[end-1] == '"')
		if end >= len(b) {
			return n + 1, stray
		}
		i = end + 1
	}
}

// cellEnd is where the cell starting at b[i] ends (the separator after it, or len(b)), and
// whether it is properly quoted.
func cellEnd(b []byte, i int, comma byte) (int, bool) {
	if i < len(b) && b[i] == '"' {
		for j := i + 1; j < len(b); j++ {
			if b[j] != '"' {
				continue
			}
			if j+1 < len(b) && b[j+1] == '"' {
				j++
				continue
			}
			if j+1 == len(b) || b[j+1] == comma {
				return j + 1, true
			}
			break
		}
	}
	if k := bytes.IndexByte(b[i:], comma); k >= 0 {
		return i + k, false
	}
	return len(b), false
}

// rewriteStray appends line to dst with each cell that starts with a quote it does not close
// properly quoted, its quotes doubled: `"Best" seller` becomes `"""Best"" seller"`.
func rewriteStray(dst, line []byte, comma byte) []byte {
	b := chomp(line)
	for i := 0; ; {
		end, quoted := cellEnd(b, i, comma)
		if cell := b[i:end]; !quoted && len(cell) > 0 && cell[0] == '"' {
			dst = append(dst, '"')
			for _, c := range cell {
				if c == '"' {
					dst = append(dst, '"')
				}
				dst = append(dst, c)
			}
			dst = append(dst, '"')
		} else {
			dst = append(dst, cell...)
		}
		if end >= len(b) {
			return append(dst, line[len(b):]...)
		}
		dst = append(dst, comma)
		i = end + 1
	}
}

// chomp is line without its line break ("\n" or "\r\n").
func chomp(line []byte) []byte {
	line = bytes.TrimSuffix(line, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r"))
}

// firstIsRow says whether the first line of the gathered record, read on its own, is a row.
func (q *quoteLines) firstIsRow() bool {
	n, _ := literalCells(chomp(q.rec[:q.ends[0]]), q.comma)
	return n >= q.columns
}
