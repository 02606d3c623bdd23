package feed

import "runtime"

// allocated runs f and returns the bytes it allocated in all, an upper bound on how far it
// could have made the heap grow: a reader that buffered a 64 MiB line would allocate at least
// that much.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
