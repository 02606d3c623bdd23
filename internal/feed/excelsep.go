package feed

import "bytes"

// excelSeparator recognises the "sep=;" line that Excel and the tools imitating it write
// above a CSV's header to name its separator, quoted (`"sep=;"`, as a CSV writer quotes a cell
// holding the separator) or not. It returns the separator (one of delimiters) and b after that
// line and the blank lines after it, or 0 and b when b does not start with such a line.
func excelSeparator(b []byte) (rune, []byte) {
	line := firstLine(b)
	sep := line
	if len(sep) == 7 && sep[0] == '"' && sep[6] == '"' {
		sep = sep[1:6]
	}
	if len(sep) != 5 || !bytes.EqualFold(sep[:4], []byte("sep=")) || bytes.IndexByte(delimiters, sep[4]) < 0 {
		return 0, b
	}
	// The line break after the "sep=" line and any blank lines after it (encoding/csv skips
	// them too) come before the header.
	rest := bytes.TrimLeft(b[len(line):], "\r\n")
	return rune(sep[4]), rest
}
