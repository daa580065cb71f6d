// Package fdep has trusted and untrusted functions that exit.
package fdep

import "os"

type T struct{}

// M is trusted by -trust=trusted/fdep.(*T).M.
func (*T) M() { os.Exit(1) }

// G is trusted by -trust=trusted/fdep.G.
func G() { os.Exit(2) }

// H is not trusted.
func H() { // want H:"mayExit"
	os.Exit(3) // want `os\.Exit ends the process, reached from exported fdep\.H`
}

// Wrap calls a trusted function: it does not become may-exit.
func Wrap() { G() }
