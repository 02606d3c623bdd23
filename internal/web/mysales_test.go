package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// mySalesPrefs follows half the fixture's brands in sizes seed stocks.
func mySalesPrefs(uid int64) account.Preferences {
	return account.Preferences{UserID: uid, Brands: []string{"Jacquemus", "Ganni", "Toteme", "Khaite", "Bottega Veneta", "Loewe"},
		Sizes: []account.SizePref{{Kind: "shoes", System: "EU", Value: "38"}, {Kind: "tops", System: "letter", Value: "M"},
			{Kind: "dresses", System: "EU", Value: "36"}},
		Currency: "EUR", Frequency: account.Daily, DigestHour: 8, TimeZone: "UTC"}
}

// productLinks are the product ids the page's sale cards link to, in order.
func saleCards(doc *html.Node) []*html.Node { return findAll(doc, class("sale-item")) }

func cardProductID(tb testing.TB, card *html.Node) int64 {
	tb.Helper()
	links := findAll(card, tag("a"))
	if len(links) == 0 {
		tb.Fatal("a sale card without a link")
	}
	href, _ := attr(links[0], "href")
	id, err := strconv.ParseInt(strings.TrimPrefix(href, "/products/"), 10, 64)
	if err != nil {
		tb.Fatalf("card links to %q", href)
	}
	return id
}

func TestMySales(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		seed(t, db)
		seedKinds(t, db)
		ts, ix := newPrefsSite(t, db)
		session, uid := shopper(t, db, "ada@example.com")
		prefs := mySalesPrefs(uid)
		if err := db.SavePreferences(ctx, prefs); err != nil {
			t.Fatal(err)
		}
		want := alerts.Match(ix, prefs, nil, time.Now(), 60)
		if len(want) < 4 {
			t.Fatalf("the fixture gives only %d matches; the test needs more", len(want))
		}
		if !slices.ContainsFunc(want, func(it alerts.Item) bool { return it.Size != "One size" }) {
			t.Fatal("no sized item matches; the test would not show sizes")
		}

		// Mark the best item as sent at today's price: the digest would leave it out, the live
		// page must not.
		sentOffer := want[0].OfferID
		exec(t, db, `INSERT INTO sent_items (user_id, offer_id, price, sent_at) VALUES ($1, $2, $3, $4)`, uid, sentOffer, want[0].Price, time.Now().UnixMilli())
		sent, err := db.SentItems(ctx, uid)
		if err != nil {
			t.Fatal(err)
		}
		if digest := alerts.Match(ix, prefs, sent, time.Now(), 60); slices.ContainsFunc(digest, func(it alerts.Item) bool { return it.OfferID == sentOffer }) {
			t.Fatal("the sent item is still in the digest; the sent-history part of this test proves nothing")
		}

		doc := getAs(t, ts, "/my-sales", session, http.StatusOK)
		checkPageBasics(t, doc)
		cards := saleCards(doc)
		if len(cards) != len(want) {
			t.Fatalf("%d cards, want the %d items the matcher finds", len(cards), len(want))
		}
		images, err := db.ProductImages(ctx, []int64{want[0].ProductID})
		if err != nil {
			t.Fatal(err)
		}
		lowest := 0
		for i, card := range cards {
			it := want[i]
			if id := cardProductID(t, card); id != it.ProductID {
				t.Errorf("card %d is product %d, want %d (the matcher's order)", i, id, it.ProductID)
			}
			body := text(card)
			for _, part := range []string{it.Brand, it.Title, it.Size, it.Retailer, "−" + strconv.Itoa(it.DiscountPct) + "%"} {
				if !strings.Contains(body, part) {
					t.Errorf("card %d (%s) does not show %q: %s", i, it.Title, part, body)
				}
			}
			why := findAll(card, class("why"))
			if len(why) != 1 || !strings.Contains(text(why[0]), it.Reason) {
				t.Errorf("card %d does not say why it matched (%q)", i, it.Reason)
			}
			var low int64
			if err := db.SQL().QueryRow(`SELECT COALESCE(lowest_30d, 0) FROM offers WHERE id = $1`, it.OfferID).Scan(&low); err != nil {
				t.Fatal(err)
			}
			if atLow := low > 0 && it.Price <= low; len(why) == 1 && strings.Contains(text(why[0]), "lowest price in 30 days") != atLow {
				t.Errorf("card %d: price %d, 30-day low %d, but the reason %q", i, it.Price, low, text(why[0]))
			}
			if low > 0 && it.Price <= low {
				lowest++
			}
			if n := len(findAll(card, tag("del"))); n != 1 {
				t.Errorf("card %d shows %d was-prices", i, n)
			}
			imgs := findAll(card, tag("img"))
			if len(imgs) != 1 {
				t.Fatalf("card %d has %d images", i, len(imgs))
			}
			if src, _ := attr(imgs[0], "src"); i == 0 && src != images[it.ProductID] {
				t.Errorf("first card's image is %.60q, want the product's %.60q", src, images[it.ProductID])
			}
		}
		if lowest == 0 {
			t.Error("no card is at its 30-day low: the fixture does not exercise that reason")
		}
		if got := text(byID(doc, "count")); !strings.HasPrefix(got, strconv.Itoa(len(want))+" items match") {
			t.Errorf("count line %q", got)
		}
		if !strings.Contains(text(doc), "already been sent") {
			t.Error("the page does not say it includes items already sent")
		}
	})
}

// TestMySalesEmpty: a shopper who follows nothing is sent to the first-run flow; one whose
// limits exclude everything to the settings; a node without a catalogue answers 503.
func TestMySalesEmpty(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	seed(t, db)
	seedKinds(t, db)
	ts, _ := newPrefsSite(t, db)

	none, _ := shopper(t, db, "none@example.com")
	doc := getAs(t, ts, "/my-sales", none, http.StatusOK)
	checkPageBasics(t, doc)
	empty := byID(doc, "empty")
	if empty == nil || len(saleCards(doc)) != 0 {
		t.Fatal("a shopper with no brands gets no empty state")
	}
	if !hasLink(empty, "/welcome") {
		t.Error("the no-brands empty state does not lead to /welcome")
	}

	strict, uid := shopper(t, db, "strict@example.com")
	p := mySalesPrefs(uid)
	p.MinDiscountPct = 95
	if err := db.SavePreferences(ctx, p); err != nil {
		t.Fatal(err)
	}
	doc = getAs(t, ts, "/my-sales", strict, http.StatusOK)
	empty = byID(doc, "empty")
	if empty == nil || len(saleCards(doc)) != 0 {
		t.Fatal("a shopper whose limits exclude everything gets no empty state")
	}
	if !hasLink(empty, "/settings") {
		t.Error("the nothing-matches empty state does not lead to /settings")
	}

	noCatalogue := newSite(t, db, web.Config{})
	getAs(t, noCatalogue, "/my-sales", strict, http.StatusServiceUnavailable)
}

func hasLink(n *html.Node, href string) bool {
	return len(findAll(n, func(a *html.Node) bool { h, _ := attr(a, "href"); return a.Data == "a" && h == href })) > 0
}

func TestAPIBrands(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	seedKinds(t, db)
	ts, _ := newPrefsSite(t, db)
	// The catalogue's own counts of products in stock, to check the ranking against.
	counts := map[string]int{}
	rows, err := db.SQL().Query(`SELECT b.name, count(*) FROM products p JOIN brands b ON b.id = p.brand_id
		WHERE EXISTS (SELECT 1 FROM offers o WHERE o.product_id = p.id AND o.availability <> 'out_of_stock') GROUP BY b.name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		counts[name] = n
	}
	rows.Close()

	type answer struct {
		Brands []struct {
			Name     string `json:"name"`
			Products int    `json:"products"`
			URL      string `json:"url"`
		} `json:"brands"`
		Error struct{ Field, Message string } `json:"error"`
	}
	call := func(query url.Values, want int) answer {
		t.Helper()
		resp, err := ts.Client().Get(ts.URL + "/api/v1/brands?" + query.Encode())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != want {
			t.Fatalf("brands?%s: status %d, want %d", query.Encode(), resp.StatusCode, want)
		}
		var a answer
		if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
			t.Fatal(err)
		}
		return a
	}

	top := call(url.Values{}, http.StatusOK)
	if len(top.Brands) != 8 {
		t.Fatalf("%d brands without q, want the default 8", len(top.Brands))
	}
	for i, b := range top.Brands {
		if b.Products != counts[b.Name] {
			t.Errorf("%s: %d products, the catalogue has %d", b.Name, b.Products, counts[b.Name])
		}
		if i > 0 && b.Products > top.Brands[i-1].Products {
			t.Errorf("%s (%d) ranked below %s (%d)", b.Name, b.Products, top.Brands[i-1].Name, top.Brands[i-1].Products)
		}
	}
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	if top.Brands[0].Products != most {
		t.Errorf("first brand has %d products, the most stocked has %d", top.Brands[0].Products, most)
	}

	for q, first := range map[string]string{"gan": "Ganni", "VENETA": "Bottega Veneta", "acnestu": "Acne Studios", "isabel m": "Isabel Marant"} {
		a := call(url.Values{"q": {q}}, http.StatusOK)
		if len(a.Brands) == 0 || a.Brands[0].Name != first {
			t.Errorf("q=%s: %+v, want %s first", q, a.Brands, first)
		} else if a.Brands[0].URL != "/brands/"+strings.ReplaceAll(strings.ToLower(first), " ", "-") {
			t.Errorf("q=%s: url %q", q, a.Brands[0].URL)
		}
	}
	if a := call(url.Values{"q": {"zzzz"}}, http.StatusOK); a.Brands == nil || len(a.Brands) != 0 {
		t.Errorf("q=zzzz: %+v, want an empty list", a.Brands)
	}
	if a := call(url.Values{"limit": {"3"}}, http.StatusOK); len(a.Brands) != 3 {
		t.Errorf("limit=3 gave %d brands", len(a.Brands))
	}
	for _, bad := range []url.Values{{"limit": {"0"}}, {"limit": {"51"}}, {"limit": {"ten"}}, {"q": {strings.Repeat("a", 101)}}} {
		a := call(bad, http.StatusBadRequest)
		if a.Error.Field == "" || a.Error.Message == "" {
			t.Errorf("%s: error %+v does not name the field", bad.Encode(), a.Error)
		}
	}
}
