package bad

import "os"

// F exits.
func F() int {
	os.Exit(1)
	return "not an int"
}
