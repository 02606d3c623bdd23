//go:build !bench_bleve

package bench

// newBleve is nil: this binary is built without the bleve peer (see search_bleve.go).
var newBleve func() searchEngine
