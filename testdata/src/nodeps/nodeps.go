// Package nodeps calls a may-exit function of another package; with
// -deps=false that call is not reported.
package nodeps

import "chainc"

func Open() string { // want Open:"mayExit"
	return chainc.Load("")
}
