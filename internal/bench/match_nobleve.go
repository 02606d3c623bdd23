//go:build !bench_bleve

package bench

// newBlevePerShopper is nil: this binary is built without the bleve peer (match_bleve.go).
var newBlevePerShopper func() matchPeer
