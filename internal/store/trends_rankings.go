package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/trends"
)

// TrendSeries returns list's series of trends.SeriesWeeks weekly counts ending with the week
// starting at last, for the terms with at least trends.DefaultMinSupport products in it: what
// trends.Rank ranks.
func (db *DB) TrendSeries(ctx context.Context, list string, last time.Time) ([]trends.Series, error) {
	weeks := trends.Weeks(last, trends.SeriesWeeks)
	cells, err := db.TrendWeeks(ctx, list, weeks[0], last, trends.DefaultMinSupport)
	if err != nil {
		return nil, err
	}
	var out []trends.Series
	at := map[string]int{}
	for _, c := range cells {
		i, ok := at[c.Term.Key]
		if !ok {
			i = len(out)
			at[c.Term.Key] = i
			out = append(out, trends.Series{Term: c.Term, Counts: make([]int, len(weeks))})
		}
		if k := int(c.Week.Sub(weeks[0]) / (7 * 24 * time.Hour)); k >= 0 && k < len(weeks) {
			out[i].Counts[k] = c.Count
		}
	}
	return out, nil
}

// SaveTrendRankings stores the ranked lists for the week starting at week, replacing the
// ones stored before, in one transaction.
func (db *DB) SaveTrendRankings(ctx context.Context, week time.Time, lists map[string][]trends.Ranked) error {
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		if err := lockTrends(ctx, tx, db.nowMS()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM trend_rankings`); err != nil {
			return err
		}
		var rows [][]any
		for list, ranked := range lists {
			for i, r := range ranked {
				counts := make([]string, len(r.Counts))
				for k, c := range r.Counts {
					counts[k] = strconv.Itoa(c)
				}
				rows = append(rows, []any{list, i + 1, r.Term.Key, string(r.Term.Kind), r.Term.Label, r.Term.Value,
					strings.Join(counts, ","), r.Base, r.Score})
			}
		}
		if err := insertRows(ctx, tx, db.placeholders(), `INSERT INTO trend_rankings
			(list, position, term, kind, label, value, counts, base, score) VALUES `, "", rows); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE trend_state SET ranked_week = $1 WHERE id = 1`, unixMS(week))
		return err
	})
	if err != nil {
		return fmt.Errorf("save trend rankings: %w", err)
	}
	return nil
}

// TrendRankings returns list's stored ranking, best first, if the stored rankings are for
// the week starting at week; ok is false when they are not (none yet, or an older week).
func (db *DB) TrendRankings(ctx context.Context, list string, week time.Time) (ranked []trends.Ranked, ok bool, err error) {
	var stored int64
	if err := db.sql.QueryRowContext(ctx, `SELECT ranked_week FROM trend_state WHERE id = 1`).Scan(&stored); err != nil {
		return nil, false, fmt.Errorf("trend rankings: %w", err)
	}
	if stored != unixMS(week) {
		return nil, false, nil
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT term, kind, label, value, counts, base, score FROM trend_rankings
		WHERE list = $1 ORDER BY position`, list)
	if err != nil {
		return nil, false, fmt.Errorf("trend rankings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r trends.Ranked
		var kind, counts string
		if err := rows.Scan(&r.Term.Key, &kind, &r.Term.Label, &r.Term.Value, &counts, &r.Base, &r.Score); err != nil {
			return nil, false, fmt.Errorf("trend rankings: %w", err)
		}
		r.Term.Kind = trends.Kind(kind)
		for _, f := range strings.Split(counts, ",") {
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil, false, fmt.Errorf("trend rankings: counts %q: %w", counts, err)
			}
			r.Counts = append(r.Counts, n)
		}
		r.Current = r.Counts[len(r.Counts)-1]
		ranked = append(ranked, r)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("trend rankings: %w", err)
	}
	return ranked, true, nil
}
