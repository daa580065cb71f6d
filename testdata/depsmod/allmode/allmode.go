// Package allmode is checked with -deps=all: every call is reported.
package allmode

import "example.com/dep"

func Start(err error) { // want Start:"mayExit"
	dep.Must(err) // want `dep\.Must may end the process: dep\.Must -> log\.Fatal \(dep\.go:11\), reached from exported allmode\.Start -> dep\.Must; handle the failure there or make it return an error`
	dep.Must(err) // want `dep\.Must may end the process`
}
