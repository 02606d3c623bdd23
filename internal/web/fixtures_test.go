package web_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// fixture is what seed put in the database, for tests to point at.
type fixture struct {
	SaleProducts []int64 // on sale, in stock
	FullPrice    int64   // in stock at its regular price
	SoldOut      int64   // every offer out of stock
	Collection   string  // slug of the published collection
	Draft        string  // slug of a draft collection
	Messages     []int64 // outbox rows
	// LowestNow is a product whose current price is its 30-day low; RaisedAgain one that was
	// cheaper ten days ago.
	LowestNow, RaisedAgain int64
}

// exec runs one statement or fails the test.
func exec(tb testing.TB, db *store.DB, q string, args ...any) {
	tb.Helper()
	if _, err := db.SQL().ExecContext(context.Background(), q, args...); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
}

// insertID runs an INSERT … RETURNING id.
func insertID(tb testing.TB, db *store.DB, q string, args ...any) int64 {
	tb.Helper()
	var id int64
	if err := db.SQL().QueryRowContext(context.Background(), q+" RETURNING id", args...).Scan(&id); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return id
}

var fixtureBrands = []string{"Jacquemus", "Ganni", "Toteme", "Khaite", "Bottega Veneta", "Loewe", "Acne Studios",
	"Isabel Marant", "Nanushka", "Staud", "Simon Miller", "Wandler"}

var fixtureItems = []struct{ title, shape, sizes string }{
	{"Le Chiquito mini leather bag", "bag", ""},
	{"Ribbed wool-blend cardigan", "top", "XS S M L"},
	{"Leather ankle boots", "shoe", "37 38 39 40"},
	{"Pleated midi skirt", "dress", "34 36 38"},
	{"Oversized cotton shirt", "top", "S M L"},
	{"Padded leather tote", "bag", ""},
	{"Square-toe slingback pumps", "shoe", "36 37 38 39 41"},
	{"Silk slip dress", "dress", "XS S M"},
	{"Crescent shoulder bag", "bag", ""},
	{"Cropped wool blazer", "top", "34 36 38 40"},
	{"Chunky loafers", "shoe", "38 39 40"},
	{"Knitted maxi dress", "dress", "S M"},
}

var fixtureColours = []string{"#c8553d", "#2d6a4f", "#e9c46a", "#264653", "#b5838d", "#6d597a", "#e76f51", "#8d99ae", "#3a5a40", "#bc6c25"}

// productImage draws a simple flat product picture as an SVG data: URL, so fixture pages have
// varied, real images without files.
func productImage(shape, colour string) string {
	var body string
	switch shape {
	case "bag":
		body = `<path d="M130 250h220l26 230H104z" fill="` + colour + `"/><path d="M180 250v-30a60 60 0 0 1 120 0v30" fill="none" stroke="` + colour + `" stroke-width="16"/>`
	case "shoe":
		body = `<path d="M90 380c60 0 110-40 150-90l40 10c10 40 60 60 110 70v60H90z" fill="` + colour + `"/><rect x="90" y="430" width="300" height="16" fill="#1d1b1a" opacity=".5"/>`
	case "dress":
		body = `<path d="M200 120h80l10 80 70 300H120l70-300z" fill="` + colour + `"/>`
	default:
		body = `<path d="M150 140l60-20h60l60 20 60 80-50 30-30-30v250H170V220l-30 30-50-30z" fill="` + colour + `"/>`
	}
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 600"><rect width="480" height="600" fill="#f3eee9"/>` + body + `</svg>`
	return "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(svg))
}

// seed fills db with a small, realistic catalogue: 3 retailers, 12 brands, 30 products on sale
// with sizes and 60 days of price history, one at full price, one sold out, a published
// collection, a draft one, and two outbox messages.
func seed(tb testing.TB, db *store.DB) fixture {
	tb.Helper()
	now := time.Now()
	ms := func(daysAgo int) int64 { return now.Add(-time.Duration(daysAgo) * 24 * time.Hour).UnixMilli() }
	var f fixture

	var retailers []int64
	for _, r := range []string{"Atelier Row", "Maison Markdown", "North & Tailor"} {
		retailers = append(retailers, insertID(tb, db, `INSERT INTO retailers (slug, name, website, currency, created_at) VALUES ($1, $2, $3, 'EUR', $4)`,
			fmt.Sprintf("r%d", len(retailers)+1), r, "https://example.com/"+fmt.Sprint(len(retailers)+1), ms(90)))
	}
	var brands []int64
	for i, b := range fixtureBrands {
		brands = append(brands, insertID(tb, db, `INSERT INTO brands (slug, name, created_at) VALUES ($1, $2, $3)`, fmt.Sprintf("b%d", i), b, ms(90)))
	}
	cat := insertID(tb, db, `INSERT INTO categories (slug, name, path) VALUES ('bags', 'Bags', 'Apparel > Bags')`)

	offerN := 0
	// product adds a product with one offer per size at one retailer, and a price history:
	// regular price 60 days ago, then price.
	product := func(i int, regular, price int64, avail string, history [][2]int64) int64 {
		item := fixtureItems[i%len(fixtureItems)]
		brand := brands[i%len(brands)]
		id := insertID(tb, db, `INSERT INTO products (product_key, brand_id, category_id, title, description, color, material, image_url, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
			fmt.Sprintf("k%d", i), brand, cat, item.title, "A wardrobe piece cut for years of wear.", "Ecru", "Leather",
			productImage(item.shape, fixtureColours[i%len(fixtureColours)]), ms(60))
		sizes := []string{""}
		if item.sizes != "" {
			sizes = strings.Fields(item.sizes)
		}
		ret := retailers[i%len(retailers)]
		for j, size := range sizes {
			offerN++
			a := avail
			if avail == "in_stock" && j == 1 {
				a = "out_of_stock" // one size sold out: it must not be listed as in stock
			}
			oid := insertID(tb, db, `INSERT INTO offers (retailer_id, product_id, item_id, url, size, currency, price, regular_price, availability,
				first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'EUR', $6, $7, $8, $9, $10, $10)`,
				ret, id, fmt.Sprintf("item-%d", offerN), fmt.Sprintf("https://example.com/p/%d?size=%s", offerN, size), size,
				price, regular, a, ms(60), ms(0))
			for _, h := range history {
				exec(tb, db, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability) VALUES ($1, $2, $3, $4, $5)`,
					oid, ms(int(h[0])), h[1], regular, "in_stock")
			}
		}
		return id
	}
	for i := range 30 {
		regular := int64(20000 + (i*3700)%90000)
		price := regular * int64(90-(i*7)%60) / 100
		price -= price % 100
		hist := [][2]int64{{60, regular}, {20, price}}
		pid := product(i, regular, price, "in_stock", hist)
		if i == 3 {
			// Cheaper ten days ago, raised since: today's price is not the 30-day low.
			hist := [][2]int64{{10, price - 5000}, {5, price}}
			rows, err := db.SQL().Query(`SELECT id FROM offers WHERE product_id = $1`, pid)
			if err != nil {
				tb.Fatal(err)
			}
			var ids []int64
			for rows.Next() {
				var oid int64
				_ = rows.Scan(&oid)
				ids = append(ids, oid)
			}
			rows.Close()
			for _, oid := range ids {
				for _, h := range hist {
					exec(tb, db, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability) VALUES ($1, $2, $3, $4, 'in_stock')`,
						oid, ms(int(h[0])), h[1], regular)
				}
			}
			f.RaisedAgain = pid
		}
		if i == 0 {
			f.LowestNow = pid
		}
		f.SaleProducts = append(f.SaleProducts, pid)
	}
	f.FullPrice = product(30, 45000, 45000, "in_stock", [][2]int64{{40, 45000}})
	f.SoldOut = product(31, 98000, 49000, "out_of_stock", [][2]int64{{40, 98000}, {12, 49000}})
	// Pages read the figures the importer keeps beside each offer (30-day low, questionable);
	// these rows were written with plain SQL, so derive them as the importer does.
	if _, err := db.RefreshOfferFigures(context.Background(), 0, now); err != nil {
		tb.Fatal(err)
	}

	f.Collection = "the-micro-bags"
	cid := insertID(tb, db, `INSERT INTO collections (slug, title, cover_image, intro_md, status, publish_at, created_at, updated_at)
		VALUES ($1, $2, $3, $4, 'published', $5, $5, $5)`, f.Collection, "The Micro Bags of the Season",
		productImage("bag", "#e9c46a"),
		"Small is *still* the point. Six tiny bags that hold a phone, a card and **nothing else**, most of them now marked down.\n\nRead on for the [details](https://example.com/edit).", ms(3))
	for pos, pid := range []int64{f.SaleProducts[0], f.SaleProducts[5], f.SoldOut, f.FullPrice, f.SaleProducts[8], f.SaleProducts[12]} {
		exec(tb, db, `INSERT INTO collection_items (collection_id, position, product_id, blurb) VALUES ($1, $2, $3, $4)`,
			cid, pos+1, pid, "Our pick: the proportions are right and the leather ages well.")
	}
	f.Draft = "unfinished-edit"
	exec(tb, db, `INSERT INTO collections (slug, title, status, created_at, updated_at) VALUES ($1, 'Not yet', 'draft', $2, $2)`, f.Draft, ms(1))

	for i, subj := range []string{"Your tagdrop sign-in link", "3 new sales in your size"} {
		f.Messages = append(f.Messages, insertID(tb, db, `INSERT INTO messages (kind, message_id, to_addr, subject, text_body, html_body, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, []string{"signin", "digest"}[i], fmt.Sprintf("<m%d@tagdrop.test>", i),
			"ada@example.com", subj, "Hello Ada,\n\nHere is what changed.\n", `<p style="color:#b63a0b">Hello <b>Ada</b></p>`, ms(0)-int64(i)))
	}
	return f
}
