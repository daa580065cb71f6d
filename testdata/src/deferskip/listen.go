package main

import (
	"log"
	"net"
)

// listens closes a listener of any kind: a unix one unlinks its socket
// file, which the end of the process does not.
func listens(l net.Listener) {
	defer l.Close()
	log.Fatal("no") // want `^log\.Fatal skips the deferred l\.Close \(listen\.go:11\)`
}
