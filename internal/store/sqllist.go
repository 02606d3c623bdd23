package store

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// unixMS is how times are stored: Unix milliseconds, UTC.
func unixMS(t time.Time) int64 { return t.UnixMilli() }

// nullID stores 0 as NULL, for optional references. It is a bare bind value (nil or the
// int64), not an sql.NullInt64: database/sql has no Valuer to call, and a NULL allocates nothing.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

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
// numbered from 1 ("($1,$2),($3,$4)").
func (p placeholders) valueRows(rows, cols int) string {
	return p.sharedRows(rows, nil, cols)
}

// sharedRows writes the VALUES list of a multi-row statement whose rows start with values that
// are the same in every row, bound once as the statement's first parameters: each row is lead,
// parameter numbers 1…k that may repeat but must first appear in order (1, then 2, …), then own
// parameters of the row's own, numbered on from k+1 ("($1,$2,$2,$3,$4),($1,$2,$2,$5,$6)").
// SQLite gets "?N" for the lead and plain "?" for the rest: a numbered parameter is a named one
// to SQLite, found by a linear search when bound, so only the few shared ones may carry a
// number; the first row names ?1…?k before any plain "?", which then numbers on from k+1. The
// text depends only on the shape, so a full part's statement is still prepared once.
func (p placeholders) sharedRows(rows int, lead []int, own int) string {
	k := 0
	for _, n := range lead {
		k = max(k, n)
	}
	var b strings.Builder
	b.Grow(rows * (len(lead)*3 + own*5))
	n := k + 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for i, l := range lead {
			if i > 0 {
				b.WriteByte(',')
			}
			if p.positional {
				b.WriteByte('?')
			} else {
				b.WriteByte('$')
			}
			b.WriteString(strconv.Itoa(l))
		}
		for c := 0; c < own; c++ {
			if c > 0 || len(lead) > 0 {
				b.WriteByte(',')
			}
			if p.positional {
				b.WriteByte('?')
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
