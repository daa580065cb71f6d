// Package ifaces exits behind an interface: dynamic calls are not followed.
package ifaces

import "os"

type Stopper interface{ Stop() }

type hard struct{}

func (hard) Stop() { os.Exit(1) } // want Stop:"mayExit"

func Shutdown(s Stopper) {
	s.Stop()
}

func Handle(f func()) {
	f() // a call through a func value is not followed either
}

var _ Stopper = hard{}
