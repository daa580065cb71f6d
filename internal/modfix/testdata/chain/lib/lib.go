// Package lib has an exported helper that exits on bad input.
package lib

import (
	"log"
	"strconv"
)

// Port parses a port number.
func Port(s string) int {
	p, err := strconv.Atoi(s)
	if err != nil {
		log.Fatalf("bad port %q: %v", s, err)
	}
	return p
}

// Limit parses a limit; it is also used as a value, so its signature
// cannot change.
func Limit(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		log.Fatalf("bad limit %q: %v", s, err)
	}
	return n
}
