// Package clicks is tagdrop's click-out domain: every link to a retailer leaves through
// /out/{token}, where the token is an offer id, the surface the link was shown on and the shopper
// (if known), signed with HMAC-SHA256. The redirect target is looked up server-side from the
// offer, never read from the request, so /out is no open redirect. A retailer's affiliate
// template is applied at redirect time, and the click is recorded by a buffered, batching
// Recorder so the redirect never waits on the database. Clicks then feed brand affinity, a
// boost the digest ranking adds to alerts.Score.
package clicks
