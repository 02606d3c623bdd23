package fetch

import "net/url"

// Redact shows a URL the way errors, logs and pages may show it: scheme, host and path, with
// any user info dropped and the query replaced by "?…" (feed URLs carry affiliate keys and
// tokens there). Anything that is not a URL comes back unchanged.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	return redactURL(u)
}

func redactURL(u *url.URL) string {
	c := url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path, RawPath: u.RawPath}
	s := c.String()
	if u.RawQuery != "" {
		s += "?…"
	}
	return s
}
