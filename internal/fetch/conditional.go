package fetch

import "net/http"

// Conditional carries the validators of the copy the caller already has, as the server sent
// them in ETag and Last-Modified. A server that agrees nothing changed answers 304 Not
// Modified and sends no body, so an unchanged feed costs one round trip.
type Conditional struct {
	ETag         string // sent as If-None-Match, verbatim (quotes and W/ included)
	LastModified string // sent as If-Modified-Since, verbatim
}

// set adds the conditional headers to a request.
func (c Conditional) set(h http.Header) {
	if c.ETag != "" {
		h.Set("If-None-Match", c.ETag)
	}
	if c.LastModified != "" {
		h.Set("If-Modified-Since", c.LastModified)
	}
}

// Validators returns the Conditional to send next time for a response.
func (r *Response) Validators() Conditional {
	return Conditional{ETag: r.ETag, LastModified: r.LastModified}
}
