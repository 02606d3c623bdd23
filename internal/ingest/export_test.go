package ingest

// Test hooks: the batch size, and a function run just before each batch commits.

// SetBatchSize changes how many items go in one transaction.
func SetBatchSize(im *Importer, n int) { im.batchSize = n }

// SetBeforeCommit installs a hook that runs before each batch commits; its error aborts the batch.
func SetBeforeCommit(im *Importer, fn func(batch int) error) { im.beforeCommit = fn }

// SetNormaliserVersion changes the normaliser version mixed into feed records' hashes, as a
// release that changes the normalisation rules would.
func SetNormaliserVersion(im *Importer, v int) { im.normVersion = v }
