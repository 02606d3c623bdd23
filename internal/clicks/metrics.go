package clicks

import "github.com/prometheus/client_golang/prometheus"

// Collectors are the recorder's counts for /metrics: clicks sent, written, dropped and failed,
// and the queue's length. Register them once (web.Server.Registry).
func (r *Recorder) Collectors() []prometheus.Collector {
	counter := func(name, help string, v func() int64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, func() float64 { return float64(v()) })
	}
	return []prometheus.Collector{
		counter("tagdrop_clickouts_sent_total", "Click-outs queued for recording.", r.sent.Load),
		counter("tagdrop_clickouts_written_total", "Click-outs stored in the database.", r.written.Load),
		counter("tagdrop_clickouts_dropped_total", "Click-outs not recorded: the queue stayed full (see clicks.Recorder).", r.dropped.Load),
		counter("tagdrop_clickouts_failed_total", "Click-outs in batches the database refused after retries.", r.failed.Load),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "tagdrop_clickouts_queued", Help: "Click-outs waiting for the batch writer."},
			func() float64 { return float64(len(r.ch)) }),
	}
}
