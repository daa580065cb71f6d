package fixdot

import (
	. "fmt"
	"os"
)

// Stat's error is built with the dot-imported fmt, which stays.
func Stat(name string) (int, error) { // want Stat:"mayExit"
	if name == "" {
		Fprintf(os.Stderr, "no name %s\n", name)
		os.Exit(1) // want `os.Exit ends the process`
	}
	return len(name), nil
}
