-- +goose Up
-- The trends page (docs/trends.md): weekly counts of products first listed, and of products
-- that went on sale, per term (title phrase, colour, material, category, brand), kept
-- incrementally by the trends job from the change log. trend_product_terms and trend_marks are
-- what each product was last counted as (its terms; its "new" and "sale" weeks), so a product
-- that changes is taken out of the counts it was in and put into its new ones: the counts are
-- always the sum over products of what they are now. trend_state holds the change log cursor (change_seq)
-- (-1: never computed) and the week of the stored rankings, and is the row every trends
-- transaction locks first.
-- Weeks are the Unix milliseconds of their Monday 00:00 UTC (ISO weeks).
-- Keep this file and postgres/00014_trends.sql in step.

CREATE TABLE trend_state (
    id            INTEGER PRIMARY KEY,
    change_seq    INTEGER NOT NULL,
    ranked_week   INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
INSERT INTO trend_state (id, change_seq, ranked_week, updated_at) VALUES (1, -1, -1, 0);

CREATE TABLE trend_terms (
    term          TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    label         TEXT NOT NULL,
    value         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE trend_product_terms (
    product_id    INTEGER NOT NULL,
    term          TEXT NOT NULL,
    PRIMARY KEY (product_id, term)
);

CREATE TABLE trend_marks (
    product_id    INTEGER NOT NULL,
    list          TEXT NOT NULL,
    week          INTEGER NOT NULL,
    PRIMARY KEY (product_id, list, week)
);

CREATE TABLE trend_counts (
    list          TEXT NOT NULL,
    week          INTEGER NOT NULL,
    term          TEXT NOT NULL,
    count         INTEGER NOT NULL,
    PRIMARY KEY (list, week, term)
);
CREATE INDEX trend_counts_term ON trend_counts(list, term, week);

-- The ranked lists the page shows, made by the job for the week in trend_state.ranked_week
-- (-1: none yet) so a page view reads a few rows instead of ranking every term. counts are
-- the term's weekly counts, oldest first, comma-separated.
CREATE TABLE trend_rankings (
    list          TEXT NOT NULL,
    position      INTEGER NOT NULL,
    term          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    label         TEXT NOT NULL,
    value         TEXT NOT NULL,
    counts        TEXT NOT NULL,
    base          REAL NOT NULL,
    score         REAL NOT NULL,
    PRIMARY KEY (list, position)
);

-- +goose Down
SELECT 'down migrations are not supported';
