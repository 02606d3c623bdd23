package bench

import (
	"context"
	"testing"

	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
)

// The benchmarks below split the e-mail benchmark's send path into its parts, so a CPU profile
// shows where a message's cost goes (render, MIME, the client's writes, the sink's reading,
// TLS). For example:
//
//	go test -run '^$' -bench 'EmailSend/go-smtp-starttls-ecdsa/kept' -benchtime 3000x -cpuprofile /tmp/send.prof ./internal/bench/
//	go tool pprof -top -cum /tmp/send.prof

// BenchmarkEmailRender renders one 20-item digest (HTML and text) per operation.
func BenchmarkEmailRender(b *testing.B) {
	digests := benchDigests(1, 200)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := notify.RenderDigest(digests[i%len(digests)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEmailMIME builds one rendered digest's MIME message per operation, into a reused
// buffer as the transport does.
func BenchmarkEmailMIME(b *testing.B) {
	digests := benchDigests(1, 200)
	msgs := make([]notify.Message, len(digests))
	for i, d := range digests {
		m, err := notify.RenderDigest(d)
		if err != nil {
			b.Fatal(err)
		}
		msgs[i] = m
	}
	var buf []byte
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		out, _, _, err := notify.AppendMIME(buf[:0], msgs[i%len(msgs)], benchEnvelope)
		if err != nil {
			b.Fatal(err)
		}
		buf = out
		b.SetBytes(int64(len(out)))
	}
}

// BenchmarkEmailSend renders, builds and sends b.N messages over two connections, kept or (the
// peer) one per message, into each sink: go-smtp in this process, plain and with STARTTLS
// (ECDSA P-256 and RSA-2048 certificates), and Postfix's smtp-sink where it is installed.
func BenchmarkEmailSend(b *testing.B) {
	digests := benchDigests(1, 200)
	dir := b.TempDir()
	for _, s := range []struct {
		name, sink, cert string
		tls              bool
	}{
		{"go-smtp", SinkGoSMTP, "", false},
		{"go-smtp-starttls-ecdsa", SinkGoSMTP, smtptest.CertECDSAP256, true},
		{"go-smtp-starttls-rsa", SinkGoSMTP, smtptest.CertRSA2048, true},
		{"postfix", SinkPostfix, "", false},
	} {
		b.Run(s.name, func(b *testing.B) {
			newSink, err := sinkFor(s.sink, s.tls, s.cert, dir)
			if err != nil {
				b.Skipf("sink %s: %v", s.sink, err)
			}
			for _, perMessage := range []bool{false, true} {
				mode := "kept"
				if perMessage {
					mode = "per-message"
				}
				b.Run(mode, func(b *testing.B) {
					cfg := EmailConfig{Size: b.N, Connections: 2, TLS: s.tls}
					b.ReportAllocs()
					_, cpu, err := sendRun(context.Background(), digests, cfg, newSink, perMessage)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(perMessageMicros(cpu, b.N), "cpu-µs/msg")
				})
			}
		})
	}
}
