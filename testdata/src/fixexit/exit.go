package fixexit

import (
	"os"
	"strconv"
)

func Atoi(s string) (int, error) { // want Atoi:"mayExit"
	n, err := strconv.Atoi(s)
	if err != nil {
		os.Exit(1) // want `os.Exit ends the process`
	}
	return n, nil
}

func Check(n int) error { // want Check:"mayExit"
	if n > 10 {
		os.Exit(3) // want `os.Exit ends the process`
	}
	return nil
}

func Done(ok bool) error { // want Done:"mayExit"
	if ok {
		os.Exit(0) // want `os.Exit ends the process, .*\(no automatic fix: exit status 0 ends the process successfully\)`
	}
	return nil
}
