package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// maxWebhooks is how many webhooks one shopper may register.
const maxWebhooks = 5

// deliveryLogSize is how many deliveries the settings page lists.
const deliveryLogSize = 20

// deliverySettings is the settings page's "Feeds and webhooks" section (_feeds_webhooks.html).
type deliverySettings struct {
	FeedActive  bool
	FeedCreated time.Time
	Webhooks    []webhookRow
	Deliveries  []deliveryRow
	CanAdd      bool
	Max         int
}

type webhookRow struct {
	ID      int64
	URL     string
	Created time.Time
}

type deliveryRow struct {
	notify.Delivery
	// Host is the webhook's host name (URLs often carry secrets in their path).
	Host string
}

// Failed and Delivered let the template colour a row.
func (d deliveryRow) Failed() bool    { return d.Status == notify.DeliveryFailed }
func (d deliveryRow) Delivered() bool { return d.Status == notify.DeliveryDelivered }

// deliverySettingsOf reads the section's data for a shopper.
func (s *Server) deliverySettingsOf(ctx context.Context, userID int64) (*deliverySettings, error) {
	v := &deliverySettings{Max: maxWebhooks}
	created, err := s.db.FeedTokenCreated(ctx, userID)
	switch {
	case err == nil:
		v.FeedActive, v.FeedCreated = true, created
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	hooks, err := s.db.UserWebhooks(ctx, userID)
	if err != nil {
		return nil, err
	}
	hosts := map[int64]string{}
	for _, h := range hooks {
		v.Webhooks = append(v.Webhooks, webhookRow{ID: h.ID, URL: h.URL, Created: h.CreatedAt})
		if u, err := url.Parse(h.URL); err == nil {
			hosts[h.ID] = u.Host
		}
	}
	v.CanAdd = len(hooks) < maxWebhooks
	ds, err := s.db.WebhookDeliveries(ctx, userID, deliveryLogSize)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		v.Deliveries = append(v.Deliveries, deliveryRow{Delivery: d, Host: hosts[d.WebhookID]})
	}
	return v, nil
}

// webhookAdd is POST /settings/webhooks: the URL is checked (https, a public host), a secret
// made and shown once.
func (s *Server) webhookAdd(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil || !readForm(w, r) {
		return
	}
	raw := r.PostForm.Get("url")
	problem := func(msg string) {
		w.Header().Set("Cache-Control", "no-store")
		s.render(w, r, http.StatusBadRequest, "feeds_secret", feedSecretView{page: s.basePage(r, "Add a webhook"), Problem: msg, URL: raw})
	}
	clean, err := notify.WebhookURLRules{Allow: s.cfg.WebhookAllow}.CheckURL(raw, fetch.Refusal)
	if err != nil {
		problem(err.Error())
		return
	}
	hooks, err := s.db.UserWebhooks(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(hooks) >= maxWebhooks {
		problem("url: you already have " + strconv.Itoa(maxWebhooks) + " webhooks; delete one first")
		return
	}
	secret, err := notify.NewWebhookSecret()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h, err := s.db.AddWebhook(r.Context(), u.ID, clean, secret)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "feeds_secret", feedSecretView{page: s.basePage(r, "Webhook added"), WebhookURL: h.URL, Secret: secret})
}

// webhookDelete is POST /settings/webhooks/{id}/delete: the webhook and its deliveries go.
func (s *Server) webhookDelete(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, store.ErrNotFound)
		return
	}
	if err := s.db.DeleteWebhook(r.Context(), u.ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/settings#webhooks", http.StatusSeeOther)
}
