package ingest

// SetOnDedupe installs a hook told the candidates each time a run's end-of-run duplicate pass
// runs (a run whose keys all registered runs none).
func SetOnDedupe(im *Importer, fn func(candidates []int64)) { im.onDedupe = fn }
