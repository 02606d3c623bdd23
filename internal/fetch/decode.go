package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"
)

// acceptEncoding is what the client asks for: the two encodings every server offers and the
// standard library decodes. Decoding here, not in http.Transport, puts the size limit after
// decompression.
const acceptEncoding = "gzip, deflate"

// maxEncodings bounds stacked Content-Encodings ("gzip, gzip"); real servers use one.
const maxEncodings = 2

// decode undoes the response's Content-Encoding header (a comma-separated list, applied in
// order, so undone in reverse).
func decode(r io.Reader, contentEncoding, url string) (io.Reader, []io.Closer, error) {
	var codings []string
	for _, c := range strings.Split(contentEncoding, ",") {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" && c != "identity" {
			codings = append(codings, c)
		}
	}
	if len(codings) > maxEncodings {
		return nil, nil, fmt.Errorf("fetch %s: Content-Encoding %q stacks %d encodings: %w", url, contentEncoding, len(codings), ErrEncoding)
	}
	var closers []io.Closer
	for i := len(codings) - 1; i >= 0; i-- {
		switch codings[i] {
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(r)
			if err != nil {
				return nil, closers, fmt.Errorf("fetch %s: gzip body: %v: %w", url, err, ErrEncoding)
			}
			r = zr
			closers = append(closers, zr)
		case "deflate":
			rc, err := inflate(r)
			if err != nil {
				return nil, closers, fmt.Errorf("fetch %s: deflate body: %v: %w", url, err, ErrEncoding)
			}
			r = rc
			closers = append(closers, rc)
		default:
			return nil, closers, fmt.Errorf("fetch %s: Content-Encoding %q was not asked for: %w", url, codings[i], ErrEncoding)
		}
	}
	return r, closers, nil
}

// inflate reads "deflate", which RFC 9110 defines as zlib-wrapped but which some servers send
// raw; the zlib header (CM=8, a checksum over the first two bytes) tells them apart.
func inflate(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReader(r)
	h, err := br.Peek(2)
	if err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	return flate.NewReader(br), nil
}

// isDecompressError tells a broken compressed stream from a network failure.
func isDecompressError(err error) bool {
	switch err.(type) {
	case flate.CorruptInputError, flate.InternalError:
		return true
	}
	return errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) ||
		errors.Is(err, zlib.ErrChecksum) || errors.Is(err, zlib.ErrHeader)
}
