// Package closures exits from function literals: called, deferred,
// launched with go, and passed on.
package closures

import "os"

func Called() { // want Called:"mayExit"
	func() {
		os.Exit(1) // want `os\.Exit ends the process, reached from exported\ closures\.Called -> os\.Exit`
	}()
}

func Deferred() { // want Deferred:"mayExit"
	defer func() {
		os.Exit(2) // want `os\.Exit ends the process, reached from exported\ closures\.Deferred -> os\.Exit`
	}()
}

func Launched() { // want Launched:"mayExit"
	go func() {
		os.Exit(3) // want `os\.Exit ends the process, reached from exported\ closures\.Launched -> os\.Exit`
	}()
}

func PassedOn() { // want PassedOn:"mayExit"
	run(func() { os.Exit(4) }) // want `os\.Exit ends the process, reached from exported\ closures\.PassedOn -> os\.Exit`
}

func run(f func()) { f() }

// ViaHelper defines no exit itself; the literal it passes to a helper
// declared elsewhere does.
func ViaHelper() { // want ViaHelper:"mayExit"
	each([]int{1}, func(int) { die() })
}

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func die() {
	os.Exit(5) // want `os\.Exit ends the process, reached from exported\ closures\.ViaHelper -> closures\.die -> os\.Exit`
}
