package fiximports

import "os"

// None: the fix removes the only import and adds fmt.
func None(n int) error { // want None:"mayExit"
	if n > 3 {
		os.Exit(n) // want `os.Exit ends the process`
	}
	return nil
}
