// Package ifaces exits behind an interface: dynamic calls are not
// followed, but a type whose value escapes as an interface has its
// methods called by whoever holds it.
package ifaces

import "os"

type Stopper interface{ Stop() }

type hard struct{}

func (hard) Stop() { os.Exit(1) } // want Stop:"mayExit" `os\.Exit ends the process, reached from \(ifaces\.hard\)\.Stop \(method of ifaces\.hard, which escapes as ifaces\.Stopper at ifaces\.go:22\) -> os\.Exit`

func Shutdown(s Stopper) {
	s.Stop()
}

func Handle(f func()) { // want Handle:`invokes\(0\)`
	f() // a call through a func value is not followed either
}

var _ Stopper = hard{}
