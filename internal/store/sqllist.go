package store

import (
	"database/sql"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// unixMS is how times are stored: Unix milliseconds, UTC.
func unixMS(t time.Time) int64 { return t.UnixMilli() }

// nullID stores 0 as NULL, for optional references.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// placeholders writes bind parameters for generated multi-row statements. PostgreSQL gets $N.
// SQLite gets plain "?": it treats $N as a *named* parameter and resolves each name with a
// linear search, which makes a 7,000-parameter statement spend seconds in the parser; "?" is
// positional and free. Statements built with it must bind their arguments in textual order.
type placeholders struct{ positional bool }

func (db *DB) placeholders() placeholders { return placeholders{positional: db.dialect == SQLite} }

// sql rewrites a fixed statement's $1, $2, … for the dialect (they must appear in order).
func (p placeholders) sql(s string) string {
	if !p.positional {
		return s
	}
	return dollarParam.ReplaceAllString(s, "?")
}

var dollarParam = regexp.MustCompile(`\$[0-9]+`)

// valueRows writes the VALUES list of a multi-row statement: rows groups of cols placeholders,
// numbered from first ("($1,$2),($3,$4)").
func (p placeholders) valueRows(rows, cols, first int) string {
	var b strings.Builder
	b.Grow(rows * cols * 5)
	n := first
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteByte(',')
			}
			if p.positional {
				b.WriteByte('?')
				n++
				continue
			}
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			n++
		}
		b.WriteByte(')')
	}
	return b.String()
}

// inList writes "$first,…" for n values of an IN (…) list.
func (p placeholders) inList(n, first int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		if p.positional {
			b.WriteByte('?')
			continue
		}
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(first + i))
	}
	return b.String()
}

// maxRowsPerStatement keeps multi-row statements well inside both databases' limits on bound
// parameters (SQLite 32766, PostgreSQL 65535) whatever batch size a caller picks.
const maxRowsPerStatement = 1000
