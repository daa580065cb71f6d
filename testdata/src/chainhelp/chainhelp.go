// Package chainhelp has methods that may end the process, for chained
// calls in package chained.
package chainhelp

import "os"

type T struct{}

func New() *T { // want New:"mayExit"
	if len(os.Args) == 0 {
		os.Exit(1) // want `os\.Exit ends the process`
	}
	return &T{}
}

func (*T) Die() { // want Die:"mayExit"
	os.Exit(2) // want `os\.Exit ends the process`
}
