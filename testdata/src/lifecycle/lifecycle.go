// Package lifecycle has a module whose unexported methods the framework
// calls: with -lifecycle=lifecycle.Runnable and no default entries, they
// are the only entry points.
package lifecycle

import "os"

type Runnable interface {
	run()
	name() string
}

type module struct{}

func (m *module) run() { m.setup() }

func (*module) name() string { return "m" }

func (*module) setup() {
	os.Exit(1) // want `os\.Exit ends the process, reached from lifecycle\.Runnable\ method\ \(\*lifecycle\.module\)\.setup -> os\.Exit`
}

func Exported() { os.Exit(2) } // want Exported:"mayExit"

func Register() { // want Register:"mayExit"
	os.Exit(3) // want `os\.Exit ends the process, reached from lifecycle\.Register\ \(\-entry\ Register\) -> os\.Exit`
}

type server struct{}

func (*server) start() {
	os.Exit(4) // want `os\.Exit ends the process, reached from \(\*lifecycle\.server\)\.start \(-entry \(server\)\.start\) -> os\.Exit`
}
