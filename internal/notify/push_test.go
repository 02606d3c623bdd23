package notify

import (
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"
)

func TestCheckPushEndpoint(t *testing.T) {
	for _, c := range []struct {
		name, endpoint, refusal string // refusal "" means accepted
	}{
		{"fcm", "https://fcm.googleapis.com/fcm/send/abc:def", ""},
		{"mozilla", "https://updates.push.services.mozilla.com/wpush/v2/gAAAA", ""},
		{"public ip", "https://203.0.114.9/push", ""},
		{"http", "http://fcm.googleapis.com/fcm/send/abc", `scheme "http" is not https`},
		{"no scheme", "fcm.googleapis.com/fcm/send/abc", `scheme "" is not https`},
		{"javascript", "javascript:alert(1)", `scheme "javascript"`},
		{"credentials", "https://user:pw@push.example.net/x", "credentials"},
		{"no host", "https:///x", "no host"},
		{"loopback", "https://127.0.0.1/x", "refused"},
		{"private", "https://10.0.0.8/x", "refused"},
		{"metadata", "https://169.254.169.254/latest", "refused"},
		{"mapped private", "https://[::ffff:192.168.1.1]/x", "refused"},
		{"ipv6 loopback", "https://[::1]:8443/x", "refused"},
		{"localhost", "https://localhost/x", "this machine"},
		{"sub localhost", "https://push.localhost./x", "this machine"},
		{"too long", "https://push.example.net/" + strings.Repeat("a", MaxPushEndpoint), "longer than"},
		{"empty", "", "missing"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckPushEndpoint(c.endpoint)
			switch {
			case c.refusal == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.refusal != "" && (err == nil || !strings.Contains(err.Error(), c.refusal) || !strings.HasPrefix(err.Error(), "endpoint: ")):
				t.Errorf("error %v, want one naming the endpoint and containing %q", err, c.refusal)
			}
		})
	}
}

func TestCheckPushKeys(t *testing.T) {
	priv, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub := priv.PublicKey().Bytes()
	auth := make([]byte, 16)
	enc := base64.RawURLEncoding.EncodeToString
	offCurve := append([]byte(nil), pub...)
	offCurve[64] ^= 1
	for _, c := range []struct {
		name, p256dh, auth, refusal string
	}{
		{"valid", enc(pub), enc(auth), ""},
		{"padded", base64.URLEncoding.EncodeToString(pub), base64.URLEncoding.EncodeToString(auth), ""},
		{"short key", enc(pub[:33]), enc(auth), "keys.p256dh"},
		{"off the curve", enc(offCurve), enc(auth), "keys.p256dh"},
		{"not base64", "!!", enc(auth), "keys.p256dh"},
		{"short auth", enc(pub), enc(auth[:8]), "keys.auth"},
		{"missing auth", enc(pub), "", "keys.auth"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckPushKeys(c.p256dh, c.auth)
			switch {
			case c.refusal == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.refusal != "" && (err == nil || !strings.HasPrefix(err.Error(), c.refusal)):
				t.Errorf("error %v, want one naming %s", err, c.refusal)
			}
		})
	}
}
