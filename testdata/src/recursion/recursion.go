// Package recursion needs a fixed point: may-exit must not depend on
// declaration order, self-recursion or mutual recursion.
package recursion

import "os"

// Early is declared before the functions it reaches.
func Early(n int) { // want Early:`mayExit\(recursion\.Early -> recursion\.ping -> recursion\.pong -> os\.Exit\)`
	ping(n)
}

func ping(n int) {
	if n > 0 {
		pong(n - 1)
	}
}

func pong(n int) {
	if n == 0 {
		os.Exit(1) // want `os\.Exit ends the process, reached from exported\ recursion\.Early -> recursion\.ping -> recursion\.pong -> os\.Exit`
	}
	ping(n)
}

func Self(n int) int { // want Self:`mayExit\(recursion\.Self -> os\.Exit\)`
	if n < 0 {
		os.Exit(2) // want `os\.Exit ends the process, reached from exported\ recursion\.Self -> os\.Exit`
	}
	if n == 0 {
		return 0
	}
	return Self(n - 1)
}

// Ring reaches an exit only through a three-function cycle that is declared
// out of order.
func Ring() { c() } // want Ring:`mayExit\(recursion\.Ring -> recursion\.c -> recursion\.a -> os\.Exit\)`

func b() { c() }

func c() { a() }

func a() {
	b()
	os.Exit(3) // want `os\.Exit ends the process, reached from exported\ recursion\.Ring -> recursion\.c -> recursion\.a -> os\.Exit`
}

// Clean recurses without exiting and has no fact.
func Clean(n int) int {
	if n == 0 {
		return 0
	}
	return Clean(n - 1)
}
