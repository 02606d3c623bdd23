package fetch

import (
	"fmt"
	"net/netip"
)

// The address policy. tagdrop fetches URLs that retailers and users hand it, so a URL must not
// be able to reach anything but the public internet: not the machine itself, not its network,
// not a cloud metadata service. The policy is a deny list of every special-purpose range in the
// IANA registries that is not globally reachable (plus a few that are but are never web
// servers), and for IPv6 an allow list: only global unicast (2000::/3) and the well-known NAT64
// prefix may be dialled. IPv6 forms that embed an IPv4 address are judged by that address.

// rule is one refused range and the reason given for it.
type rule struct {
	prefix netip.Prefix
	reason string
}

func rules(list ...string) []rule {
	out := make([]rule, 0, len(list)/2)
	for i := 0; i < len(list); i += 2 {
		out = append(out, rule{netip.MustParsePrefix(list[i]), list[i+1]})
	}
	return out
}

// v4Rules are checked in order; the first match wins, so narrower ranges come first.
var v4Rules = rules(
	"0.0.0.0/8", "\"this network\" (0.0.0.0/8)",
	"10.0.0.0/8", "private network (10.0.0.0/8)",
	"100.64.0.0/10", "carrier-grade NAT (100.64.0.0/10)", // also Alibaba Cloud's metadata, 100.100.100.200
	"127.0.0.0/8", "loopback (127.0.0.0/8)",
	"169.254.169.254/32", "cloud metadata service (169.254.169.254)",
	"169.254.0.0/16", "link-local (169.254.0.0/16)",
	"172.16.0.0/12", "private network (172.16.0.0/12)",
	"192.0.0.0/24", "IETF protocol assignments (192.0.0.0/24)",
	"192.0.2.0/24", "documentation (192.0.2.0/24)",
	"192.88.99.0/24", "deprecated 6to4 relay anycast (192.88.99.0/24)",
	"192.168.0.0/16", "private network (192.168.0.0/16)",
	"198.18.0.0/15", "benchmarking (198.18.0.0/15)",
	"198.51.100.0/24", "documentation (198.51.100.0/24)",
	"203.0.113.0/24", "documentation (203.0.113.0/24)",
	"224.0.0.0/4", "multicast (224.0.0.0/4)",
	"255.255.255.255/32", "broadcast (255.255.255.255)",
	"240.0.0.0/4", "reserved (240.0.0.0/4)",
	// Azure's platform endpoint (WireServer) is a public address reachable only from inside
	// Azure, where it serves VM configuration: a metadata service in all but range.
	"168.63.129.16/32", "cloud metadata service (Azure, 168.63.129.16)",
)

var (
	v6Global   = netip.MustParsePrefix("2000::/3")
	v6Compat   = netip.MustParsePrefix("::/96")
	v6NAT64    = netip.MustParsePrefix("64:ff9b::/96")
	v66to4     = netip.MustParsePrefix("2002::/16")
	v6Teredo   = netip.MustParsePrefix("2001::/32")
	v6Specific = rules(
		"64:ff9b:1::/48", "local-use NAT64 (64:ff9b:1::/48)",
		"2001:db8::/32", "documentation (2001:db8::/32)",
		"2001::/23", "IETF protocol assignments (2001::/23)",
		"3fff::/20", "documentation (3fff::/20)",
		"fc00::/7", "unique local, private network (fc00::/7)",
		"fe80::/10", "link-local (fe80::/10)",
		"fec0::/10", "site-local (fec0::/10)",
		"ff00::/8", "multicast (ff00::/8)",
	)
)

// Refusal says why the client refuses to connect to ip, or returns "" if ip is a public address
// it may connect to. It ignores Config.Allow; the client consults that first.
func Refusal(ip netip.Addr) string {
	ip = ip.WithZone("")
	switch {
	case !ip.IsValid():
		return "not an IP address"
	case ip.Is4():
		return refusal4(ip)
	case ip.Is4In6():
		return embedded("IPv4-mapped", ip.Unmap())
	case ip.IsUnspecified():
		return "unspecified address (::)"
	case ip.IsLoopback():
		return "loopback (::1)"
	case v6Compat.Contains(ip):
		// ::a.b.c.d was deprecated in 2006 (RFC 4291); nothing legitimate uses it, and some stacks
		// still route it to the embedded IPv4 address, so it is refused whatever it embeds.
		return "IPv4-compatible IPv6 address (::/96, deprecated)"
	case v6NAT64.Contains(ip):
		b := ip.As16()
		return embedded("NAT64", netip.AddrFrom4([4]byte(b[12:16])))
	case v66to4.Contains(ip):
		b := ip.As16()
		return embedded("6to4", netip.AddrFrom4([4]byte(b[2:6])))
	case v6Teredo.Contains(ip):
		// Teredo hides the client's IPv4 address (obfuscated) and a server's; tunnelled traffic
		// could land anywhere, and no web server is reached through Teredo.
		return "Teredo tunnel (2001::/32)"
	}
	for _, r := range v6Specific {
		if r.prefix.Contains(ip) {
			return r.reason
		}
	}
	if !v6Global.Contains(ip) {
		return "not a global unicast IPv6 address (outside 2000::/3)"
	}
	return ""
}

func refusal4(ip netip.Addr) string {
	for _, r := range v4Rules {
		if r.prefix.Contains(ip) {
			return r.reason
		}
	}
	return ""
}

// embedded judges an IPv6 form by the IPv4 address it carries.
func embedded(form string, v4 netip.Addr) string {
	if r := refusal4(v4); r != "" {
		return fmt.Sprintf("%s IPv6 address embedding %s: %s", form, v4, r)
	}
	return ""
}

// policy is Refusal with the configured exceptions.
type policy struct {
	allow []netip.Prefix
}

// refusal is Refusal(ip) unless ip lies in an allowed prefix.
func (p policy) refusal(ip netip.Addr) string {
	ip = ip.WithZone("")
	for _, a := range p.allow {
		if a.Contains(ip) || a.Contains(ip.Unmap()) {
			return ""
		}
	}
	return Refusal(ip)
}
