package ingest

// How big an import's transactions are. Each commit writes every index page its batch touched,
// and a big import's item ids and product keys land all over their B-trees: once a tree has
// more leaves than a batch has items, a batch of 2,000 dirties some 2,000 pages of each such
// tree, and a million items in batches of 2,000 wrote the same pages to SQLite's log hundreds
// of times over. So batches grow with what the run has written: a batch is an eighth of the
// items applied so far, between Importer.batchSize and Importer.maxBatchSize, which keeps the
// pages a commit rewrites per item falling as the trees grow, while a small feed (and the
// first batches of any) still commits every 2,000 items. The import connection's page cache
// (importCacheKiB) holds a batch's dirty pages until its commit.

// batchGrowth is how many applied items make one more item in the next batch.
const batchGrowth = 8

// defaultMaxBatchSize bounds a batch: its items are decoded in memory (~1 KB each) and its
// transaction holds SQLite's write lock while it runs, so other writers (a shopper's love, a
// click) wait up to that long. Against 20,000 (and a 64 MiB cache) it cost 5% more CPU at 1M
// items and 115 MB less peak memory (docs/PERFORMANCE.md).
const defaultMaxBatchSize = 8_000

// The import connection's SQLite page cache (store.CatalogWriter) is sized to the run: about
// the bytes of the index pages its items spread over (item ids, product keys), which it
// rewrites batch after batch, between SQLite's default 2 MB and importCacheMaxKiB. Memory
// grows with a feed only up to that bound.
const (
	importCacheBytesPerItem = 64
	importCacheMaxKiB       = 32 << 10
)

// importCacheKiB is the page cache for the run's writer, in KiB.
func (r *run) importCacheKiB() int {
	items := r.spool.len() + r.knownCount
	return min(items*importCacheBytesPerItem>>10, importCacheMaxKiB)
}

// batchSizeAfter is the size of the run's batch that follows the first applied items.
func (r *run) batchSizeAfter(applied int) int {
	return min(max(r.im.batchSize, (applied+r.knownCount)/batchGrowth), max(r.im.batchSize, r.im.maxBatchSize))
}
