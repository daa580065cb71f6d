// Package entries has one exit per kind of entry point, and exits that no
// entry reaches.
package entries

import "os"

var table = build()

func build() map[string]int {
	if len(os.Args) > 9 {
		os.Exit(1) // want `os\.Exit ends the process, reached from the initialiser of entries\.table -> entries\.build -> os\.Exit`
	}
	return map[string]int{}
}

func init() {
	if len(table) > 0 {
		os.Exit(2) // want `os\.Exit ends the process, reached from init -> os\.Exit`
	}
}

func Exported() { // want Exported:"mayExit"
	os.Exit(3) // want `reached from exported\ entries\.Exported -> os\.Exit`
}

type Server struct{}

func (s *Server) Start() { // want Start:"mayExit"
	s.listen()
}

func (s *Server) listen() {
	os.Exit(4) // want `reached from exported\ \(\*entries\.Server\)\.Start -> \(\*entries\.Server\)\.listen -> os\.Exit`
}

// worker is unexported: its exported method is not an entry by itself, but
// an exported constructor hands it out.
type worker struct{}

func (w worker) Run() { // want Run:"mayExit"
	os.Exit(5) // want `reached from exported\ entries\.NewWorker -> \(entries\.worker\)\.Run -> os\.Exit`
}

func NewWorker() worker { // want NewWorker:"mayExit"
	w := worker{}
	_ = w.Run
	return w
}

type idle struct{}

// Stop is exported on an unexported type that nothing hands out: not an
// entry, not reported, though it carries a fact for other packages.
func (idle) Stop() { // want Stop:"mayExit"
	os.Exit(6)
}

// unused is dead code: no entry reaches it.
func unused() {
	os.Exit(7)
}

type inner struct{}

// Stop is promoted into the exported Outer's method set: public API.
func (*inner) Stop() { // want Stop:"mayExit"
	os.Exit(8) // want `os\.Exit ends the process, reached from exported\ \(\*entries\.inner\)\.Stop\ \(promoted\ to\ entries\.Outer\) -> os\.Exit`
}

type Outer struct{ *inner }
