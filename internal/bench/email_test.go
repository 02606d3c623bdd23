package bench

import (
	"context"
	"testing"
)

// TestEmail runs the e-mail benchmark at a small size: every message must reach the sink (Email
// checks the sink's count) and every figure must be filled in.
func TestEmail(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the e-mail benchmark run is skipped")
	}
	rep, err := Email(context.Background(), EmailConfig{Size: 300, Renders: 100, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Bench != "email" || rep.Size != 300 || rep.Items != EmailItems || rep.Bytes < 10_000 {
		t.Errorf("report %+v", rep)
	}
	tg := rep.Tagdrop
	if tg.RenderDigestsPerS <= 0 || tg.MessagesPerS <= 0 || tg.OutboxMessagesPerS <= 0 || tg.Seconds <= 0 {
		t.Errorf("tagdrop figures missing: %+v", tg)
	}
	for _, name := range []string{PeerHTMLTemplate, PeerOneConnection} {
		if p, ok := rep.Peers[name]; !ok || p.Ratio <= 0 {
			t.Errorf("peer %s missing or without a ratio: %+v", name, p)
		}
	}
}
