// Package gencaller has a hand-written helper that only generated code
// calls.
package gencaller

import "log"

func setup() {
	log.Fatal("no config") // want `log\.Fatal ends the process, reached from exported gencaller\.NewClient -> gencaller\.setup -> log\.Fatal`
}
