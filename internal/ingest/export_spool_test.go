package ingest

// SetSpoolBudget changes how many bytes of items a run holds in memory before spilling them to
// a temporary file (tests only).
func SetSpoolBudget(im *Importer, n int) { im.spoolBudget = n }
