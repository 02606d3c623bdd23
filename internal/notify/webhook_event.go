package notify

import (
	"encoding/json"
	"time"
)

// WebhookEvent is the JSON body of every webhook request.
type WebhookEvent struct {
	// ID is unique per event (not per attempt): "digest:12", "love_alert:7". Receivers use it
	// to drop duplicates, since a delivery is retried until it is answered 2xx.
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	CreatedAt time.Time `json:"created_at"`
	// Match is set for EventMatch, LoveAlert for EventLoveAlert.
	Match     *MatchEvent     `json:"match,omitempty"`
	LoveAlert *LoveAlertEvent `json:"love_alert,omitempty"`
}

// MatchEvent is a new digest's items.
type MatchEvent struct {
	DigestID int64        `json:"digest_id"`
	Period   string       `json:"period"`
	Items    []EventOffer `json:"items"`
}

// EventOffer is one offer in an event. Prices are decimal strings ("129.00") in Currency.
type EventOffer struct {
	OfferID      int64  `json:"offer_id"`
	ProductID    int64  `json:"product_id"`
	Title        string `json:"title"`
	Brand        string `json:"brand,omitempty"`
	Retailer     string `json:"retailer,omitempty"`
	Size         string `json:"size,omitempty"`
	Color        string `json:"color,omitempty"`
	Price        string `json:"price"`
	RegularPrice string `json:"regular_price,omitempty"`
	Currency     string `json:"currency"`
	DiscountPct  int    `json:"discount_pct,omitempty"`
	// URL is the product's page on this tagdrop.
	URL    string `json:"url"`
	Reason string `json:"reason,omitempty"`
}

// LoveAlertEvent is one love alert.
type LoveAlertEvent struct {
	AlertID int64 `json:"alert_id"`
	LoveID  int64 `json:"love_id"`
	// Kind is price_drop, target, back_in_stock or price_protection.
	Kind          string     `json:"kind"`
	Offer         EventOffer `json:"offer"`
	PreviousPrice string     `json:"previous_price,omitempty"`
}

// Marshal encodes the event as the request body.
func (e WebhookEvent) Marshal() ([]byte, error) { return json.Marshal(e) }
