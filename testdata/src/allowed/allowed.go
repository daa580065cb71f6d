// Package allowed exits only where a directive says why that is right.
package allowed

import (
	"log"
	"os"
)

func SameLine() {
	os.Exit(1) //noexit:allow the CLI wrapper owns this process
}

func LineAbove() {
	//noexit:allow fatal config error during bootstrap is the contract here
	log.Fatal("bad config")
}

// Die ends the process on purpose.
//
//noexit:allow Die is the program's single exit point
func Die(code int) {
	os.Exit(code)
}

// Caller reaches an allowed function: said once, at the wrapper.
func Caller() {
	Die(3)
}

func NoReason() { // want NoReason:"mayExit"
	os.Exit(4) //noexit:allow // want `noexit:allow needs a reason` `os\.Exit ends the process, reached from exported\ allowed\.NoReason -> os\.Exit`
}

func Unknown() {
	//noexit:allwo typo // want `unknown directive //noexit:allwo`
	_ = os.Getpid()
}

func Tabbed() {
	os.Exit(9) //noexit:allow	tab-separated reason
}

func TrailingAbove() { // want TrailingAbove:"mayExit"
	_ = os.Getpid() //noexit:allow this is about Getpid only
	os.Exit(10)     // want `os\.Exit ends the process, reached from exported\ allowed\.TrailingAbove -> os\.Exit`
}
