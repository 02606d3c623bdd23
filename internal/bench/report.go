package bench

// IngestReport is the outcome of the ingest benchmark. Its JSON form is the contract of
// `tagdrop bench ingest --json`: {"bench", "size", "tagdrop": {figures}, "peers": {"PEER":
// {figures, "ratio"}}}.
type IngestReport struct {
	Bench   string                 `json:"bench"` // "ingest"
	Size    int                    `json:"size"`  // items in the feed
	Tagdrop TagdropIngest          `json:"tagdrop"`
	Peers   map[string]PeerFigures `json:"peers"`
	// DB is the kind of database measured: "sqlite" or "postgres". It is not part of the JSON
	// contract; the human output shows it.
	DB string `json:"-"`
	// Counts are what each phase did, checked by Ingest before it reports (not in the JSON).
	Counts Counts `json:"-"`
}

// TagdropIngest holds tagdrop's figures: a first import into an empty database, then the same
// feed again, unchanged, one day later.
type TagdropIngest struct {
	Seconds   float64 `json:"seconds"`     // first import: parse, normalise, upsert, history
	ItemsPerS float64 `json:"items_per_s"` // Size / Seconds
	PeakRSSMB float64 `json:"peak_rss_mb"` // the first import's process
	// ReimportSeconds, ReimportItemsPerS and ReimportPeakRSSMB are the same for the unchanged
	// re-import; ReimportSpeedup is Seconds over ReimportSeconds.
	ReimportSeconds   float64 `json:"reimport_seconds"`
	ReimportItemsPerS float64 `json:"reimport_items_per_s"`
	ReimportPeakRSSMB float64 `json:"reimport_peak_rss_mb"`
	ReimportSpeedup   float64 `json:"reimport_speedup"`
}

// PeerFigures are one peer's figures for the work of tagdrop's first import.
type PeerFigures struct {
	Seconds   float64 `json:"seconds"`
	ItemsPerS float64 `json:"items_per_s"`
	PeakRSSMB float64 `json:"peak_rss_mb"`
	// Ratio is the peer's seconds over tagdrop's first-import seconds: above 1, tagdrop is faster.
	Ratio float64 `json:"ratio"`
	// CSVSeconds (psql-copy only) is the time taken to write the rows as CSV before the copy;
	// Seconds and Ratio count the copy alone.
	CSVSeconds float64 `json:"csv_seconds,omitempty"`
}

// Counts are the rows each phase read and wrote, so a report never stands for work that was
// not done.
type Counts struct {
	FirstRead, FirstNew, FirstPriceRows int // tagdrop's first import
	// ReimportUnchanged and ReimportPriceRows are the re-import's unchanged items and the price
	// rows it added (0 when history is a change log).
	ReimportUnchanged, ReimportPriceRows int
	BaselineRows                         int // rows in the baseline's table afterwards
	CopyRows                             int // rows psql copied (PostgreSQL only)
}

// ratio is cost over base, 0 when base is 0.
func ratio(cost, base float64) float64 {
	if base <= 0 {
		return 0
	}
	return cost / base
}

// perSecond is n over seconds, 0 when seconds is 0.
func perSecond(n int, seconds float64) float64 {
	if seconds <= 0 {
		return 0
	}
	return float64(n) / seconds
}
