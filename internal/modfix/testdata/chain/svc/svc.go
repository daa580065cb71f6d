// Package svc calls lib from a function that returns an error and from
// one that does not.
package svc

import "example.com/chain/lib"

// Start starts the service.
func Start(addr string) error {
	p := lib.Port(addr)
	_ = p
	return nil
}

// Listen listens on a port.
func Listen(addr string) {
	lib.Port(addr)
}

// Parse is lib.Limit as a value.
var Parse = lib.Limit
