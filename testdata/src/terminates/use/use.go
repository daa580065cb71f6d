// Package use calls another package's declared terminator.
package use

import "terminates/lib"

func Start() { // want Start:`mayExit\(use\.Start -> lib\.Die\)`
	lib.Die("bye") // want `lib\.Die ends the process, reached from exported\ use\.Start -> lib\.Die`
}
