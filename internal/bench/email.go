package bench

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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
	// then uses, as a real submission server would require. The send comparison then runs twice:
	// with an ECDSA P-256 certificate and with an RSA-2048 one.
	TLS bool
	// Sinks are the sinks the send comparison runs against (default: SinkGoSMTP, and SinkPostfix
	// where smtp-sink is installed and TLS is off). Unavailable ones are left out with a note.
	Sinks []string
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
	// Sends are the send comparisons, one per sink and certificate; the first is also reported
	// as Tagdrop's and the peers' send figures above.
	Sends []EmailSend `json:"sends"`
	// Load1Start and Load1End are the machine's one-minute load average before and after (Linux;
	// 0 elsewhere): other work on the machine moves every figure.
	Load1Start float64 `json:"load1_start"`
	Load1End   float64 `json:"load1_end"`
}

// EmailSend is tagdrop beside the peers sending the same messages into fresh sinks of one kind.
type EmailSend struct {
	Sink string `json:"sink"`
	// Cert is the sink's certificate key type with TLS (smtptest.CertECDSAP256 or CertRSA2048).
	Cert    string       `json:"cert,omitempty"`
	Tagdrop EmailFigures `json:"tagdrop"`
	// OneConnection is the peer one-connection-per-message; its Ratio is its time over tagdrop's.
	OneConnection EmailFigures `json:"one_connection_per_message"`
	// SMTPSource is Postfix's smtp-source into the same kind of sink (plain SMTP only), when
	// installed.
	SMTPSource *EmailFigures `json:"smtp_source,omitempty"`
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
	// CPUMicrosPerMessage is the CPU time of the send, both sides (this process with its
	// in-process sink, plus smtp-sink or smtp-source when they run), per message: a figure a
	// busy machine disturbs far less than messages per second.
	CPUMicrosPerMessage float64 `json:"cpu_us_per_message,omitempty"`
	// CPURatio is the peer's CPU per message over tagdrop's.
	CPURatio float64 `json:"cpu_ratio,omitempty"`
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

	dir, clean, err := tempDir(cfg.Dir)
	if err != nil {
		return rep, err
	}
	defer clean()
	rep.Load1Start = load1()
	for _, c := range sendComparisons(cfg, say) {
		sink, err := sinkFor(c.Sink, cfg.TLS, c.Cert, dir)
		if err != nil {
			say("sink %s left out: %v", c.Sink, err)
			continue
		}
		run, err := compareSends(ctx, digests, cfg, c, sink, rep.Bytes, say)
		if err != nil {
			return rep, err
		}
		rep.Sends = append(rep.Sends, run)
	}
	if len(rep.Sends) == 0 {
		return rep, errors.New("bench email: no sink to send to")
	}
	first := rep.Sends[0]
	rep.Tagdrop.Seconds, rep.Tagdrop.MessagesPerS = first.Tagdrop.Seconds, first.Tagdrop.MessagesPerS
	rep.Peers[PeerOneConnection] = first.OneConnection
	if first.SMTPSource != nil {
		rep.Peers[PeerSMTPSource] = *first.SMTPSource
	}

	say("the same %d messages through a SQLite outbox and the sender", cfg.Size)
	osecs, err := outboxRun(ctx, digests, cfg)
	if err != nil {
		return rep, err
	}
	rep.Tagdrop.OutboxMessagesPerS = perSecond(cfg.Size, osecs)
	rep.Load1End = load1()
	return rep, nil
}

// sendComparisons lists the sinks and certificates the send comparison runs against.
func sendComparisons(cfg EmailConfig, say func(string, ...any)) []EmailSend {
	sinks := cfg.Sinks
	if len(sinks) == 0 {
		sinks = []string{SinkGoSMTP}
		if _, err := exec.LookPath("smtp-sink"); err != nil {
			say("Postfix's smtp-sink is not installed (Debian: postfix): only the go-smtp sink is used")
		} else if cfg.TLS {
			say("Postfix's smtp-sink offers no STARTTLS: only the go-smtp sink is used")
		} else {
			sinks = append(sinks, SinkPostfix)
		}
	}
	var out []EmailSend
	for _, sink := range sinks {
		if !cfg.TLS {
			out = append(out, EmailSend{Sink: sink})
			continue
		}
		for _, cert := range []string{smtptest.CertECDSAP256, smtptest.CertRSA2048} {
			out = append(out, EmailSend{Sink: sink, Cert: cert})
		}
	}
	return out
}

// compareSends runs tagdrop, then one-connection-per-message, then (plain SMTP) smtp-source,
// each into a fresh sink from newSink.
func compareSends(ctx context.Context, digests []notify.Digest, cfg EmailConfig, c EmailSend, newSink sinkFactory, size int, say func(string, ...any)) (EmailSend, error) {
	what := c.Sink
	if c.Cert != "" {
		what += ", STARTTLS with an " + c.Cert + " certificate"
	}
	say("%s: sending %d messages over %d kept connections", what, cfg.Size, cfg.Connections)
	secs, cpu, err := sendRun(ctx, digests, cfg, newSink, false)
	if err != nil {
		return c, fmt.Errorf("%s: %w", what, err)
	}
	c.Tagdrop = EmailFigures{Seconds: secs, MessagesPerS: perSecond(cfg.Size, secs), CPUMicrosPerMessage: perMessageMicros(cpu, cfg.Size)}
	say("%s: sending %d messages, one connection each (%s)", what, cfg.Size, PeerOneConnection)
	psecs, pcpu, err := sendRun(ctx, digests, cfg, newSink, true)
	if err != nil {
		return c, fmt.Errorf("%s: %s: %w", what, PeerOneConnection, err)
	}
	c.OneConnection = EmailFigures{Seconds: psecs, MessagesPerS: perSecond(cfg.Size, psecs), Ratio: ratio(psecs, secs),
		CPUMicrosPerMessage: perMessageMicros(pcpu, cfg.Size), CPURatio: ratio(pcpu.Seconds(), cpu.Seconds())}
	if cfg.TLS {
		return c, nil
	}
	if path, err := exec.LookPath("smtp-source"); err == nil {
		say("%s: sending %d messages of %d bytes with %s", what, cfg.Size, size, path)
		ssecs, scpu, err := smtpSource(ctx, path, cfg, newSink, size)
		if err != nil {
			return c, fmt.Errorf("%s: %w", what, err)
		}
		c.SMTPSource = &EmailFigures{Seconds: ssecs, MessagesPerS: perSecond(cfg.Size, ssecs), Ratio: ratio(ssecs, secs),
			CPUMicrosPerMessage: perMessageMicros(scpu, cfg.Size), CPURatio: ratio(scpu.Seconds(), cpu.Seconds())}
	} else {
		say("%s is not installed (Debian: postfix); its figures are left out", PeerSMTPSource)
	}
	return c, nil
}

// perMessageMicros is d over n messages, in microseconds.
func perMessageMicros(d time.Duration, n int) float64 {
	return float64(d) / float64(time.Microsecond) / float64(n)
}

// sendCPU is the CPU time this process and its waited-for children have used so far.
func sendCPU() time.Duration { return processCPU() + childrenCPU() }

// load1 is the one-minute load average from /proc/loadavg, 0 where there is none.
func load1() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f, _, _ := strings.Cut(string(b), " ")
	v, _ := strconv.ParseFloat(f, 64)
	return v
}

// sendRun renders, builds and sends cfg.Size messages over cfg.Connections goroutines into a
// fresh sink, with kept connections or (peer) one connection per message. Both do the same
// work per message through the same Transport; the peer only closes the connection after each
// message, so the next Send dials again.
func sendRun(ctx context.Context, digests []notify.Digest, cfg EmailConfig, newSink sinkFactory, perMessage bool) (float64, time.Duration, error) {
	sink, err := newSink(ctx)
	if err != nil {
		return 0, 0, err
	}
	stopped := false
	defer func() {
		if !stopped {
			_, _ = sink.Stop()
		}
	}()
	smtpCfg := sinkConfig(sink)
	transports := make([]*notify.Transport, cfg.Connections)
	for c := range transports {
		if transports[c], err = notify.NewTransport(smtpCfg, benchEnvelope); err != nil {
			return 0, 0, err
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, cfg.Connections)
	cpu0 := sendCPU()
	start := time.Now()
	for c, tr := range transports {
		wg.Go(func() {
			defer tr.Close()
			for i := c; i < cfg.Size; i += cfg.Connections {
				if ctx.Err() != nil {
					errs[c] = ctx.Err()
					return
				}
				m, err := notify.RenderDigest(digests[i%len(digests)])
				if err == nil {
					err = tr.Send(ctx, m)
				}
				if err == nil && perMessage {
					err = tr.Close()
				}
				if err != nil {
					errs[c] = err
					return
				}
			}
		})
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	if err := errors.Join(errs...); err != nil {
		return 0, 0, err
	}
	stopped = true
	got, err := sink.Stop() // smtp-sink's CPU time is counted once it has exited
	cpu := sendCPU() - cpu0
	if err != nil {
		return 0, 0, err
	}
	if got != cfg.Size {
		return 0, 0, fmt.Errorf("bench email: the sink received %d messages, want %d", got, cfg.Size)
	}
	return secs, cpu, nil
}

func sinkConfig(sink mailSink) notify.SMTPConfig {
	host, port, _ := net.SplitHostPort(sink.Addr())
	p, _ := strconv.Atoi(port)
	c := notify.SMTPConfig{Host: host, Port: p, TLS: notify.TLSNone, HELO: "bench.tagdrop.example", Timeout: 30 * time.Second}
	if roots := sink.RootCAs(); roots != nil {
		c.TLS, c.TLSConfig = notify.TLSStartTLS, &tls.Config{RootCAs: roots, ServerName: host, MinVersion: tls.VersionTLS12}
	}
	return c
}

// smtpSource runs Postfix's smtp-source: cfg.Connections sessions, cfg.Size messages of size
// bytes, into a fresh sink.
func smtpSource(ctx context.Context, path string, cfg EmailConfig, newSink sinkFactory, size int) (float64, time.Duration, error) {
	sink, err := newSink(ctx)
	if err != nil {
		return 0, 0, err
	}
	cmd := exec.CommandContext(ctx, path, "-s", strconv.Itoa(cfg.Connections), "-m", strconv.Itoa(cfg.Size), "-l", strconv.Itoa(size),
		"-f", "sales@tagdrop.example", "-t", "shopper@example.com", sink.Addr())
	cpu0 := sendCPU()
	start := time.Now()
	out, err := cmd.CombinedOutput()
	secs := time.Since(start).Seconds()
	got, serr := sink.Stop()
	cpu := sendCPU() - cpu0
	if err != nil {
		return 0, 0, fmt.Errorf("smtp-source: %v: %s", err, out)
	}
	if serr != nil {
		return 0, 0, serr
	}
	if got != cfg.Size {
		return 0, 0, fmt.Errorf("smtp-source: the sink received %d messages, want %d", got, cfg.Size)
	}
	return secs, cpu, nil
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
	smtpCfg := sinkConfig(goSMTPSink{sink})
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
