// Package chained makes two calls that may end the process on one line:
// each finding points at its own call.
package chained

import "chainhelp"

func Use() { // want Use:"mayExit"
	chainhelp.New().Die() // want `chainhelp\.New may end the process` `\(\*chainhelp\.T\)\.Die may end the process`
}
