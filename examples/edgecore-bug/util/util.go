// Package util works out the node's local IP address, like KubeEdge's
// pkg/util. Nothing here exits: a failed lookup is an error.
package util

import (
	"errors"
	"fmt"
	"net"
)

// ErrNoHostInterface is returned when no host interface has a usable
// address: the cable is unplugged, Wi-Fi is off, or the only interface
// up is the loopback.
var ErrNoHostInterface = errors.New("no usable host interface")

// GetLocalIP returns the node's IP address: the first usable address that
// hostName resolves to (IPv4 preferred), or else the address of a host
// network interface.
func GetLocalIP(hostName string) (net.IP, error) {
	var ip net.IP
	if addrs, err := net.LookupIP(hostName); err == nil {
		for _, addr := range addrs {
			if ValidateNodeIP(addr) != nil {
				continue
			}
			if addr.To4() != nil {
				ip = addr
				break
			}
			if ip == nil {
				ip = addr
			}
		}
	}
	if ip != nil {
		return ip, nil
	}
	return ChooseHostInterface()
}

// ChooseHostInterface returns the first global unicast IPv4 address of an
// interface that is up and not the loopback, or else the first such IPv6
// address.
func ChooseHostInterface() (net.IP, error) {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("list host interfaces: %w", err)
	}
	var v6 net.IP
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := iface.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || ValidateNodeIP(n.IP) != nil {
				continue
			}
			if n.IP.To4() != nil {
				return n.IP, nil
			}
			if v6 == nil {
				v6 = n.IP
			}
		}
	}
	if v6 != nil {
		return v6, nil
	}
	return nil, fmt.Errorf("unable to select an IP from %d host interfaces: %w", len(ifaces), ErrNoHostInterface)
}

// ValidateNodeIP returns an error if ip cannot be a node address: nil,
// unspecified, loopback, link-local or multicast.
func ValidateNodeIP(ip net.IP) error {
	switch {
	case ip == nil:
		return errors.New("node IP is nil")
	case ip.IsUnspecified():
		return fmt.Errorf("node IP %s is unspecified", ip)
	case ip.IsLoopback():
		return fmt.Errorf("node IP %s is a loopback address", ip)
	case ip.IsLinkLocalUnicast():
		return fmt.Errorf("node IP %s is a link-local address", ip)
	case ip.IsMulticast():
		return fmt.Errorf("node IP %s is a multicast address", ip)
	}
	return nil
}
