// Package e2e is test-support code; with -default-allow=false its exits are reported.
package e2e

import "os"

func Fail() { // want Fail:"mayExit"
	os.Exit(1) // want `os\.Exit ends the process`
}
