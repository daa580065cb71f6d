// Package categories exercises the optional categories.
package categories

import (
	"log"
	"os"
	"runtime"
)

func Worker() { // want Worker:`mayExit\(categories\.Worker -> runtime\.Goexit\)`
	runtime.Goexit() // want `runtime\.Goexit ends the goroutine, reached from exported\ categories\.Worker -> runtime\.Goexit`
}

func Check(err error) { // want Check:`mayExit\(categories\.Check -> log\.Panicf\)`
	log.Panicf("check: %v", err) // want `log\.Panicf panics, reached from exported\ categories\.Check -> log\.Panicf`
}

func Exit() {
	os.Exit(1) // exit is not among the selected categories
}
