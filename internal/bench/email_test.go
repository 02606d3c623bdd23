package bench

import (
	"context"
	"slices"
	"testing"

	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
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
	if len(rep.Sends) == 0 || rep.Sends[0].Sink != SinkGoSMTP {
		t.Fatalf("send comparisons %+v: the go-smtp sink must come first", rep.Sends)
	}
	for _, run := range rep.Sends {
		if run.Tagdrop.MessagesPerS <= 0 || run.OneConnection.Ratio <= 0 {
			t.Errorf("%s: figures missing: %+v", run.Sink, run)
		}
	}
}

// TestEmailTLSRunsBothCertificates checks that --tls compares with an ECDSA and an RSA-2048
// certificate, every message reaching the sink each time.
func TestEmailTLSRunsBothCertificates(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the e-mail benchmark run is skipped")
	}
	rep, err := Email(context.Background(), EmailConfig{Size: 40, Renders: 20, Seed: 1, TLS: true, Sinks: []string{SinkGoSMTP}})
	if err != nil {
		t.Fatal(err)
	}
	var certs []string
	for _, run := range rep.Sends {
		certs = append(certs, run.Cert)
		if run.SMTPSource != nil {
			t.Errorf("%s: smtp-source ran with TLS, which it cannot speak", run.Cert)
		}
	}
	if want := []string{smtptest.CertECDSAP256, smtptest.CertRSA2048}; !slices.Equal(certs, want) {
		t.Errorf("certificates %q, want %q", certs, want)
	}
}
