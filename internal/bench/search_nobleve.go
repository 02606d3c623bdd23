//go:build !bench_bleve

package bench

import (
	"context"

	"github.com/tagdrop/tagdrop/internal/web"
)

// newBleve is nil: this binary is built without the bleve peer (see search_bleve.go).
var newBleve func() searchEngine

// newBleveSearcher is nil: this binary is built without the bleve page peer (see
// search_http_bleve.go).
var newBleveSearcher func(ctx context.Context, docs []searchDoc) (web.Searcher, func(), error)
