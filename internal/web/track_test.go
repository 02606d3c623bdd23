package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// unconfirmedClient is a signed-in shopper who has not confirmed their address.
func unconfirmedClient(tb testing.TB, db *store.DB, ts *httptest.Server, email string) *lovesClient {
	tb.Helper()
	ctx := context.Background()
	u, err := db.CreateUser(ctx, email, account.Shopper, "", false)
	if err != nil {
		tb.Fatal(err)
	}
	token, hash, err := account.NewSessionToken()
	if err != nil {
		tb.Fatal(err)
	}
	if err := db.CreateSession(ctx, hash, u.ID, time.Now().Add(time.Hour)); err != nil {
		tb.Fatal(err)
	}
	return &lovesClient{tb: tb, ts: ts, session: &http.Cookie{Name: "tagdrop_session", Value: token}, user: u}
}

// TestTrackLimits: an unconfirmed address, the per-shopper rate and the tracked-page cap are
// refused with a message saying what to do, and save nothing.
func TestTrackLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		shop := newLovesShop(t)
		ts := newSite(t, db, web.Config{Tracker: lovesPageImporter(db, true)})

		eve := unconfirmedClient(t, db, ts, "eve@example.com")
		_, _, doc := eve.do(http.MethodGet, "/track", nil)
		if href, _ := attr(byID(doc, "track-confirm").FirstChild.NextSibling, "href"); href != "/account" {
			t.Errorf("the track page does not link an unconfirmed shopper to /account: %q", text(byID(doc, "track-confirm")))
		}
		status, _, doc := eve.post("/track", url.Values{"url": {shop.URL + "/coat"}})
		if got := text(byID(doc, "track-error")); status != http.StatusForbidden || !strings.Contains(got, "Confirm your e-mail address") {
			t.Errorf("unconfirmed: %d %q, want 403 asking to confirm the address", status, got)
		}
		if n, _ := db.CountRows(ctx, "products"); n != 0 {
			t.Errorf("%d products after an unconfirmed shopper's track, want none (nothing fetched)", n)
		}

		// The rate: ten fetches in the window, whatever their outcome, then 429.
		ada := newLovesClient(t, db, ts, "ada@example.com")
		for i := range 10 {
			if status, _, _ := ada.post("/track", url.Values{"url": {shop.URL + "/about"}}); status != http.StatusBadRequest {
				t.Fatalf("attempt %d: %d, want 400 (not a product page)", i+1, status)
			}
		}
		status, _, doc = ada.post("/track", url.Values{"url": {shop.URL + "/coat"}})
		if got := text(byID(doc, "track-error")); status != http.StatusTooManyRequests || !strings.Contains(got, "try again in") {
			t.Errorf("11th attempt: %d %q, want 429 with when to try again", status, got)
		}
		if n, _ := db.CountRows(ctx, "products"); n != 0 {
			t.Errorf("%d products after the rate refusal, want none", n)
		}

		// The cap: bob tracks store.MaxTrackedPages pages already.
		bob := newLovesClient(t, db, ts, "bob@example.com")
		if status, _, _ := bob.post("/track", url.Values{"url": {shop.URL + "/coat"}}); status != http.StatusSeeOther {
			t.Fatalf("bob's first track: %d", status)
		}
		pages, err := db.TrackedPages(ctx, bob.user.ID)
		if err != nil || len(pages) != 1 {
			t.Fatalf("bob's pages = %+v (%v)", pages, err)
		}
		for i := 1; i < store.MaxTrackedPages; i++ {
			if _, _, err := db.TrackPage(ctx, fmt.Sprintf("%s/coat?v=%d", shop.URL, i), store.Love{UserID: bob.user.ID, ProductID: pages[0].ProductID},
				time.Now().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		status, _, doc = bob.post("/track", url.Values{"url": {shop.URL + "/coat?v=new"}})
		if got := text(byID(doc, "track-error")); status != http.StatusConflict || !strings.Contains(got, fmt.Sprintf("You track %d product pages", store.MaxTrackedPages)) {
			t.Errorf("past the cap: %d %q, want 409 naming the cap", status, got)
		}
		// The page already tracked is not a new one.
		if status, _, _ := bob.post("/track", url.Values{"url": {shop.URL + "/coat"}}); status != http.StatusSeeOther {
			t.Errorf("tracking a tracked page again at the cap: %d, want 303", status)
		}
		if pages, _ := db.TrackedPages(ctx, bob.user.ID); len(pages) != store.MaxTrackedPages {
			t.Errorf("%d pages, want %d", len(pages), store.MaxTrackedPages)
		}
	})
}

// TestTrackBusy: with every fetch slot taken, one more /track is answered 503 at once.
func TestTrackBusy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		arrived := make(chan struct{}, 8)
		release := make(chan struct{})
		slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			arrived <- struct{}{}
			<-release
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, lovesShopPage(19900))
		}))
		defer slow.Close()
		// All four fetches go to one test host: lift the client's per-host cap above the slots.
		client := fetch.New(fetch.Config{Timeout: time.Minute, PerHostConcurrency: 8,
			Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
		ts := newSite(t, db, web.Config{Tracker: ingest.NewPageImporter(ingest.New(db, nil), db, client)})

		var wg sync.WaitGroup
		statuses := make([]int, 4)
		for i := range 4 {
			c := newLovesClient(t, db, ts, "s"+strconv.Itoa(i)+"@example.com")
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i], _, _ = c.post("/track", url.Values{"url": {slow.URL + "/coat"}})
			}()
		}
		for range 4 {
			<-arrived // every slot is fetching now
		}
		late := newLovesClient(t, db, ts, "late@example.com")
		status, _, doc := late.post("/track", url.Values{"url": {slow.URL + "/coat"}})
		close(release)
		wg.Wait()
		if got := text(byID(doc, "track-error")); status != http.StatusServiceUnavailable || !strings.Contains(got, "try again in a minute") {
			t.Errorf("fifth concurrent track: %d %q, want 503 asking to try again", status, got)
		}
		// The four had slots: each was fetched (imports of one shop racing each other may be
		// told "was just imported", a 400; none is turned away as busy).
		for i, s := range statuses {
			if s != http.StatusSeeOther && s != http.StatusBadRequest {
				t.Errorf("track %d: %d, want 303 (or 400 for a racing import)", i, s)
			}
		}
		// The slots are free again.
		if status, _, _ := late.post("/track", url.Values{"url": {slow.URL + "/coat"}}); status != http.StatusSeeOther {
			t.Errorf("after the others finished: %d, want 303", status)
		}
	})
}

// TestTrackWhileShopImported: while another import of the page's shop runs, /track answers 503
// asking to try again, not a generic error.
func TestTrackWhileShopImported(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, lovesShopPage(19900))
		}))
		defer shop.Close()
		client := fetch.New(fetch.Config{Timeout: time.Minute, Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
		ts := newSite(t, db, web.Config{Tracker: ingest.NewPageImporter(ingest.New(db, nil), db, client)})
		ctx := context.Background()
		r, err := db.EnsureTrackedRetailer(ctx, "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.StartFeedRun(ctx, r.ID, "by-hand.xml", "gmc-xml", time.Now()); err != nil {
			t.Fatal(err)
		}
		c := newLovesClient(t, db, ts, "ada@example.com")
		status, _, doc := c.post("/track", url.Values{"url": {shop.URL + "/coat"}})
		if got := text(byID(doc, "track-error")); status != http.StatusServiceUnavailable || !strings.Contains(got, "being imported") {
			t.Errorf("track while the shop is imported: %d %q, want 503 saying so", status, got)
		}
	})
}

// TestTrackedProductPrivate: the tracked product's page shows its offers to the shopper who
// tracked it and to no one else, until an admin lists the host on /admin/retailers.
func TestTrackedProductPrivate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		shop := newLovesShop(t)
		ts := newSite(t, db, web.Config{Tracker: lovesPageImporter(db, true)})
		ada := newLovesClient(t, db, ts, "ada@example.com")
		bob := newLovesClient(t, db, ts, "bob@example.com")
		anon := newLovesClient(t, db, ts, "")
		if status, _, _ := ada.post("/track", url.Values{"url": {shop.URL + "/coat"}}); status != http.StatusSeeOther {
			t.Fatalf("track: %d", status)
		}
		loves, err := db.UserLoves(ctx, ada.user.ID)
		if err != nil || len(loves) != 1 {
			t.Fatalf("loves = %+v (%v)", loves, err)
		}
		path := "/products/" + strconv.FormatInt(loves[0].ProductID, 10)
		if status, _, doc := ada.do(http.MethodGet, path, nil); status != http.StatusOK || !strings.Contains(text(doc), "€199") {
			t.Errorf("ada's product page: %d, want 200 with the price", status)
		}
		for name, c := range map[string]*lovesClient{"bob": bob, "signed out": anon} {
			if status, _, _ := c.do(http.MethodGet, path, nil); status != http.StatusNotFound {
				t.Errorf("%s: product page %d, want 404", name, status)
			}
		}
		// Bob cannot love it by its id either.
		if status, _, _ := bob.post("/loves", url.Values{"product": {strconv.FormatInt(loves[0].ProductID, 10)}}); status != http.StatusNotFound {
			t.Errorf("bob loving the unlisted product: %d, want 404", status)
		}

		// Admins only.
		if status, _, _ := ada.do(http.MethodGet, "/admin/retailers", nil); status != http.StatusNotFound {
			t.Errorf("a shopper on /admin/retailers: %d, want 404", status)
		}
		admin := &lovesClient{tb: t, ts: ts, session: sessionFor(t, db, "admin@example.com", account.Admin)}
		shops, err := db.TrackedRetailers(ctx)
		if err != nil || len(shops) != 1 {
			t.Fatalf("tracked shops = %+v (%v)", shops, err)
		}
		listPath := fmt.Sprintf("/admin/retailers/%d/listed", shops[0].ID)
		if status, _, _ := ada.post(listPath, url.Values{"listed": {"1"}}); status != http.StatusNotFound {
			t.Errorf("a shopper listing a shop: %d, want 404", status)
		}
		status, _, doc := admin.do(http.MethodGet, "/admin/retailers", nil)
		row := text(byID(doc, fmt.Sprintf("retailer-%d", shops[0].ID)))
		if status != http.StatusOK || !strings.Contains(row, "127.0.0.1") || !strings.Contains(row, "Unlisted") || !strings.Contains(row, "1 product") {
			t.Errorf("admin page: %d, row %q", status, row)
		}
		checkPageBasics(t, doc)
		status, loc, _ := admin.post(listPath, url.Values{"listed": {"1"}})
		if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/retailers?done=") {
			t.Fatalf("listing: %d to %q", status, loc)
		}
		if _, _, doc := admin.do(http.MethodGet, loc, nil); !strings.Contains(text(doc), "127.0.0.1 is listed") {
			t.Errorf("after listing the page says %q", text(doc))
		}
		if status, _, _ := bob.do(http.MethodGet, path, nil); status != http.StatusOK {
			t.Errorf("bob after listing: %d, want 200", status)
		}
		if status, _, _ := admin.post(listPath, url.Values{"listed": {"maybe"}}); status != http.StatusBadRequest {
			t.Errorf("listed=maybe: %d, want 400", status)
		}
	})
}
