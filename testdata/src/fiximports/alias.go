package fiximports

import (
	format "fmt"
	"os"
)

// Alias uses the file's name for fmt.
func Alias(n int) error { // want Alias:"mayExit"
	if n < 0 {
		format.Fprintf(os.Stderr, "bad %d", n)
		os.Exit(1) // want `os.Exit ends the process`
	}
	return nil
}
