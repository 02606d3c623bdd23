package bench

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"
)

// server creates the benchmark's own databases on a PostgreSQL server and drops them again. It
// never drops a database it did not create.
type server struct {
	admin   *sql.DB
	url     *url.URL
	prefix  string
	created []string
}

func openServer(ctx context.Context, raw string) (*server, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL URL %q: %w", redact(raw), err)
	}
	admin, err := sql.Open("pgx", raw)
	if err != nil {
		return nil, err
	}
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		return nil, fmt.Errorf("PostgreSQL at %s: %w", u.Redacted(), err)
	}
	var buf [4]byte
	_, _ = rand.Read(buf[:])
	return &server{admin: admin, url: u, prefix: "tagdrop_bench_" + hex.EncodeToString(buf[:]) + "_"}, nil
}

// create makes a fresh, empty database for a phase and returns its URL. The name is random, so
// CREATE fails rather than reuse a database that exists.
func (s *server) create(ctx context.Context, role string) (string, error) {
	name := s.prefix + role
	if _, err := s.admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return "", fmt.Errorf("create database %s on %s: %w", name, s.url.Redacted(), err)
	}
	s.created = append(s.created, name)
	u := *s.url
	u.Path = "/" + name
	return u.String(), nil
}

// close drops the databases create made, even when ctx was cancelled.
func (s *server) close(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	var first error
	for _, name := range s.created {
		if _, err := s.admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil && first == nil {
			first = fmt.Errorf("drop database %s: %w", name, err)
		}
	}
	s.created = nil
	if err := s.admin.Close(); err != nil && first == nil {
		first = err
	}
	return first
}

// redact hides the password of a database URL for messages.
func redact(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	return "(unparseable URL)"
}
