package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestDueFiguresUseTheirIndex: with offers_figures_due (retailer_id, figures_until) gone
// (migration 00020), both statements that pick due offers must walk offers_figures_due_at,
// which only due offers satisfy, and not the retailer's whole (retailer_id, item_id) index
// or the whole table: either reads every offer after each import.
func TestDueFiguresUseTheirIndex(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		plans, err := db.DueFiguresPlans(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for i, plan := range plans {
			if !strings.Contains(plan, "offers_figures_due_at") {
				t.Errorf("statement %d is not planned on offers_figures_due_at:\n%s", i, plan)
			}
			for _, bad := range []string{"SCAN offers", "Seq Scan", "offers_retailer_id_item_id_key", "sqlite_autoindex_offers_1", "offers_figures_due "} {
				if strings.Contains(plan+" ", bad) {
					t.Errorf("statement %d's plan uses %q:\n%s", i, bad, plan)
				}
			}
		}
	})
}
