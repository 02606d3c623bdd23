package demo

import (
	"context"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// welcomeMessageID is the Message-ID of the demo's welcome e-mail; being fixed, a repeated load
// cannot queue it twice.
const welcomeMessageID = "<demo-welcome@tagdrop>"

// pick is one sale item the welcome message shows.
type pick struct {
	p        Product
	shop     string
	currency string
	pt       Point
	size     string
}

// shopperPicks finds today's sale items of the demo shopper's brands in her sizes, deepest
// discount first, straight from the generated catalogue.
func shopperPicks(c *Catalogue, limit int) []pick {
	last := len(c.Snapshots) - 1
	var out []pick
	for _, p := range c.Products {
		if !slices.Contains(shopperBrands, p.Brand) {
			continue
		}
		want := map[sizing]string{oneSize: "One Size", euShoe: "38", letter: "S", waist: "27"}[p.sizing]
		i := slices.Index(p.Sizes, want)
		if i < 0 {
			continue
		}
		for _, l := range p.Listings {
			pt := l.Points[last]
			if pt.OnSale() && pt.InStock[i] {
				out = append(out, pick{p: p, shop: retailerBySlug(l.Retailer).Name, currency: l.Currency, pt: pt, size: want})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b pick) int {
		return catalog.DiscountPct(b.pt.Price, b.pt.Regular) - catalog.DiscountPct(a.pt.Price, a.pt.Regular)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// queueWelcome puts the demo shopper's welcome e-mail in the outbox, so the outbox page shows a
// message as it would be sent.
func queueWelcome(ctx context.Context, db *store.DB, c *Catalogue) error {
	u, err := db.UserByEmail(ctx, ShopperEmail)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	picks := shopperPicks(c, 5)
	var text, rows strings.Builder
	text.WriteString("Hello,\n\nWelcome to tagdrop. You follow " + strings.Join(shopperBrands, ", ") +
		", and you wear EU 38 in shoes, S in tops and a 27 waist.\nFrom now on we only tell you about sales of those brands in those sizes.\n\n")
	if len(picks) > 0 {
		text.WriteString("On sale in your size today:\n\n")
	}
	for _, k := range picks {
		price := catalog.FormatMoney(k.pt.Price, k.currency)
		was := catalog.FormatMoney(k.pt.Regular, k.currency)
		pct := catalog.DiscountPct(k.pt.Price, k.pt.Regular)
		fmt.Fprintf(&text, "- %s %s (%s), %s: %s, was %s (-%d%%) at %s\n", k.p.Brand, k.p.Title, k.p.Colour, k.size, price, was, pct, k.shop)
		fmt.Fprintf(&rows, `<tr><td style="padding:8px 0"><strong>%s</strong><br>%s, %s<br><span style="color:#666">size %s at %s</span></td>`+
			`<td style="padding:8px 0 8px 16px;text-align:right;white-space:nowrap"><strong style="color:#b3261e">%s</strong><br><s style="color:#666">%s</s> -%d%%</td></tr>`+"\n",
			html.EscapeString(k.p.Brand), html.EscapeString(k.p.Title), html.EscapeString(strings.ToLower(k.p.Colour)),
			html.EscapeString(k.size), html.EscapeString(k.shop), html.EscapeString(price), html.EscapeString(was), pct)
	}
	text.WriteString("\nYour first digest arrives tomorrow at 8:00. Change your brands, sizes or how often we write in Settings.\n\n-- tagdrop\n")
	body := `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f4efe9;font-family:Helvetica,Arial,sans-serif;color:#222">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:24px">
<h1 style="font-size:22px;margin:0 0 12px">Welcome to tagdrop</h1>
<p>You follow ` + html.EscapeString(strings.Join(shopperBrands, ", ")) + `, and you wear EU 38 in shoes, S in tops and a 27 waist.
From now on we only tell you about sales of those brands in those sizes.</p>
`
	if rows.Len() > 0 {
		body += "<h2 style=\"font-size:17px;margin:20px 0 4px\">On sale in your size today</h2>\n<table style=\"width:100%;border-collapse:collapse\">\n" + rows.String() + "</table>\n"
	}
	body += `<p style="color:#666;font-size:13px;margin-top:24px">Your first digest arrives tomorrow at 8:00. Change your brands, sizes or how often we write in Settings.</p>
</div></body></html>
`
	_, err = db.QueueMessage(ctx, notify.Message{
		UserID: u.ID, Kind: "welcome", MessageID: welcomeMessageID, To: ShopperEmail,
		Subject:  "Welcome to tagdrop: your brands, your sizes, on sale",
		TextBody: text.String(), HTMLBody: body,
	})
	if err != nil && !errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("demo: welcome message: %w", err)
	}
	return nil
}
