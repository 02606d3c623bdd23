package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Loves: a shopper watches one product in a chosen size and colour, with an optional target
// price, alerts on any drop and on the size coming back, and price protection after buying.
// The product page's form (loves_form.go) creates one; /loves lists them with the price now
// and lets the shopper edit or remove each. Bad input is answered in the page with the field
// named, and nothing is saved.

// lovesView is the loves page.
type lovesView struct {
	page
	Loves   []loveCard
	Saved   []savedCard
	Alerts  []loveAlertLine
	Notice  string
	Tracker bool // /track is available
}

// loveCard is one love on the loves page.
type loveCard struct {
	store.LoveListing
	// Now is the chosen size's best offer now (Known false: no live offer).
	Now alerts.LoveState
	// InStock lists the sizes in stock (of the chosen colour).
	InStock       []string
	TargetReached bool
	// ProtectedUntil is the end of price protection (zero: none).
	ProtectedUntil time.Time
	Tracked        *store.TrackedPage
	Form           loveEditForm
	// Error is a rejected edit of this love: the form stays open with it.
	Error string
	Field string
}

// loveEditForm holds the edit form's values as typed.
type loveEditForm struct {
	Target      string
	BoughtPrice string
	ProtectDays string
	AnyDrop     bool
	BackInStock bool
	Bought      bool
}

// loveAlertLine is one recent alert, in words.
type loveAlertLine struct {
	store.LoveAlertRow
	Text string
}

// lovesNotices are the messages a redirect back to /loves may ask for (never the shopper's
// own input, so a link cannot put words in the page).
var lovesNotices = map[string]string{
	"added":   "Saved to your loves. We'll tell you when it drops.",
	"tracked": "Tracking started: the page is now one of your loves.",
	"updated": "Your love is updated.",
	"removed": "Removed from your loves.",
	"saved":   "Search saved.",
	"unsaved": "Saved search removed.",
}

func (s *Server) lovesPage(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	v, err := s.lovesData(r, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Notice = lovesNotices[r.URL.Query().Get("done")]
	s.render(w, r, http.StatusOK, "loves", v)
}

// lovesData reads everything the loves page shows.
func (s *Server) lovesData(r *http.Request, userID int64) (lovesView, error) {
	ctx := r.Context()
	v := lovesView{page: s.basePage(r, "Your loves"), Tracker: s.cfg.Tracker != nil}
	loves, err := s.db.UserLoves(ctx, userID)
	if err != nil {
		return v, err
	}
	tracked, err := s.db.TrackedPages(ctx, userID)
	if err != nil {
		return v, err
	}
	byLove := map[int64]*store.TrackedPage{}
	for i := range tracked {
		byLove[tracked[i].LoveID] = &tracked[i]
	}
	for _, l := range loves {
		v.Loves = append(v.Loves, newLoveCard(l, byLove[l.ID]))
	}
	saved, err := s.db.SavedSearches(ctx, userID)
	if err != nil {
		return v, err
	}
	for _, ss := range saved {
		v.Saved = append(v.Saved, newSavedCard(ss))
	}
	recent, err := s.db.LoveAlerts(ctx, userID, 10)
	if err != nil {
		return v, err
	}
	for _, a := range recent {
		v.Alerts = append(v.Alerts, loveAlertLine{LoveAlertRow: a, Text: alertText(a)})
	}
	return v, nil
}

func newLoveCard(l store.LoveListing, tp *store.TrackedPage) loveCard {
	c := loveCard{LoveListing: l, Now: l.CurrentState(l.Offers), Tracked: tp}
	var sizes []string
	colour := alerts.Love{Color: l.Color}
	for _, o := range l.Offers {
		if o.Availability == catalog.InStock && colour.Matches(o) && o.Size != "" {
			sizes = append(sizes, o.Size)
		}
	}
	c.InStock = store.SortSizes(sizes)
	c.TargetReached = l.TargetPrice > 0 && c.Now.Known && c.Now.InStock && c.Now.Price <= l.TargetPrice
	if !l.BoughtAt.IsZero() && l.ProtectDays > 0 {
		c.ProtectedUntil = l.BoughtAt.AddDate(0, 0, l.ProtectDays)
	}
	c.Form = loveEditForm{AnyDrop: l.AlertAnyDrop, BackInStock: l.AlertBackInStock, Bought: !l.BoughtAt.IsZero()}
	cur := c.currency()
	if l.TargetPrice > 0 {
		c.Form.Target = catalog.FormatDecimal(l.TargetPrice, cur)
	}
	if l.BoughtPrice > 0 {
		c.Form.BoughtPrice = catalog.FormatDecimal(l.BoughtPrice, cur)
	}
	if l.ProtectDays > 0 {
		c.Form.ProtectDays = strconv.Itoa(l.ProtectDays)
	}
	return c
}

// currency is the currency the love's amounts are in: its offers', else its baseline's.
func (c loveCard) currency() string {
	switch {
	case c.Now.Currency != "":
		return c.Now.Currency
	case c.Seen.Currency != "":
		return c.Seen.Currency
	case len(c.Offers) > 0:
		return c.Offers[0].Currency
	}
	return "EUR"
}

// Currency is currency, for templates.
func (c loveCard) Currency() string { return c.currency() }

// alertText says what an alert means, in a sentence.
func alertText(a store.LoveAlertRow) string {
	now := formatPrice(a.Price, a.Currency)
	switch a.Kind {
	case alerts.PriceDropped:
		return fmt.Sprintf("%s dropped from %s to %s.", a.Title, formatPrice(a.PreviousPrice, a.Currency), now)
	case alerts.TargetReached:
		return fmt.Sprintf("%s reached your target: now %s.", a.Title, now)
	case alerts.BackInStock:
		return fmt.Sprintf("%s is back in stock in your size at %s.", a.Title, now)
	case alerts.PriceProtection:
		return fmt.Sprintf("%s is now %s, below the %s you paid: claim the difference of %s.", a.Title, now,
			formatPrice(a.PreviousPrice, a.Currency), formatPrice(a.PreviousPrice-a.Price, a.Currency))
	}
	return a.Title + ": " + string(a.Kind)
}

// loveCreate saves a love from the product page's form. Not signed in: to sign-in and back to
// the product.
func (s *Server) loveCreate(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form could not be read.", http.StatusBadRequest)
		return
	}
	pid, perr := strconv.ParseInt(r.PostForm.Get("product"), 10, 64)
	u := currentUser(r)
	if u == nil {
		next := "/"
		if perr == nil && pid > 0 {
			next = fmt.Sprintf("/products/%d", pid)
		}
		http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
		return
	}
	if perr != nil || pid <= 0 {
		s.fail(w, r, fmt.Errorf("love product %q: %w", r.PostForm.Get("product"), store.ErrNotFound))
		return
	}
	p, err := s.db.ProductFor(r.Context(), pid, u.ID) // a tracked page's product, for its shopper too
	if err != nil {
		s.fail(w, r, err)
		return
	}
	form := newLoveForm(p)
	form.Size, form.Color = strings.TrimSpace(r.PostForm.Get("size")), strings.TrimSpace(r.PostForm.Get("color"))
	form.Target = strings.TrimSpace(r.PostForm.Get("target"))
	form.AnyDrop, form.BackInStock = r.PostForm.Get("any_drop") != "", r.PostForm.Get("back_in_stock") != ""
	love, field, msg := form.love(p)
	if msg != "" {
		form.Field, form.Error = field, msg
		title := "Love " + p.Title
		s.render(w, r, http.StatusBadRequest, "loves_new", loveNewView{page: s.basePage(r, title), Product: p, Form: form})
		return
	}
	// The baseline is the state now: alerts are about what changes after the shopper loved it.
	seen := love.CurrentState(p.Offers)
	seen.At = s.now()
	saved, err := s.db.SaveLove(r.Context(), store.Love{UserID: u.ID, ProductID: p.ID, Love: love, Seen: seen})
	if errors.Is(err, store.ErrLimit) {
		form.Field, form.Error = "size", fmt.Sprintf("You keep %d loves, the most tagdrop keeps: remove one on your loves page first", store.MaxLoves)
		s.render(w, r, http.StatusConflict, "loves_new", loveNewView{page: s.basePage(r, "Love "+p.Title), Product: p, Form: form})
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/loves?done=added#love-%d", saved.ID), http.StatusSeeOther)
}

// loveNewView shows the love form alone, with what was wrong with it.
type loveNewView struct {
	page
	Product store.ProductDetail
	Form    loveForm
}

// loveUpdate saves the edit form of one love.
func (s *Server) loveUpdate(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, fmt.Errorf("love %q: %w", r.PathValue("id"), store.ErrNotFound))
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form could not be read.", http.StatusBadRequest)
		return
	}
	v, err := s.lovesData(r, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var card *loveCard
	for i := range v.Loves {
		if v.Loves[i].ID == id {
			card = &v.Loves[i]
		}
	}
	if card == nil {
		s.fail(w, r, fmt.Errorf("love %d of user %d: %w", id, u.ID, store.ErrNotFound))
		return
	}
	f := loveEditForm{Target: strings.TrimSpace(r.PostForm.Get("target")), BoughtPrice: strings.TrimSpace(r.PostForm.Get("bought_price")),
		ProtectDays: strings.TrimSpace(r.PostForm.Get("protect_days")), AnyDrop: r.PostForm.Get("any_drop") != "",
		BackInStock: r.PostForm.Get("back_in_stock") != "", Bought: r.PostForm.Get("bought") != ""}
	love, field, msg := f.apply(card.Love, card.currency(), maxRegular(card.Offers), card.Now, s.now())
	if msg != "" {
		card.Form, card.Field, card.Error = f, field, msg
		v.Title = "Your loves: " + field
		s.render(w, r, http.StatusBadRequest, "loves", v)
		return
	}
	if err := s.db.UpdateLove(r.Context(), love); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/loves?done=updated#love-%d", id), http.StatusSeeOther)
}

// apply checks the edit form and returns the love it makes, or the field at fault and why.
func (f loveEditForm) apply(l store.Love, currency string, regular int64, now alerts.LoveState, at time.Time) (store.Love, string, string) {
	target, msg := parseAmount("Target price", f.Target, currency, regular)
	if msg != "" {
		return l, "target", msg
	}
	l.TargetPrice, l.AlertAnyDrop, l.AlertBackInStock = target, f.AnyDrop, f.BackInStock
	if !f.Bought {
		if f.BoughtPrice != "" || (f.ProtectDays != "" && f.ProtectDays != "0") {
			return l, "bought", "Tick “I bought it” to keep watching the price after buying"
		}
		l.BoughtAt, l.BoughtPrice, l.ProtectDays = time.Time{}, 0, 0
		return l, "", ""
	}
	paid, msg := parseAmount("Price paid", f.BoughtPrice, currency, 0)
	if msg != "" {
		return l, "bought_price", msg
	}
	if paid == 0 && now.Known {
		paid = now.Price // bought at today's price unless told otherwise
	}
	days := 0
	if f.ProtectDays != "" {
		n, err := strconv.Atoi(f.ProtectDays)
		if err != nil || n < 0 || n > maxProtectDays {
			return l, "protect_days", fmt.Sprintf("Price protection “%s” is not a number of days from 0 to %d", clipInput(f.ProtectDays), maxProtectDays)
		}
		days = n
	}
	if l.BoughtAt.IsZero() {
		l.BoughtAt = at
	}
	l.BoughtPrice, l.ProtectDays = paid, days
	return l, "", ""
}

// maxProtectDays bounds price protection: shops offer days or weeks, never more than a year.
const maxProtectDays = 365

// maxAmount bounds any amount typed in a love form: a million in the currency.
const maxAmount = 1_000_000

// parseAmount reads an amount a shopper typed ("120", "120.50", "120,50", "€120"): "" is none
// (0). A non-number, zero or less, more than maxAmount, or (when limit > 0) not below limit
// is refused with a message naming the field.
func parseAmount(label, s, currency string, limit int64) (int64, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ""
	}
	clean := strings.TrimSpace(strings.TrimLeft(s, "€$£ "))
	clean = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(clean, currency), strings.ToLower(currency)))
	if strings.Count(clean, ",") == 1 && !strings.Contains(clean, ".") {
		clean = strings.Replace(clean, ",", ".", 1)
	}
	if strings.HasPrefix(clean, "-") {
		return 0, fmt.Sprintf("%s %s is below zero: give a price above zero", label, clipInput(s))
	}
	v, err := catalog.ParseDecimal(clean, currency)
	if err != nil {
		return 0, fmt.Sprintf("%s “%s” is not an amount: write it like 120 or 120.50", label, clipInput(s))
	}
	if v == 0 {
		return 0, fmt.Sprintf("%s must be above zero", label)
	}
	if v > maxAmount*pow10(catalog.MinorDigits(currency)) {
		return 0, fmt.Sprintf("%s %s is more than any item here costs: give a price below %s", label, clipInput(s),
			formatPrice(maxAmount*pow10(catalog.MinorDigits(currency)), currency))
	}
	if limit > 0 && v >= limit {
		return 0, fmt.Sprintf("%s %s is not below the full price of %s: choose a lower price", label, formatPrice(v, currency), formatPrice(limit, currency))
	}
	return v, ""
}

// clipInput shortens what a shopper typed before it is quoted back.
func clipInput(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// maxRegular is the highest regular price among offers (0 when none): a target must be below it.
func maxRegular(offers []catalog.Offer) int64 {
	var m int64
	for _, o := range offers {
		m = max(m, o.RegularPrice)
	}
	return m
}

// loveDelete removes one love.
func (s *Server) loveDelete(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	s.deleteOwned(w, r, u, "love", s.db.DeleteLove, "/loves?done=removed")
}

// deleteOwned deletes u's own row named by the path's {id} with del (which scopes the delete
// to the user) and goes to done; an id that is not a number, or not theirs, is a 404.
func (s *Server) deleteOwned(w http.ResponseWriter, r *http.Request, u *account.User, what string,
	del func(ctx context.Context, userID, id int64) error, done string) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err == nil {
		err = del(r.Context(), u.ID, id)
	} else {
		err = fmt.Errorf("%s %q: %w", what, r.PathValue("id"), store.ErrNotFound)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, done, http.StatusSeeOther)
}
