package ipsource

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"
	"time"
)

// ipnet returns addr the way net.Interface.Addrs reports it.
func ipnet(addr string, bits int) net.Addr {
	ip := net.ParseIP(addr)
	if ip4 := ip.To4(); ip4 != nil {
		ip = ip4
	}
	return &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, 8*len(ip))}
}

func TestSelectAddr(t *testing.T) {
	up := net.FlagUp
	tests := []struct {
		name    string
		cands   []candidate
		want    string
		wantErr bool
	}{
		{name: "no interfaces", wantErr: true},
		{
			name: "loopback only",
			cands: []candidate{
				{name: "lo", flags: up | net.FlagLoopback, addrs: []net.Addr{ipnet("127.0.0.1", 8), ipnet("::1", 128)}},
			},
			wantErr: true,
		},
		{
			name: "down interface skipped",
			cands: []candidate{
				{name: "eth0", flags: 0, addrs: []net.Addr{ipnet("10.0.0.1", 24)}},
				{name: "eth1", flags: up, addrs: []net.Addr{ipnet("10.0.1.1", 24)}},
			},
			want: "10.0.1.1",
		},
		{
			name: "link-local skipped, IPv4 preferred over earlier IPv6",
			cands: []candidate{
				{name: "eth0", flags: up, addrs: []net.Addr{ipnet("fe80::1", 64), ipnet("2001:db8::5", 64)}},
				{name: "eth1", flags: up, addrs: []net.Addr{ipnet("169.254.1.1", 16), ipnet("192.0.2.4", 24)}},
			},
			want: "192.0.2.4",
		},
		{
			name: "IPv6 only",
			cands: []candidate{
				{name: "eth0", flags: up, addrs: []net.Addr{ipnet("fe80::1", 64), ipnet("2001:db8::5", 64), ipnet("2001:db8::6", 64)}},
			},
			want: "2001:db8::5",
		},
		{
			name: "IPv4-mapped address unmapped",
			cands: []candidate{
				{name: "eth0", flags: up, addrs: []net.Addr{&net.IPAddr{IP: net.ParseIP("::ffff:192.0.2.9")}}},
			},
			want: "192.0.2.9",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := selectAddr(tt.cands)
			if tt.wantErr {
				if !errors.Is(err, ErrNoAddress) {
					t.Fatalf("selectAddr() = %v, %v; want ErrNoAddress", got, err)
				}
				return
			}
			if err != nil || got != netip.MustParseAddr(tt.want) {
				t.Fatalf("selectAddr() = %v, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestHostNeverPanics(t *testing.T) {
	// Host reads the real interfaces of the test machine, which may have
	// no usable address. Either outcome is fine as long as it is
	// reported as a value.
	addr, err := Host()(context.Background())
	if err == nil && !addr.IsValid() {
		t.Fatalf("Host() = %v with nil error; want a valid address", addr)
	}
	if err != nil && addr.IsValid() {
		t.Fatalf("Host() = %v with error %v; want no address", addr, err)
	}
	t.Logf("Host() = %v, %v", addr, err)

	// An interface that does not exist gives ErrNoAddress.
	if _, err := Host("no-such-interface-0")(context.Background()); !errors.Is(err, ErrNoAddress) {
		t.Fatalf("Host(missing) error = %v; want ErrNoAddress", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Host()(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Host() with cancelled context error = %v; want context.Canceled", err)
	}
}

func TestStatic(t *testing.T) {
	want := netip.MustParseAddr("192.0.2.1")
	if got, err := Static(want)(context.Background()); err != nil || got != want {
		t.Fatalf("Static() = %v, %v; want %v", got, err, want)
	}
	if _, err := Static(netip.Addr{})(context.Background()); err == nil {
		t.Fatal("Static(invalid) returned no error")
	}
}

func TestBackoffIsBoundedAndResets(t *testing.T) {
	ms := time.Millisecond
	b := backoff{min: 10 * ms, max: 100 * ms}
	want := []time.Duration{10 * ms, 20 * ms, 40 * ms, 80 * ms, 100 * ms, 100 * ms}
	for i, w := range want {
		if got := b.next(); got != w {
			t.Fatalf("step %d: next() = %v; want %v", i, got, w)
		}
	}
	b.reset()
	if got := b.next(); got != 10*ms {
		t.Fatalf("after reset: next() = %v; want 10ms", got)
	}

	// A minimum above half the maximum jumps straight to the maximum.
	b = backoff{min: 70 * ms, max: 100 * ms}
	if a, c := b.next(), b.next(); a != 70*ms || c != 100*ms {
		t.Fatalf("next() = %v, %v; want 70ms, 100ms", a, c)
	}
}

func TestOptionsDefaults(t *testing.T) {
	o := Options{MinBackoff: time.Hour, MaxBackoff: time.Second}.withDefaults()
	if o.MaxBackoff != time.Hour || o.Refresh != DefaultRefresh || o.Logger == nil {
		t.Fatalf("withDefaults() = %+v", o)
	}
}
