package fetch

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func TestRefusal(t *testing.T) {
	tests := []struct {
		name, ip string
		refused  string // a fragment of the reason; "" means the address is allowed
	}{
		// Public addresses pass, in every form that carries them.
		{"public v4", "93.184.215.14", ""},
		{"public v4 next to private", "172.32.0.1", ""},
		{"public v4 below CGNAT", "100.63.255.255", ""},
		{"public v6", "2606:4700::6810:84e5", ""},
		{"v4-mapped public", "::ffff:93.184.215.14", ""},
		{"NAT64 of public", "64:ff9b::5db8:d70e", ""},
		{"6to4 of public", "2002:5db8:d70e::1", ""},

		// IPv4.
		{"this network", "0.1.2.3", "this network"},
		{"unspecified v4", "0.0.0.0", "this network"},
		{"loopback", "127.0.0.1", "loopback"},
		{"loopback high", "127.255.255.254", "loopback"},
		{"private 10", "10.0.0.1", "private"},
		{"private 172.16", "172.16.0.1", "private"},
		{"private 172.31", "172.31.255.255", "private"},
		{"private 192.168", "192.168.1.1", "private"},
		{"link-local", "169.254.1.1", "link-local"},
		{"metadata", "169.254.169.254", "metadata"},
		{"azure wireserver", "168.63.129.16", "metadata"},
		{"CGNAT", "100.64.0.1", "carrier-grade NAT"},
		{"alibaba metadata", "100.100.100.200", "carrier-grade NAT"},
		{"IETF assignments", "192.0.0.8", "IETF"},
		{"TEST-NET-1", "192.0.2.1", "documentation"},
		{"TEST-NET-2", "198.51.100.7", "documentation"},
		{"TEST-NET-3", "203.0.113.9", "documentation"},
		{"benchmarking", "198.19.0.1", "benchmarking"},
		{"6to4 relay anycast", "192.88.99.1", "6to4 relay"},
		{"multicast v4", "224.0.0.251", "multicast"},
		{"reserved", "240.0.0.1", "reserved"},
		{"broadcast", "255.255.255.255", "broadcast"},

		// IPv6 proper.
		{"unspecified v6", "::", "unspecified"},
		{"loopback v6", "::1", "loopback"},
		{"ULA", "fd00:ec2::254", "unique local"},
		{"ULA fc", "fc00::1", "unique local"},
		{"link-local v6", "fe80::1", "link-local"},
		{"link-local v6 with zone", "fe80::1%eth0", "link-local"},
		{"site-local", "fec0::1", "site-local"},
		{"multicast v6", "ff02::1", "multicast"},
		{"documentation v6", "2001:db8::1", "documentation"},
		{"documentation v6 3fff", "3fff::1", "documentation"},
		{"teredo", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"},
		{"benchmarking v6", "2001:2::1", "IETF"},
		{"ORCHIDv2", "2001:20::1", "IETF"},
		{"discard-only", "100::1", "outside 2000::/3"},
		{"SRv6 SID", "5f00::1", "outside 2000::/3"},
		{"local-use NAT64 of public", "64:ff9b:1::5db8:d70e", "local-use NAT64"},

		// IPv6 forms that embed a refused IPv4 address.
		{"v4-mapped loopback", "::ffff:127.0.0.1", "IPv4-mapped"},
		{"v4-mapped private", "::ffff:10.1.2.3", "private"},
		{"v4-mapped metadata", "::ffff:169.254.169.254", "metadata"},
		{"v4-compatible loopback", "::127.0.0.1", "IPv4-compatible"},
		{"v4-compatible public", "::93.184.215.14", "IPv4-compatible"},
		{"NAT64 of loopback", "64:ff9b::7f00:1", "NAT64"},
		{"NAT64 of metadata", "64:ff9b::a9fe:a9fe", "metadata"},
		{"NAT64 of private", "64:ff9b::c0a8:101", "private"},
		{"6to4 of loopback", "2002:7f00:1::1", "6to4"},
		{"6to4 of private", "2002:0a00:0001::1", "private"},
		{"6to4 of metadata", "2002:a9fe:a9fe::", "metadata"},
		{"6to4 of CGNAT", "2002:6440:1::1", "carrier-grade NAT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Refusal(netip.MustParseAddr(tt.ip))
			if tt.refused == "" && got != "" {
				t.Fatalf("Refusal(%s) = %q, want allowed", tt.ip, got)
			}
			if tt.refused != "" && !strings.Contains(got, tt.refused) {
				t.Fatalf("Refusal(%s) = %q, want a refusal mentioning %q", tt.ip, got, tt.refused)
			}
		})
	}
}

func TestAllowListIsNarrow(t *testing.T) {
	p := policy{allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("fd00:1::/64")}}
	tests := []struct {
		name, ip string
		allowed  bool
	}{
		{"allowed v4", "127.0.0.1", true},
		{"allowed v4, mapped", "::ffff:127.0.0.1", true},
		{"allowed v6", "fd00:1::5", true},
		{"neighbour of allowed v4", "127.0.0.2", false},
		{"other ULA", "fd00:2::5", false},
		{"loopback v6", "::1", false},
		{"metadata", "169.254.169.254", false},
		{"public still allowed", "93.184.215.14", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.refusal(netip.MustParseAddr(tt.ip)) == ""; got != tt.allowed {
				t.Fatalf("refusal(%s) allowed = %v, want %v", tt.ip, got, tt.allowed)
			}
		})
	}
}

// The Control hook is the single place the policy is enforced; it is given the address the
// socket is about to connect to.
func TestControlHook(t *testing.T) {
	d := newDialer(policy{}, nil)
	tests := []struct {
		name, network, address string
		refused                bool
	}{
		{"public v4", "tcp4", "93.184.215.14:443", false},
		{"public v6", "tcp6", "[2606:4700::6810:84e5]:443", false},
		{"private", "tcp4", "10.0.0.1:80", true},
		{"metadata", "tcp4", "169.254.169.254:80", true},
		{"mapped loopback", "tcp6", "[::ffff:127.0.0.1]:80", true},
		{"link-local with zone", "tcp6", "[fe80::1%eth0]:80", true},
		{"udp", "udp4", "93.184.215.14:53", true},
		{"unparsable", "tcp", "example.com:80", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := d.control(tt.network, tt.address, nil)
			var b *BlockedError
			if tt.refused != errors.As(err, &b) {
				t.Fatalf("control(%s, %s) = %v, want refused %v", tt.network, tt.address, err, tt.refused)
			}
		})
	}
}

func BenchmarkRefusal(b *testing.B) {
	addrs := []netip.Addr{netip.MustParseAddr("93.184.215.14"), netip.MustParseAddr("2606:4700::6810:84e5"),
		netip.MustParseAddr("2002:5db8:d70e::1"), netip.MustParseAddr("10.0.0.1")}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Refusal(addrs[i%len(addrs)])
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://user:pw@shop.example/feeds/gmc.xml?token=SECRET&x=1", "https://shop.example/feeds/gmc.xml?…"},
		{"http://shop.example:8080/a%2Fb", "http://shop.example:8080/a%2Fb"},
		{"/var/feeds/shop.xml", "/var/feeds/shop.xml"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
