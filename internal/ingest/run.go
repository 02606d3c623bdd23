package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"github.com/tagdrop/tagdrop/internal/store"
)

// run is the state of one import: what has been seen so far and the ids resolved on the way.
type run struct {
	im       *Importer
	retailer store.Retailer
	runID    int64
	at       time.Time

	// items holds the item ids met in the feed (imported or rejected) and, for a complete
	// feed, the retailer's offers before the run with the hashes of the records they came
	// from (seen.go, feedhash.go): it finds duplicates, and under Full what is gone.
	items      itemSet
	knownCount int // the retailer's offers as the run began (complete feeds only)
	// brands and categories cache ids resolved by committed batches of this run.
	brands     map[string]catalog.Brand
	categories map[string]int64
	batches    int
	// writer is the connection the batches are written on (see store.CatalogWriter); applied
	// counts the items written so far, which batch sizes grow with (batchsize.go).
	writer  *store.CatalogWriter
	applied int
	statsAt int // items applied at which to refresh the planner's statistics next
	// tables are the directories items are normalised with (the import's taxonomy).
	tables tables
	// spool holds the items read until the whole feed is in and may be applied.
	spool *spool
	// hasher hashes the feed's items (complete feeds only); skipped are the offers whose
	// records came unchanged: counted, not written.
	hasher  *feedHasher
	skipped []int64
	// rules decide the sale events of a price change.
	rules pricing.EventRules
	// badGTINs counts GTIN values refused as product keys; conflicts counts items whose keys
	// name two products, the first few of which are kept for the log.
	badGTINs, conflicts int
	conflictSamples     []identityConflict
	// collided are the products of committed batches that found one of their keys taken by
	// another product (store.KeyCollision): the end-of-run duplicate pass looks at them only.
	collided []int64
}

// maxConflictSamples is how many identity conflicts an import's log line shows.
const maxConflictSamples = 5

func newRun(im *Importer, r store.Retailer, runID int64, at time.Time) *run {
	return &run{im: im, retailer: r, runID: runID, at: at, tables: defaultTables(), spool: newSpool(im.spoolBudget),
		items: newItemSet(), brands: map[string]catalog.Brand{}, categories: map[string]int64{}}
}

// read streams the feed into the run's spool. A broken item is rejected and reading goes on; a
// broken feed stops reading with an error, and since nothing has been written yet, the run
// changes nothing (see the package doc).
func (r *run) read(ctx context.Context, src io.Reader, opts Options, rep *Report) error {
	fr, format, err := feed.OpenWith(src, opts.feedOptions())
	if err != nil {
		return err
	}
	rep.Format = format
	return r.readItems(ctx, fr, rep)
}

// readItems streams an open feed into the run's spool (see read).
func (r *run) readItems(ctx context.Context, fr feed.Reader, rep *Report) error {
	norm := r.startNormaliser()
	defer norm.stop()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		it, err := fr.Next()
		if err == io.EOF {
			return norm.finish()
		}
		var row *feed.RowError
		if errors.As(err, &row) {
			rep.Read++
			if row.Item != "" {
				if _, _, _, _, err := r.see(row.Item, row.Line, true); err != nil {
					return err
				}
			}
			rep.reject(RowError{Line: row.Line, Item: row.Item, Reason: row.Reason})
			continue
		}
		if err != nil {
			return err
		}
		rep.Read++
		k, known, first, dup, err := r.see(it.ID, it.Line, false)
		if err != nil {
			return err
		}
		if dup {
			rep.reject(RowError{Line: it.Line, Item: it.ID, Reason: fmt.Sprintf("duplicate id (first at line %d)", first)})
			continue
		}
		var h uint64
		if r.hasher != nil {
			h = r.hasher.hash(it, r.at)
			if known && !k.Gone && k.FeedHash == h {
				r.skipped = append(r.skipped, k.ID)
				continue
			}
		}
		if err := norm.add(it, h); err != nil {
			return err
		}
	}
}

// batchCounts is what one batch did, added to the report only once it has committed.
type batchCounts struct {
	new, changed, unchanged int
	badGTINs                int                // GTIN values refused as keys (invalid or not global)
	conflicts               []identityConflict // items whose keys name two products
	collided                []int64            // products whose key registration found a key taken
}

// write stores one batch in one transaction: products, offers, price history, sale events and
// the change log. Only what differs from the stored state is written.
func (r *run) write(ctx context.Context, batch []listing, rep *Report) error {
	r.batches++
	var counts batchCounts
	newBrands := map[string]catalog.Brand{}
	newCategories := map[string]int64{}
	err := r.writer.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
		counts = batchCounts{}
		clear(newBrands)
		clear(newCategories)
		w := batchWriter{run: r, tx: tx, newBrands: newBrands, newCategories: newCategories}
		var err error
		if counts, err = w.write(ctx, batch); err != nil {
			return err
		}
		return r.beforeCommit()
	})
	if err != nil {
		// Batches run in item id order, not feed order: name the ids they span.
		return fmt.Errorf("write batch %d (item ids %q to %q): %w", r.batches, batch[0].offer.ItemID, batch[len(batch)-1].offer.ItemID, err)
	}
	for k, v := range newBrands {
		r.brands[k] = v
	}
	for k, v := range newCategories {
		r.categories[k] = v
	}
	rep.New += counts.new
	rep.Changed += counts.changed
	rep.Unchanged += counts.unchanged
	r.badGTINs += counts.badGTINs
	r.conflicts += len(counts.conflicts)
	r.collided = append(r.collided, counts.collided...)
	for _, c := range counts.conflicts {
		if len(r.conflictSamples) < maxConflictSamples {
			r.conflictSamples = append(r.conflictSamples, c)
		}
	}
	return nil
}

// beforeCommit calls the test hook (Importer.beforeCommit), if any, with the number of the
// transaction about to commit.
func (r *run) beforeCommit() error {
	if r.im.beforeCommit != nil {
		return r.im.beforeCommit(r.batches)
	}
	return nil
}

// brand resolves a feed's brand name through the run's cache, then the store.
func (w *batchWriter) brand(ctx context.Context, name string) (catalog.Brand, error) {
	if name == "" {
		return catalog.Brand{}, nil
	}
	if b, ok := w.run.brands[name]; ok {
		return b, nil
	}
	if b, ok := w.newBrands[name]; ok {
		return b, nil
	}
	if catalog.Slug(name) == "" { // "---": no brand rather than an error
		w.newBrands[name] = catalog.Brand{}
		return catalog.Brand{}, nil
	}
	b, err := w.tx.EnsureBrand(ctx, name)
	if err != nil {
		return catalog.Brand{}, err
	}
	w.newBrands[name] = b
	return b, nil
}

func (w *batchWriter) category(ctx context.Context, path []string) (int64, error) {
	if len(path) == 0 {
		return 0, nil
	}
	key := strings.Join(path, " > ")
	if id, ok := w.run.categories[key]; ok {
		return id, nil
	}
	if id, ok := w.newCategories[key]; ok {
		return id, nil
	}
	id, err := w.tx.EnsureCategory(ctx, path)
	if err != nil {
		return 0, err
	}
	w.newCategories[key] = id
	return id, nil
}
