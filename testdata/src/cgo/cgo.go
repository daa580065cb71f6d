// Package cgo uses cgo: cmd/cgo rewrites this file and marks its output
// generated, yet the code is the user's own and is analysed.
package cgo

// #include <stdlib.h>
import "C"

import "os"

func Register() { // want Register:"mayExit"
	_ = C.rand()
	os.Exit(1) // want `os\.Exit ends the process, reached from exported\ cgo\.Register -> os\.Exit`
}
