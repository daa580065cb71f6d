// Package modmode is checked with -deps=module: calls whose exit lies in
// this module are reported at every call; calls into another module's
// exit site once per package, at the first call, with the count.
package modmode

import (
	"example.com/app/inner"
	"example.com/dep"
)

func Start(err error) { // want Start:"mayExit"
	inner.Check(err) // want `inner\.Check may end the process: inner\.Check -> os\.Exit \(inner\.go:8\), reached from exported modmode\.Start -> inner\.Check; handle the failure there or make it return an error`
	dep.Must(err)    // want `dep\.Must may end the process: dep\.Must -> log\.Fatal \(dep\.go:11\) in example\.com/dep, reached from exported modmode\.Start -> dep\.Must; 3 more calls in this package reach this exit; handle the failure there, or accept it with -trust`
	dep.Must(err)    // same exit site: counted
	inner.Check(err) // want `inner\.Check may end the process`
	dep.Other()      // want `dep\.Other may end the process: dep\.Other -> os\.Exit \(dep\.go:18\) in example\.com/dep, reached from exported modmode\.Start -> dep\.Other; handle the failure there, or accept it with -trust`
}

func Stop(err error) { // want Stop:"mayExit"
	dep.Also(err) // same exit site as dep.Must: counted
	dep.Must(err) // counted
}
