//go:build !unix

package ingest

// allocOffHeap is an ordinary allocation where the system has no anonymous mappings through
// package syscall (see offheap_unix.go).
func allocOffHeap(size int) ([]byte, error) { return make([]byte, size), nil }

// freeOffHeap leaves the memory to the garbage collector.
func freeOffHeap([]byte) {}
