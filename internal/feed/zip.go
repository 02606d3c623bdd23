package feed

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path"
	"runtime"
	"strings"
)

// zipMagic starts every zip archive that holds a file: affiliate networks (CJ, Awin, ShareASale,
// Rakuten) hand their feeds out zipped as often as gzipped.
const zipMagic = "PK\x03\x04"

// fileReader is an open file: a zip archive's directory is at its end, so an archive read from
// one needs no copy.
type fileReader interface {
	io.Reader
	io.ReaderAt
	Stat() (os.FileInfo, error)
}

// unzip returns the one feed file inside a zip archive, src, read from its start. An archive from a file is read in place; one from
// a stream (a download) is copied to a temporary file first, which is removed at once and
// closed when the feed has been read, so memory stays flat either way.
func unzip(src io.Reader) (io.Reader, error) {
	var (
		ra   io.ReaderAt
		size int64
		tmp  *os.File
	)
	if f, ok := src.(fileReader); ok {
		st, err := f.Stat()
		if err != nil {
			return nil, fmt.Errorf("read zip archive: %w", err)
		}
		ra, size = f, st.Size()
	} else {
		var err error
		if tmp, err = os.CreateTemp("", "tagdrop-feed-*.zip"); err != nil {
			return nil, fmt.Errorf("read zip archive: %w", err)
		}
		os.Remove(tmp.Name()) // the open file stays readable; nothing is left behind
		if size, err = io.Copy(tmp, src); err != nil {
			tmp.Close()
			return nil, fmt.Errorf("read zip archive: %w", err)
		}
		ra = tmp
	}
	fail := func(err error) (io.Reader, error) {
		if tmp != nil {
			tmp.Close()
		}
		return nil, err
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return fail(fmt.Errorf("feed looks zip-compressed but is not readable: %w", err))
	}
	var files []*zip.File
	for _, f := range zr.File {
		if !zipNoise(f) {
			files = append(files, f)
		}
	}
	switch len(files) {
	case 0:
		return fail(fmt.Errorf("the zip archive holds no file"))
	case 1:
	default:
		names := make([]string, 0, 4)
		for _, f := range files[:min(len(files), 4)] {
			names = append(names, f.Name)
		}
		if len(files) > 4 {
			names = append(names, "…")
		}
		return fail(fmt.Errorf("the zip archive holds %d files (%s): tagdrop reads one feed per archive; unpack it and import the feed file", len(files), strings.Join(names, ", ")))
	}
	rc, err := files[0].Open()
	if err != nil {
		return fail(fmt.Errorf("zip archive: %s: %w", files[0].Name, err))
	}
	z := &zipEntry{rc: rc, tmp: tmp, name: files[0].Name}
	if tmp != nil {
		// A feed abandoned before its end (a format error, a cancelled import) still
		// gives back the temporary copy's descriptor and disk space.
		runtime.AddCleanup(z, func(f *os.File) { f.Close() }, tmp)
	}
	return z, nil
}

// zipNoise reports an archive member that is not a feed: a directory, macOS's resource forks
// ("__MACOSX/…", "._feed.csv") and hidden files.
func zipNoise(f *zip.File) bool {
	base := path.Base(f.Name)
	return f.FileInfo().IsDir() || strings.HasPrefix(f.Name, "__MACOSX/") || strings.HasPrefix(base, ".") ||
		strings.EqualFold(base, "Thumbs.db") || strings.EqualFold(base, "desktop.ini")
}

// zipEntry reads one archive member and closes it, and the temporary copy of the archive if
// any, at its end or its first error. The error sticks: every later read returns it again, so
// a broken archive is never taken for a feed that ended early.
type zipEntry struct {
	rc   io.ReadCloser
	tmp  *os.File
	name string
	err  error
}

// Read reads the member; at its end or on an error it releases the archive.
func (z *zipEntry) Read(p []byte) (int, error) {
	if z.rc == nil {
		return 0, z.err
	}
	n, err := z.rc.Read(p)
	if err != nil {
		z.rc.Close()
		z.rc = nil
		if z.tmp != nil {
			z.tmp.Close()
		}
		if err != io.EOF {
			err = fmt.Errorf("zip archive: %s: %w", z.name, err)
		}
		z.err = err
	}
	return n, err
}
