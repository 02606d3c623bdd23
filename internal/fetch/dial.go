package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// dialTimeout bounds one TCP connect; the whole request has its own, longer deadline.
const dialTimeout = 10 * time.Second

// lookupFunc resolves a host name to addresses. Only tests replace the system resolver; whatever
// a lookup answers, every address still passes the connect-time check.
type lookupFunc func(ctx context.Context, host string) ([]netip.Addr, error)

// dialer connects only to addresses the policy allows. The check runs in the socket's Control
// hook, after name resolution and immediately before connect(2), on the very address being
// connected to: a DNS answer that changes between a check and the connection (DNS rebinding),
// a redirect to a private address or a host name for an internal service all meet it.
type dialer struct {
	net    net.Dialer
	policy policy
	lookup lookupFunc // nil: the dialer resolves names itself (with Happy Eyeballs)
	// approved, when set (tests only), sees every address the policy let through, just before
	// the connection is made; an error from it stops the connection.
	approved func(netip.AddrPort) error
}

func newDialer(p policy, lookup lookupFunc) *dialer {
	d := &dialer{policy: p, lookup: lookup}
	d.net = net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second, Control: d.control}
	return d
}

// control is the net.Dialer hook: it refuses the connection unless the policy allows the
// address. It fails closed on anything it cannot parse.
func (d *dialer) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &BlockedError{Reason: fmt.Sprintf("unparsable address %q", address)}
	}
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return &BlockedError{IP: ap.Addr(), Reason: "network " + network + " is not TCP"}
	}
	if reason := d.policy.refusal(ap.Addr()); reason != "" {
		return &BlockedError{IP: ap.Addr(), Reason: reason}
	}
	if d.approved != nil {
		return d.approved(ap)
	}
	return nil
}

// DialContext is the transport's dial function.
func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	if d.lookup == nil {
		return d.net.DialContext(ctx, network, address)
	}
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return d.net.DialContext(ctx, network, address)
	}
	addrs, err := d.lookup(ctx, host)
	if err != nil {
		return nil, err
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("lookup %s: no addresses", host)
	}
	var first error
	for _, a := range addrs {
		c, err := d.net.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return c, nil
		}
		first = keepErr(first, err)
	}
	return nil, first
}

// keepErr keeps the first error, preferring a refusal (the interesting one) over others.
func keepErr(first, next error) error {
	var b *BlockedError
	if first == nil || (!errors.As(first, &b) && errors.As(next, &b)) {
		return next
	}
	return first
}
