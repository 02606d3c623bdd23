package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

// mailConfig is how `tagdrop serve` sends mail.
type mailConfig struct {
	// SMTPURL is smtp://USER:PASS@HOST:PORT or smtps://…; empty keeps mail in the outbox.
	SMTPURL     string
	From        string
	ReplyTo     string
	Rate        float64
	Connections int
	// Lease is how long a sender's claim keeps other senders off a message (jobs.SenderConfig.Lease):
	// a killed sender's unsent messages go out again when it ends.
	Lease time.Duration
}

// smtpConfig is the parsed SMTP URL (checked by validate).
func (m mailConfig) smtpConfig() notify.SMTPConfig {
	c, _ := notify.ParseSMTPURL(m.SMTPURL)
	return c
}

func (m *mailConfig) flags(fs *flag.FlagSet) {
	fs.StringVar(&m.SMTPURL, "smtp-url", "", "outgoing mail server: smtp://USER:PASS@HOST:587 (STARTTLS required), smtps://USER:PASS@HOST:465\n"+
		"(TLS), ?tls=opportunistic|none to relax; prefer TAGDROP_SMTP_URL so the password stays out of ps.\n"+
		"Without it mail stays in the outbox, rendered as it would be sent")
	fs.StringVar(&m.From, "mail-from", "", "sender of all mail, e.g. \"tagdrop <sales@example.com>\" (required with --smtp-url)")
	fs.StringVar(&m.ReplyTo, "mail-reply-to", "", "address replies go to (default: the sender)")
	fs.Float64Var(&m.Rate, "mail-rate", 0, "at most this many messages per second (0: no limit)")
	fs.IntVar(&m.Connections, "mail-connections", 2, "SMTP connections sending at once")
	fs.DurationVar(&m.Lease, "mail-lease", 5*time.Minute, "how long a claimed batch of mail is kept from other senders: a worker killed\nmid-batch leaves its unsent mail to the others when the lease ends (short only for tests)")
}

func (m mailConfig) validate() error {
	if m.Rate < 0 {
		return fmt.Errorf("%w: --mail-rate %g is negative", errUsage, m.Rate)
	}
	if m.Connections < 1 {
		return fmt.Errorf("%w: --mail-connections %d is not a positive number", errUsage, m.Connections)
	}
	if m.Lease < time.Second {
		return fmt.Errorf("%w: --mail-lease %s is under a second", errUsage, m.Lease)
	}
	if m.SMTPURL == "" {
		return nil
	}
	if _, err := notify.ParseSMTPURL(m.SMTPURL); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err := (notify.Envelope{From: m.From, ReplyTo: m.ReplyTo}).Validate(); err != nil {
		return fmt.Errorf("%w: --%v", errUsage, err)
	}
	return nil
}

// String describes the settings with the password redacted.
func (m mailConfig) String() string {
	if m.SMTPURL == "" {
		return "smtp=none (mail stays in the outbox)"
	}
	return fmt.Sprintf("smtp=%s mail_from=%q mail_reply_to=%q mail_rate=%g mail_connections=%d", m.smtpConfig(), m.From, m.ReplyTo, m.Rate, m.Connections)
}
