package bench

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The e-mail benchmark's peers.
const (
	// PeerHTMLTemplate renders the same digest through html/template (notify.RenderDigestTemplate).
	PeerHTMLTemplate = "html-template"
	// PeerOneConnection renders, builds and sends the same messages, opening a new SMTP
	// connection (connect, EHLO, MAIL, RCPT, DATA, QUIT) for each one.
	PeerOneConnection = "one-connection-per-message"
	// PeerSMTPSource is Postfix's smtp-source sending the same number of messages of the same
	// size into the same sink; it runs only where smtp-source is installed.
	PeerSMTPSource = "smtp-source"
)

// EmailItems is the number of items in each benchmark digest.
const EmailItems = 20

// EmailConfig says what the e-mail benchmark measures.
type EmailConfig struct {
	// Size is how many messages are sent by tagdrop and by each sending peer (at least 1).
	Size int
	// Renders is how many digests each renderer renders on one core (default max(Size, 2000)).
	Renders int
	// Connections is how many SMTP connections send at once, for tagdrop and the peers
	// (default 2, one per core of the machine the targets are set for).
	Connections int
	Seed        uint64
	// TLS makes the sink offer STARTTLS (a fresh self-signed certificate), which every connection
	// then uses, as a real submission server would require.
	TLS bool
	// Dir holds the outbox database of the outbox phase (default: a temporary folder).
	Dir string
	// Progress receives progress lines; nil discards them.
	Progress io.Writer
}

// EmailReport is the outcome; its JSON is `tagdrop bench email --json`.
type EmailReport struct {
	Bench       string                  `json:"bench"` // "email"
	Size        int                     `json:"size"`  // messages sent per sender
	Items       int                     `json:"items"` // sale items per digest
	Renders     int                     `json:"renders"`
	Connections int                     `json:"connections"`
	TLS         bool                    `json:"tls"`
	Bytes       int                     `json:"message_bytes"` // size of one MIME message
	Tagdrop     EmailFigures            `json:"tagdrop"`
	Peers       map[string]EmailFigures `json:"peers"`
}

// EmailFigures are one contender's figures. Render figures are for one core; send figures are
// for Connections connections into an SMTP sink (github.com/emersion/go-smtp, discarding) in the
// same process, so the sink's own work is counted on the same two cores.
type EmailFigures struct {
	// RenderDigestsPerS is digests rendered (HTML + text) per second on one core.
	RenderDigestsPerS float64 `json:"render_digests_per_s,omitempty"`
	// RenderP50MS is the median time to render one digest.
	RenderP50MS float64 `json:"render_p50_ms,omitempty"`
	// Seconds and MessagesPerS are for rendering, building MIME and sending Size messages.
	Seconds      float64 `json:"seconds,omitempty"`
	MessagesPerS float64 `json:"messages_per_s,omitempty"`
	// OutboxMessagesPerS (tagdrop only) is the whole delivery path: the same messages queued in
	// a SQLite outbox, claimed, sent and marked sent one by one by the sender (jobs.Sender).
	OutboxMessagesPerS float64 `json:"outbox_messages_per_s,omitempty"`
	// Ratio is the peer's cost over tagdrop's for the same work (render time for html-template,
	// send time for the others): above 1, tagdrop is faster.
	Ratio float64 `json:"ratio,omitempty"`
}

// Email runs the e-mail benchmark.
func Email(ctx context.Context, cfg EmailConfig) (EmailReport, error) {
	if cfg.Size < 1 {
		return EmailReport{}, fmt.Errorf("bench email: size %d: need at least one message", cfg.Size)
	}
	if cfg.Connections < 1 {
		cfg.Connections = 2
	}
	if cfg.Renders < 1 {
		cfg.Renders = max(cfg.Size, 2000)
	}
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	say := func(format string, args ...any) { fmt.Fprintf(cfg.Progress, "email: "+format+"\n", args...) }
	digests := benchDigests(cfg.Seed, 200)
	rep := EmailReport{Bench: "email", Size: cfg.Size, Items: EmailItems, Renders: cfg.Renders, Connections: cfg.Connections,
		TLS: cfg.TLS, Peers: map[string]EmailFigures{}}

	say("rendering %d digests of %d items on one core, fast path and html/template", cfg.Renders, EmailItems)
	fast, fastP50, err := renderRate(digests, cfg.Renders, notify.RenderDigest)
	if err != nil {
		return rep, err
	}
	plain, plainP50, err := renderRate(digests, cfg.Renders, notify.RenderDigestTemplate)
	if err != nil {
		return rep, err
	}
	rep.Tagdrop.RenderDigestsPerS, rep.Tagdrop.RenderP50MS = fast, fastP50
	rep.Peers[PeerHTMLTemplate] = EmailFigures{RenderDigestsPerS: plain, RenderP50MS: plainP50, Ratio: ratio(fast, plain)}

	m, err := notify.RenderDigest(digests[0])
	if err != nil {
		return rep, err
	}
	data, _, _, err := notify.AppendMIME(nil, m, benchEnvelope)
	if err != nil {
		return rep, err
	}
	rep.Bytes = len(data)

	say("sending %d messages over %d kept connections", cfg.Size, cfg.Connections)
	secs, err := sendRun(ctx, digests, cfg, false)
	if err != nil {
		return rep, err
	}
	rep.Tagdrop.Seconds, rep.Tagdrop.MessagesPerS = secs, perSecond(cfg.Size, secs)

	say("sending %d messages, one connection each (%s)", cfg.Size, PeerOneConnection)
	psecs, err := sendRun(ctx, digests, cfg, true)
	if err != nil {
		return rep, err
	}
	rep.Peers[PeerOneConnection] = EmailFigures{Seconds: psecs, MessagesPerS: perSecond(cfg.Size, psecs), Ratio: ratio(psecs, secs)}

	if path, err := exec.LookPath("smtp-source"); err == nil {
		say("sending %d messages of %d bytes with %s", cfg.Size, rep.Bytes, path)
		ssecs, err := smtpSource(ctx, path, cfg, rep.Bytes)
		if err != nil {
			return rep, err
		}
		rep.Peers[PeerSMTPSource] = EmailFigures{Seconds: ssecs, MessagesPerS: perSecond(cfg.Size, ssecs), Ratio: ratio(ssecs, secs)}
	} else {
		say("%s is not installed (Debian: postfix); its figures are left out", PeerSMTPSource)
	}

	say("the same %d messages through a SQLite outbox and the sender", cfg.Size)
	osecs, err := outboxRun(ctx, digests, cfg)
	if err != nil {
		return rep, err
	}
	rep.Tagdrop.OutboxMessagesPerS = perSecond(cfg.Size, osecs)
	return rep, nil
}

var benchEnvelope = notify.Envelope{From: "tagdrop <sales@tagdrop.example>", ReplyTo: "help@tagdrop.example"}

// benchDigests makes n different, realistic 20-item digests.
func benchDigests(seed uint64, n int) []notify.Digest {
	r := rand.New(rand.NewPCG(seed, 0xd16e57))
	brands := []string{"Jacquemus", "By Far", "Ganni", "Acne Studios", "Totême", "Khaite", "Nanushka", "Sandro", "A.P.C.", "Isabel Marant"}
	kinds := []string{"Pleated wool midi skirt", "Le Chiquito leather bag", "Oversized cashmere coat", "Silk slip dress", "Chelsea boots"}
	shops := []string{"Atelier Row", "Maison Markdown", "North & Tailor"}
	sizes := []string{"XS", "S", "M", "L", "38", "39", "40"}
	out := make([]notify.Digest, n)
	for i := range out {
		uid := int64(i + 1)
		d := notify.Digest{UserID: uid, To: "shopper" + strconv.Itoa(i) + "@example.com",
			MessageID: "<digest-" + strconv.Itoa(i) + "-2026-11-26@tagdrop.example>", BaseURL: "https://tagdrop.example",
			More: r.IntN(30), MoreURL: "/my/sales", UnsubscribeURL: "https://tagdrop.example/unsubscribe/" + strconv.Itoa(i) + ".bench",
			Collection: &notify.FeaturedCollection{Title: "Winter coats under €300", URL: "/collections/winter-coats", Intro: "Wool, cut long, marked down."}}
		for j := range EmailItems {
			regular := int64(10000 + r.IntN(200000))
			pct := 20 + r.IntN(60)
			d.Items = append(d.Items, notify.DigestItem{ProductID: int64(j + 1), OfferID: int64(i*100 + j),
				Brand: brands[r.IntN(len(brands))], Title: kinds[r.IntN(len(kinds))], Size: sizes[r.IntN(len(sizes))],
				Retailer: shops[r.IntN(len(shops))], ImageURL: "/static/demo/img/" + strconv.Itoa(j) + ".svg",
				URL: "https://tagdrop.example/out/" + strconv.Itoa(i*100+j) + "?sig=abcdef0123456789", Currency: "EUR",
				RegularPrice: regular, Price: regular * int64(100-pct) / 100, DiscountPct: pct,
				Lowest30d: r.IntN(3) == 0, Questionable: r.IntN(8) == 0})
		}
		out[i] = d
	}
	return out
}

// renderRate renders n digests one after another and returns digests per second and the median
// time of one, in milliseconds.
func renderRate(digests []notify.Digest, n int, render func(notify.Digest) (notify.Message, error)) (float64, float64, error) {
	for i := range min(n/10+1, len(digests)) { // warm up: pools, caches
		if _, err := render(digests[i]); err != nil {
			return 0, 0, err
		}
	}
	times := make([]time.Duration, n)
	start := time.Now()
	for i := range n {
		t0 := time.Now()
		if _, err := render(digests[i%len(digests)]); err != nil {
			return 0, 0, err
		}
		times[i] = time.Since(t0)
	}
	total := time.Since(start).Seconds()
	p50 := medianMS(times)
	return perSecond(n, total), p50, nil
}

func medianMS(ds []time.Duration) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[len(s)/2]) / float64(time.Millisecond)
}

// sendRun renders, builds and sends cfg.Size messages over cfg.Connections goroutines into a
// fresh discarding sink, with kept connections or (peer) one connection per message.
func sendRun(ctx context.Context, digests []notify.Digest, cfg EmailConfig, perMessage bool) (float64, error) {
	sink, err := smtptest.New(smtptest.Options{Discard: true, TLS: cfg.TLS})
	if err != nil {
		return 0, err
	}
	defer sink.Close()
	smtpCfg := sinkConfig(sink)
	var wg sync.WaitGroup
	errs := make([]error, cfg.Connections)
	start := time.Now()
	for c := range cfg.Connections {
		wg.Go(func() {
			var tr *notify.Transport
			defer func() {
				if tr != nil {
					tr.Close()
				}
			}()
			for i := c; i < cfg.Size; i += cfg.Connections {
				if ctx.Err() != nil {
					errs[c] = ctx.Err()
					return
				}
				if tr == nil {
					if tr, errs[c] = notify.NewTransport(smtpCfg, benchEnvelope); errs[c] != nil {
						return
					}
				}
				m, err := notify.RenderDigest(digests[i%len(digests)])
				if err == nil {
					err = tr.Send(ctx, m)
				}
				if err != nil {
					errs[c] = err
					return
				}
				if perMessage {
					errs[c] = tr.Close()
					tr = nil
				}
			}
		})
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	if sink.Count() != cfg.Size {
		return 0, fmt.Errorf("bench email: the sink received %d messages, want %d", sink.Count(), cfg.Size)
	}
	return secs, nil
}

func sinkConfig(sink *smtptest.Server) notify.SMTPConfig {
	host, port, _ := net.SplitHostPort(sink.Addr)
	p, _ := strconv.Atoi(port)
	c := notify.SMTPConfig{Host: host, Port: p, TLS: notify.TLSNone, HELO: "bench.tagdrop.example", Timeout: 30 * time.Second}
	if sink.RootCAs != nil {
		c.TLS, c.TLSConfig = notify.TLSStartTLS, &tls.Config{RootCAs: sink.RootCAs, ServerName: host, MinVersion: tls.VersionTLS12}
	}
	return c
}

// smtpSource runs Postfix's smtp-source: cfg.Connections sessions, cfg.Size messages of size
// bytes, into a fresh sink.
func smtpSource(ctx context.Context, path string, cfg EmailConfig, size int) (float64, error) {
	sink, err := smtptest.New(smtptest.Options{Discard: true})
	if err != nil {
		return 0, err
	}
	defer sink.Close()
	cmd := exec.CommandContext(ctx, path, "-s", strconv.Itoa(cfg.Connections), "-m", strconv.Itoa(cfg.Size), "-l", strconv.Itoa(size),
		"-f", "sales@tagdrop.example", "-t", "shopper@example.com", sink.Addr)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("smtp-source: %v: %s", err, out)
	}
	secs := time.Since(start).Seconds()
	if sink.Count() != cfg.Size {
		return 0, fmt.Errorf("smtp-source: the sink received %d messages, want %d", sink.Count(), cfg.Size)
	}
	return secs, nil
}

// outboxRun queues the rendered messages in a new SQLite outbox and times the sender delivering
// all of them (claim, send, mark sent per message).
func outboxRun(ctx context.Context, digests []notify.Digest, cfg EmailConfig) (float64, error) {
	dir := cfg.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "tagdrop-bench-email-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "email-outbox.db"))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	for i := range cfg.Size {
		d := digests[i%len(digests)]
		d.MessageID = "<bench-" + strconv.Itoa(i) + "@tagdrop.example>"
		d.UserID = 0 // no accounts in this database
		m, err := notify.RenderDigest(d)
		if err != nil {
			return 0, err
		}
		if _, err := db.QueueMessage(ctx, m); err != nil {
			return 0, err
		}
	}
	sink, err := smtptest.New(smtptest.Options{Discard: true, TLS: cfg.TLS})
	if err != nil {
		return 0, err
	}
	defer sink.Close()
	smtpCfg := sinkConfig(sink)
	sender := jobs.NewSender(db, func() (jobs.MailTransport, error) { return notify.NewTransport(smtpCfg, benchEnvelope) },
		jobs.SenderConfig{Connections: cfg.Connections, Batch: 100, Poll: 5 * time.Millisecond},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- sender.Run(runCtx) }()
	for {
		c, err := db.OutboxCounts(ctx)
		if err != nil || c[notify.Sent]+c[notify.Failed] >= cfg.Size || ctx.Err() != nil {
			stop()
			<-done
			if err != nil {
				return 0, err
			}
			if c[notify.Sent] != cfg.Size {
				return 0, fmt.Errorf("bench email: the sender sent %d of %d messages (%d failed)", c[notify.Sent], cfg.Size, c[notify.Failed])
			}
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Since(start).Seconds(), nil
}
