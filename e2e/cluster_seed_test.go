package e2e_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// The cluster test's catalogue: clusterBrands brands of clusterItemsPerBrand one-size bags,
// every one on sale and in stock, so each shopper's digest is never empty (one-size offers
// match whatever sizes a shopper wears) and stays small.
const (
	clusterBrands        = 20
	clusterItemsPerBrand = 3
	clusterRetailer      = "Cluster Shop"
	clusterBrandPrefix   = "Cluster Brand"
	// clusterShopperDomain is the domain of every seeded shopper's address (.test never
	// receives mail).
	clusterShopperDomain = "cluster.test"
)

// feedItem is one offer of a feed the cluster test writes.
type feedItem struct {
	id, title, brand string
	price, sale      string // "300.00"
}

// writeFeed writes a Google Merchant Center feed of one-size bags in euros.
func writeFeed(t *testing.T, dir, name string, items []feedItem) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>cluster</title>` + "\n")
	esc := func(s string) string {
		var w strings.Builder
		_ = xml.EscapeText(&w, []byte(s))
		return w.String()
	}
	for _, it := range items {
		fmt.Fprintf(&b, "<item><g:id>%s</g:id><g:title>%s</g:title><g:brand>%s</g:brand>"+
			"<g:link>https://shop.example.com/p/%s</g:link><g:image_link>https://shop.example.com/i/%s.jpg</g:image_link>"+
			"<g:price>%s EUR</g:price><g:sale_price>%s EUR</g:sale_price><g:availability>in stock</g:availability>"+
			"<g:google_product_category>Apparel &amp; Accessories &gt; Handbags, Wallets &amp; Cases &gt; Handbags</g:google_product_category>"+
			"<g:color>Black</g:color><g:size>One Size</g:size><g:gender>female</g:gender></item>\n",
			esc(it.id), esc(it.title), esc(it.brand), esc(it.id), esc(it.id), it.price, it.sale)
	}
	b.WriteString("</channel></rss>\n")
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// clusterCatalogue is the feed every digest draws from.
func clusterCatalogue() []feedItem {
	var items []feedItem
	for b := range clusterBrands {
		for i := range clusterItemsPerBrand {
			items = append(items, feedItem{id: fmt.Sprintf("CB-%02d-%d", b, i),
				title: fmt.Sprintf("Leather Tote %d", i+1), brand: fmt.Sprintf("%s %02d", clusterBrandPrefix, b),
				price: fmt.Sprintf("%d.00", 400+10*i), sale: fmt.Sprintf("%d.00", 200+10*i)})
		}
	}
	return items
}

// seedShoppers writes n shoppers straight into the database with three statements (PostgreSQL's
// generate_series): confirmed addresses, daily digests due from midnight UTC (so today's slot has
// started whenever the test runs), questionable discounts shown, and one followed brand each,
// shopper i following brand i mod clusterBrands. A user-facing path (sign-up, preferences form)
// would cost one request per shopper; the digest run reads these rows exactly as it reads those.
func seedShoppers(ctx context.Context, db *store.DB, n int) error {
	now := time.Now().UnixMilli()
	domain := "%@" + clusterShopperDomain
	for _, st := range []struct {
		what string
		sql  string
		args []any
	}{
		{"users", `INSERT INTO users (email, email_verified_at, created_at, updated_at)
			SELECT 'shopper' || g || '@` + clusterShopperDomain + `', $1, $1, $1 FROM generate_series(1, $2::bigint) g`, []any{now, n}},
		{"preferences", `INSERT INTO preferences (user_id, currency, hide_questionable, frequency, digest_hour, time_zone, updated_at)
			SELECT id, 'EUR', 0, 'daily', 0, 'UTC', $1 FROM users WHERE email LIKE $2`, []any{now, domain}},
		{"preference_brands", `INSERT INTO preference_brands (user_id, brand_id)
			SELECT u.id, b.id FROM users u
			JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM brands WHERE name LIKE $1) b ON b.k = u.id % $2
			WHERE u.email LIKE $3`, []any{clusterBrandPrefix + " %", clusterBrands, domain}},
	} {
		if _, err := db.SQL().ExecContext(ctx, st.sql, st.args...); err != nil {
			return fmt.Errorf("seed %s: %w", st.what, err)
		}
	}
	var followed int
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(DISTINCT user_id) FROM preference_brands`).Scan(&followed); err != nil {
		return err
	}
	if followed != n {
		return fmt.Errorf("seed: %d shoppers follow a brand, want %d (are the %d %q brands imported?)", followed, n, clusterBrands, clusterBrandPrefix)
	}
	return nil
}
