package ingest

import "time"

// Test hooks: the batch size, and a function run just before each batch commits.

// SetBatchSize changes how many items go in one transaction, however big the run.
func SetBatchSize(im *Importer, n int) { im.batchSize, im.maxBatchSize = n, n }

// SetBatchSizes sets the size of a run's first batches and the most its batches grow to.
func SetBatchSizes(im *Importer, first, most int) { im.batchSize, im.maxBatchSize = first, most }

// SetBeforeCommit installs a hook that runs before each batch commits; its error aborts the batch.
func SetBeforeCommit(im *Importer, fn func(batch int) error) { im.beforeCommit = fn }

// SetNormaliserVersion changes the normaliser version mixed into feed records' hashes, as a
// release that changes the normalisation rules would.
func SetNormaliserVersion(im *Importer, v int) { im.normVersion = v }

// SetHeartbeat changes how often a run renews its hold on its retailer.
func SetHeartbeat(im *Importer, d time.Duration) { im.beat = d }
