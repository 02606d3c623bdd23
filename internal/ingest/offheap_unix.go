//go:build unix

package ingest

import (
	"fmt"
	"syscall"
)

// allocOffHeap maps size bytes of zeroed memory that Go's garbage collector neither scans nor
// counts: for large pointer-free tables, which would otherwise let the heap grow by their size
// again before each collection. The caller frees it with freeOffHeap.
func allocOffHeap(size int) ([]byte, error) {
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, fmt.Errorf("map %d bytes for the run's item ids: %w", size, err)
	}
	return b, nil
}

// freeOffHeap unmaps memory from allocOffHeap (nil is ignored).
func freeOffHeap(b []byte) {
	if b != nil {
		_ = syscall.Munmap(b)
	}
}
