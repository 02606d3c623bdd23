package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tagdrop/tagdrop/internal/demo"
)

// feedFile returns the path of the generated feed of size items for seed in dir, writing it
// first unless an earlier run left it there.
func (c Config) feedFile(dir string) (string, error) {
	path := filepath.Join(dir, fmt.Sprintf("gmc-%d-items-seed-%d.xml", c.Size, c.Seed))
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		fmt.Fprintf(c.Progress, "feed: reusing %s (%d MB)\n", path, st.Size()>>20)
		return path, nil
	}
	start := time.Now()
	tmp, err := os.CreateTemp(dir, ".gmc-*.xml")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name()) // after the rename below, a no-op
	st, err := demo.WriteBigFeed(tmp, c.Seed, c.Size)
	if err == nil {
		err = tmp.Close()
	} else {
		tmp.Close()
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644) // CreateTemp makes it private; it is test data
	}
	if err != nil {
		return "", fmt.Errorf("write the feed: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", err
	}
	fmt.Fprintf(c.Progress, "feed: wrote %d items of %d products to %s in %s\n", st.Items, st.Products, path,
		time.Since(start).Round(time.Millisecond))
	return path, nil
}
