// Package ipsource works out a node's IP address and never exits the
// process.
//
// A Source does one lookup. Host is the default: it picks an address from
// the host's network interfaces. A Provider runs a Source in the background.
// It keeps the last good address, retries failed lookups with bounded
// exponential backoff, and tells callers when the address changes. A failed
// lookup is an error value. It does not end the process.
package ipsource

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
)

// Source does one lookup of the node's IP address. It must return a
// non-nil error rather than exit or panic when no address is available,
// and it should return promptly once ctx is done.
type Source func(ctx context.Context) (netip.Addr, error)

// ErrNoAddress is returned by Host when no interface has a usable address.
var ErrNoAddress = errors.New("ipsource: no usable host address")

// Static returns a Source that always reports addr. It is meant for
// addresses that come from configuration.
func Static(addr netip.Addr) Source {
	return func(ctx context.Context) (netip.Addr, error) {
		if !addr.IsValid() {
			return netip.Addr{}, errors.New("ipsource: static address is not valid")
		}
		return addr, nil
	}
}

// Host returns the default Source. It lists the host's network interfaces
// and skips any that are down or loopback. From the rest it returns the
// first global unicast IPv4 address, or the first global unicast IPv6
// address if there is no IPv4 one. If ifaceNames is not empty, only those
// interfaces are considered, in the order given. If nothing fits, the error
// wraps ErrNoAddress.
func Host(ifaceNames ...string) Source {
	names := slices.Clone(ifaceNames)
	return func(ctx context.Context) (netip.Addr, error) {
		if err := ctx.Err(); err != nil {
			return netip.Addr{}, err
		}
		ifaces, err := net.Interfaces()
		if err != nil {
			return netip.Addr{}, fmt.Errorf("ipsource: list interfaces: %w", err)
		}
		if len(names) > 0 {
			ifaces = orderByName(ifaces, names)
		}
		cands := make([]candidate, 0, len(ifaces))
		for _, iface := range ifaces {
			addrs, err := iface.Addrs()
			if err != nil {
				// One unreadable interface must not hide the others.
				continue
			}
			cands = append(cands, candidate{name: iface.Name, flags: iface.Flags, addrs: addrs})
		}
		return selectAddr(cands)
	}
}

// candidate is one interface's data as selectAddr needs it. It is separate
// from net.Interface so that the selection rules can be tested without
// real interfaces.
type candidate struct {
	name  string
	flags net.Flags
	addrs []net.Addr
}

// orderByName returns the interfaces named in names, in the order of names.
func orderByName(ifaces []net.Interface, names []string) []net.Interface {
	out := make([]net.Interface, 0, len(names))
	for _, n := range names {
		if i := slices.IndexFunc(ifaces, func(iface net.Interface) bool { return iface.Name == n }); i >= 0 {
			out = append(out, ifaces[i])
		}
	}
	return out
}

// selectAddr applies the rules described on Host.
func selectAddr(cands []candidate) (netip.Addr, error) {
	var v6 netip.Addr
	for _, c := range cands {
		if c.flags&net.FlagUp == 0 || c.flags&net.FlagLoopback != 0 {
			continue
		}
		for _, a := range c.addrs {
			ip, ok := toAddr(a)
			if !ok || !ip.IsGlobalUnicast() {
				continue
			}
			if ip.Is4() {
				return ip, nil
			}
			if !v6.IsValid() {
				v6 = ip
			}
		}
	}
	if v6.IsValid() {
		return v6, nil
	}
	return netip.Addr{}, fmt.Errorf("%w (checked %d interfaces)", ErrNoAddress, len(cands))
}

// toAddr converts an address reported by net.Interface.Addrs to a
// netip.Addr, unmapping IPv4-in-IPv6 forms.
func toAddr(a net.Addr) (netip.Addr, bool) {
	var ip net.IP
	switch v := a.(type) {
	case *net.IPNet:
		ip = v.IP
	case *net.IPAddr:
		ip = v.IP
	default:
		return netip.Addr{}, false
	}
	addr, ok := netip.AddrFromSlice(ip)
	if !ok {
		return netip.Addr{}, false
	}
	return addr.Unmap(), true
}
