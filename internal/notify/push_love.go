package notify

import (
	"fmt"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// LovePush is what a love alert's push message tells: the alert and its product.
type LovePush struct {
	AlertID   int64
	ProductID int64
	Brand     string
	Title     string
	Size      string // the love's size, "" for any
	// Kind is the alert's alerts.LoveAlertKind (a string here: alerts imports notify).
	Kind          string
	Currency      string
	Price         int64 // now
	PreviousPrice int64 // the baseline; the price paid for price protection
}

// maxPushText bounds the product name in a notification; phones show two lines at most.
const maxPushText = 120

// Message is the notification for a love alert, linking to the product's page.
func (l LovePush) Message() PushMessage {
	name := strings.TrimSpace(strings.TrimSpace(l.Brand) + " " + strings.TrimSpace(l.Title))
	if r := []rune(name); len(r) > maxPushText {
		name = string(r[:maxPushText-1]) + "…"
	}
	now := catalog.FormatMoney(l.Price, l.Currency)
	inSize := ""
	if l.Size != "" {
		inSize = " in size " + l.Size
	}
	m := PushMessage{URL: fmt.Sprintf("/products/%d", l.ProductID), Tag: fmt.Sprintf("love-alert-%d", l.AlertID), Kind: l.Kind}
	switch l.Kind {
	case "price_drop": // alerts.PriceDropped
		m.Title = "Price drop: " + name
		m.Body = fmt.Sprintf("Now %s%s, was %s.", now, inSize, catalog.FormatMoney(l.PreviousPrice, l.Currency))
	case "target": // alerts.TargetReached
		m.Title = "Your target price: " + name
		m.Body = fmt.Sprintf("Now %s%s, at or below the price you were waiting for.", now, inSize)
	case "back_in_stock": // alerts.BackInStock
		m.Title = "Back in stock: " + name
		if l.Size != "" {
			m.Body = fmt.Sprintf("Size %s is back, at %s.", l.Size, now)
		} else {
			m.Body = fmt.Sprintf("Back in stock at %s.", now)
		}
	case "price_protection": // alerts.PriceProtection
		m.Title = "Price protection: " + name
		m.Body = fmt.Sprintf("Now %s, you paid %s: ask the shop for the difference of %s.", now,
			catalog.FormatMoney(l.PreviousPrice, l.Currency), catalog.FormatMoney(l.PreviousPrice-l.Price, l.Currency))
	default:
		m.Title = "News on a love: " + name
		m.Body = fmt.Sprintf("Now %s%s.", now, inSize)
	}
	return m
}

// Topic is the push Topic header for the alert: a re-sent copy replaces an undelivered one.
func (l LovePush) Topic() string { return fmt.Sprintf("love-alert-%d", l.AlertID) }
