// Package lib declares its own terminator.
package lib

import "os"

// Die logs and ends the process.
//
//noexit:terminates
func Die(msg string) { // want Die:"terminates"
	println(msg)
	os.Exit(1)
}

func Check(ok bool) { // want Check:`mayExit\(lib\.Check -> lib\.Die\)`
	if !ok {
		Die("not ok") // want `lib\.Die ends the process, reached from exported\ lib\.Check -> lib\.Die`
	}
}
