// Package inner is in the same module as its callers.
package inner

import "os"

func Check(err error) { // want Check:"mayExit"
	if err != nil {
		os.Exit(2) // want `os\.Exit ends the process`
	}
}
