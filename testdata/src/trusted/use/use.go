// Package use calls trusted and untrusted functions.
package use

import (
	"trusted/dep"
	"trusted/fdep"
)

func Start(t *fdep.T) { // want Start:"mayExit"
	dep.Must(nil) // trusted package
	t.M()         // trusted method
	fdep.G()      // trusted function
	fdep.Wrap()   // calls only trusted code
	fdep.H()      // want `fdep\.H may end the process`
}

// Quiet calls only trusted code: no fact.
func Quiet() { dep.Must(nil) }
