package ingest

// maxReportedErrors caps the errors a report lists; its counts are always complete.
const maxReportedErrors = 100

// RowError is one feed item that was not imported, and why.
type RowError struct {
	Line   int    `json:"line"`
	Item   string `json:"item"`
	Reason string `json:"reason"`
}

// Report is the outcome of importing one source. Its JSON form is the contract of
// `tagdrop import --json`. Read = New + Changed + Unchanged + Rejected; Gone counts offers of the
// retailer that a Full import did not find.
type Report struct {
	Source     string     `json:"source"`
	Format     string     `json:"format"`
	Read       int        `json:"read"`
	New        int        `json:"new"`
	Changed    int        `json:"changed"`
	Unchanged  int        `json:"unchanged"`
	Rejected   int        `json:"rejected"`
	Gone       int        `json:"gone"`
	DurationMS int64      `json:"duration_ms"`
	Errors     []RowError `json:"errors"` // the first 100
}

func newReport(source, format string) Report {
	if format == "" {
		format = "auto"
	}
	return Report{Source: source, Format: format, Errors: []RowError{}}
}

// reject counts a rejected item and lists it while there is room.
func (r *Report) reject(e RowError) {
	r.Rejected++
	if len(r.Errors) < maxReportedErrors {
		r.Errors = append(r.Errors, e)
	}
}
