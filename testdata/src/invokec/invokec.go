// Package invokec passes closures to a wrapper two packages away.
package invokec

import (
	"log"

	"invokeb"
)

// Start's closure runs inside invokeb.Retry: Start may exit.
func Start() { // want Start:"mayExit"
	invokeb.Retry(func() error {
		log.Fatal("cannot start") // want `log\.Fatal ends the process, reached from exported invokec\.Start -> log\.Fatal`
		return nil
	})
}

// Defer's closure is only stored by invokeb.Later: a callback.
func Defer() {
	invokeb.Later(func() error {
		log.Fatal("later") // want `log\.Fatal ends the process, reached from exported invokec\.Defer -> invokec\.Defer\.func1 -> log\.Fatal, reached from callback stored by invokec\.Defer`
		return nil
	})
}
