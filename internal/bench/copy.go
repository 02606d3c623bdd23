package bench

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// The psql-copy peer loads the feed's rows with PostgreSQL's own bulk path, `psql -c "\copy"`,
// into the baseline's table: the floor for getting these rows into PostgreSQL at all. Its rows
// are first written as CSV (timed apart, as csv_seconds) by tagdrop's streaming feed reader.

// writeCSV writes the feed's items as CSV rows of bench_offers to a.out.
func writeCSV(_ context.Context, a phaseArgs, prog *progress) (phaseResult, error) {
	var res phaseResult
	in, err := os.Open(a.feed)
	if err != nil {
		return res, err
	}
	defer in.Close()
	out, err := os.Create(a.out)
	if err != nil {
		return res, err
	}
	defer out.Close()
	start := time.Now()
	bw := bufio.NewWriterSize(out, 256<<10)
	n, err := feedToCSV(in, bw, a.observed, prog)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = out.Close()
	}
	res.Seconds = time.Since(start).Seconds()
	res.Read, res.Rows = n, n
	return res, err
}

// feedToCSV writes one CSV row per item of the Merchant Center feed in r and returns the rows.
func feedToCSV(r io.Reader, w io.Writer, observed time.Time, prog *progress) (int, error) {
	fr, _, err := feed.Open(r, feed.GMCXML)
	if err != nil {
		return 0, err
	}
	cw := csv.NewWriter(w)
	updated := strconv.FormatInt(observed.UnixMilli(), 10)
	row := make([]string, len(offerColumns))
	n := 0
	for {
		it, err := fr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, err
		}
		row = append(row[:0], it.ID, it.ItemGroupID, it.Title, it.Description, it.Link, it.ImageLink, it.Brand, it.MPN,
			strconv.FormatInt(it.RegularPrice, 10), strconv.FormatInt(it.SaleAmount, 10), it.Currency, it.Availability,
			it.GoogleProductCategory, it.ProductType, it.Color, it.Size, it.SizeSystem, it.Gender, it.Material, updated)
		if err := cw.Write(row); err != nil {
			return n, err
		}
		n++
		prog.items(n)
	}
	cw.Flush()
	return n, cw.Error()
}

// copyCommand is psql's command line that copies the CSV file at path into bench_offers of the
// database at url.
func copyCommand(psql, url, path string) ([]string, error) {
	if strings.ContainsAny(path, "'\n") {
		return nil, fmt.Errorf("CSV path %q has a quote or line break psql's \\copy cannot take", path)
	}
	// In CSV, an empty unquoted field is NULL unless the column is listed as FORCE_NOT_NULL: the
	// text columns are, since an absent feed field is an empty string, as the baseline stores it.
	var text []string
	for _, c := range offerColumns {
		if !numericColumn[c] {
			text = append(text, c)
		}
	}
	return []string{psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c",
		`\copy bench_offers (` + strings.Join(offerColumns, ", ") + `) FROM '` + path + `' WITH (FORMAT csv, FORCE_NOT_NULL (` +
			strings.Join(text, ", ") + `))`}, nil
}
